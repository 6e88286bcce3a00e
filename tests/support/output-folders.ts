/**
 * What a test of the atomic build looks at: the output folder of a scratch
 * site, the folders builds leave beside it, and the states a killed build
 * leaves on disk (lib/publish/output-folder.ts names them).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";
import { buildEnv, type ScratchSite } from "./scratch-site.ts";

/** Every file under a folder with a hash of its bytes. */
export function fingerprint(folder: string): Record<string, string> {
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).sort();
  return Object.fromEntries(
    files.flatMap((name) => {
      try {
        return [
          [
            name,
            createHash("sha256")
              .update(readFileSync(path.join(folder, name)))
              .digest("hex"),
          ],
        ];
      } catch {
        return []; // a folder
      }
    }),
  );
}

/** Folders beside _site: staging, previous and removing folders of builds. */
export const leftovers = (root: string) => readdirSync(root).filter((name) => name.startsWith("_site") && name !== "_site");

/** The pid of a process that has run and exited: no process has it now. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  if (child.pid === undefined || child.status !== 0) throw new Error("could not run a short process for its pid");
  return child.pid;
}

/** A folder Eleventy had begun to write: one page, cut in the middle. */
export function halfWritten(folder: string, from: string): void {
  mkdirSync(folder, { recursive: true });
  const page = readFileSync(path.join(from, "index.html"));
  writeFileSync(path.join(folder, "index.html"), page.subarray(0, page.length / 2));
}

/** A copy of the site, as the rename of a complete output folder would have made it. */
export function copyOfSite(site: ScratchSite, to: string): void {
  cpSync(site.output, to, { recursive: true });
}

/** The home page, the feed and the post's page are there, whole: HTML to its end, the feed well-formed XML. */
export function expectCompleteSite(output: string, slug: string, title: string): void {
  for (const page of ["index.html", path.join("posts", slug, "index.html")]) {
    const html = readFileSync(path.join(output, page), "utf8");
    expect(html.trimEnd().endsWith("</html>"), `${page} is whole`).toBe(true);
    expect(html).toContain(title);
  }
  expect(XMLValidator.validate(readFileSync(path.join(output, "feed.xml"), "utf8"))).toBe(true);
}

/** `npm run build` as a child process, to be killed. */
function startBuild(site: ScratchSite, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--import", "./scripts/typescript.js", "scripts/build.ts"], {
    cwd: site.root,
    env: buildEnv(env),
    stdio: "ignore",
  });
}

/** Waits until the build has written a file into its staging folder, then SIGKILLs it; returns its pid. */
export async function killOnceWriting(site: ScratchSite, env: NodeJS.ProcessEnv): Promise<number> {
  const child = startBuild(site, env);
  const pid = child.pid;
  if (pid === undefined) throw new Error("the build did not start");
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const staging = `${site.output}.staging-${pid}`;
  let finished = false;
  void exited.then(() => (finished = true));
  while (!finished && !hasFile(staging)) await new Promise((resolve) => setImmediate(resolve));
  if (finished) throw new Error("the build ended before it wrote its staging folder; nothing was killed");
  child.kill("SIGKILL");
  await exited;
  return pid;
}

function hasFile(folder: string): boolean {
  if (!existsSync(folder)) return false;
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true }).some((entry) => entry.isFile());
  } catch {
    return false; // written to as we look
  }
}

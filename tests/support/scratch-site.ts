/**
 * A throwaway copy of this project with posts of a test's choosing: the real
 * config, lib/, layouts/ and pages/ (linked, not copied) and its own posts/.
 * Builds run the same entry points an author or Netlify runs.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";

export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

const LINKED = ["lib", "layouts", "pages", "scripts", "assets", "node_modules"];
const COPIED = [".eleventy.js", "package.json", "tsconfig.json", "site.yaml", "posts/posts.11tydata.js"];

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ScratchSite {
  root: string;
  output: string;
  writePost(name: string, content: string | Uint8Array): Promise<void>;
  /** Sets fields of this site's own site.yaml (a copy of the project's, comments kept): `{ pageSize: 4, "author.name": "Desk" }`. */
  writeSettings(fields: Record<string, unknown>): Promise<void>;
  /** `npm run build` as a child process: the real production entry. */
  build(env?: NodeJS.ProcessEnv): Promise<RunResult>;
  run(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<RunResult>;
  remove(): Promise<void>;
}

/** The environment of a local build, stripped of anything the host's shell set. */
export function buildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  // ELEVENTY_RUN_MODE too: a preview run in this process would make the next build a preview.
  for (const key of ["CONTEXT", "URL", "DEPLOY_PRIME_URL", "SITE_URL", "ELEVENTY_RUN_MODE"]) delete env[key];
  return { ...env, ...extra };
}

export async function createScratchSite(posts: Record<string, string | Uint8Array> = {}): Promise<ScratchSite> {
  const root = await mkdtemp(path.join(tmpdir(), "scratch-site-"));
  await mkdir(path.join(root, "posts"));
  for (const name of LINKED) await symlink(path.join(projectRoot, name), path.join(root, name));
  for (const name of COPIED) await cp(path.join(projectRoot, name), path.join(root, name));
  const site: ScratchSite = {
    root,
    output: path.join(root, "_site"),
    async writePost(name, content) {
      await mkdir(path.dirname(path.join(root, "posts", name)), { recursive: true });
      await writeFile(path.join(root, "posts", name), content);
    },
    async writeSettings(fields) {
      const file = path.join(root, "site.yaml");
      const settings = parseDocument(await readFile(file, "utf8"));
      for (const [field, value] of Object.entries(fields)) settings.setIn(field.split("."), value);
      await writeFile(file, settings.toString());
    },
    build: (env) => site.run(process.execPath, ["--import", "./scripts/typescript.js", "scripts/build.ts"], env),
    run: (command, args, env = {}) =>
      new Promise((resolve) => {
        execFile(command, args, { cwd: root, env: buildEnv(env), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        });
      }),
    remove: () => rm(root, { recursive: true, force: true }),
  };
  for (const [name, content] of Object.entries(posts)) await site.writePost(name, content);
  return site;
}

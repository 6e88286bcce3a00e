/**
 * Builds the real project in-process through the production entry
 * (scripts/build.ts) into a temporary folder, then reads pages back the way a
 * server would: /foo/ is foo/index.html.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { build } from "../../lib/publish/build.ts";
import { buildEnv, projectRoot } from "./scratch-site.ts";

export interface BuiltSite {
  output: string;
  /** Every file written, as site paths: /index.html, /feed.xml … */
  files(): string[];
  /** Text served at a URL path. Throws when nothing is there. */
  text(url: string): string;
  exists(url: string): boolean;
  document(url: string): Document;
}

export async function buildProject(env: NodeJS.ProcessEnv = {}, root = projectRoot): Promise<BuiltSite> {
  const output = path.join(await mkdtemp(path.join(tmpdir(), "site-build-")), "_site");
  const saved = process.env;
  process.env = buildEnv(env);
  try {
    await build({ root, output });
  } finally {
    process.env = saved;
  }
  return readSite(output);
}

export function readSite(output: string): BuiltSite {
  const resolve = (url: string) => {
    const pathname = decodeURIComponent(new URL(url, "http://site.invalid").pathname);
    return path.join(output, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
  };
  const text = (url: string) => {
    const file = resolve(url);
    if (!existsSync(file)) throw new Error(`Nothing at ${url}; built: ${site.files().join(", ")}`);
    return readFileSync(file, "utf8");
  };
  const site: BuiltSite = {
    output,
    files: () =>
      readdirSync(output, { recursive: true, encoding: "utf8" })
        .map((name) => `/${name.split(path.sep).join("/")}`)
        .filter((name) => path.extname(name) !== "")
        .sort(),
    text,
    exists: (url) => existsSync(resolve(url)),
    document: (url) => parseHTML(text(url)).document as unknown as Document,
  };
  return site;
}

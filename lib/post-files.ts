/**
 * Which files are posts. Kept apart from lib/validate.ts so `npm run check`
 * can list the posts without loading the validators (zod, yaml, markdown-it)
 * when every outcome comes from its cache.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Lists Markdown files under a folder, as paths relative to `root`. */
export function listPostFiles(root: string, postsDir = "posts"): string[] {
  const dir = path.join(root, postsDir);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.posix.join(postsDir, name.split(path.sep).join("/")))
    .sort();
}

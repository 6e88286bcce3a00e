/**
 * Which files are posts. Kept apart from lib/validate.ts so `npm run check`
 * can list the posts without loading the validators (zod, yaml, markdown-it)
 * when every outcome comes from its cache.
 */
import { type Dirent, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

/** Whether a changed file, as Eleventy's watcher names it (`./posts/a.md`), is a post. */
export function isPostFile(file: string): boolean {
  return /^(\.\/)?posts\/.+\.md$/.test(file.split(path.sep).join("/"));
}

/** Lists Markdown files under a folder, as paths relative to `root` with forward slashes, sorted. */
export function listPostFiles(root: string, postsDir = "posts"): string[] {
  const dir = path.join(root, postsDir);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
  return collectMarkdown(dir, postsDir, [], new Set([realpathSync(dir)])).sort();
}

// A walk by entry types, not readdirSync's `recursive` option: that one was
// ten times slower (14–25 ms against 1.5–4 ms for 1,000 posts), and the
// live preview lists the posts again on every save.
function collectMarkdown(dir: string, relative: string, found: string[], ancestors: Set<string>): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = `${relative}/${entry.name}`;
    const full = path.join(dir, entry.name);
    if (!isFolder(entry, full)) {
      if (entry.name.endsWith(".md")) found.push(name);
      continue;
    }
    // A link back to a folder above would list the same posts forever.
    const real = realpathSync(full);
    if (ancestors.has(real)) continue;
    collectMarkdown(full, name, found, new Set(ancestors).add(real));
  }
  return found;
}

/**
 * Folders, and links to folders: Eleventy's file search follows links, so a
 * post it builds through one must be validated too (and one reachable twice
 * is reported as a duplicate slug, not published twice).
 */
function isFolder(entry: Dirent, full: string): boolean {
  return entry.isDirectory() || (entry.isSymbolicLink() && statSync(full, { throwIfNoEntry: false })?.isDirectory() === true);
}

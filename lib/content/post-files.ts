/**
 * Which files are posts. Kept apart from lib/checks/validate.ts so `npm run check`
 * can list the posts without loading the validators (zod, yaml, markdown-it)
 * when every outcome comes from its cache.
 */
import { type Dirent, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { PostProblem } from "../checks/problems.ts";

/** Whether a changed file, as Eleventy's watcher names it (`./posts/a.md`), is a post. */
export function isPostFile(file: string): boolean {
  return /^(\.\/)?posts\/.+\.md$/i.test(file.split(path.sep).join("/"));
}

/**
 * Markdown files under a folder, as paths relative to `root` with forward
 * slashes, sorted; `.MD` too, for lib/checks/validate.ts to refuse by name rather
 * than leave unchecked. Links that lead back to a folder above them are
 * problems: the same posts would be reachable without end.
 */
export function findPostFiles(root: string, postsDir = "posts"): { files: string[]; problems: PostProblem[] } {
  const dir = path.join(root, postsDir);
  const walk: Walk = { files: [], problems: [] };
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) collectMarkdown(dir, postsDir, walk, new Set([realpathSync(dir)]));
  return { files: walk.files.sort(), problems: walk.problems };
}

export function listPostFiles(root: string, postsDir = "posts"): string[] {
  return findPostFiles(root, postsDir).files;
}

type Walk = { files: string[]; problems: PostProblem[] };

// A walk by entry types rather than readdirSync's `recursive` option, which
// measured slower here; the live preview lists the posts on every save.
function collectMarkdown(dir: string, relative: string, walk: Walk, ancestors: Set<string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = `${relative}/${entry.name}`;
    const full = path.join(dir, entry.name);
    if (!isFolder(entry, full)) {
      if (entry.name.toLowerCase().endsWith(".md")) walk.files.push(name);
      continue;
    }
    const real = realpathSync(full);
    if (ancestors.has(real)) {
      walk.problems.push({
        file: name,
        line: 1,
        column: 1,
        field: "file",
        message:
          "expected a folder of posts, found a link back to a folder above it, which would list the same posts without end (remove the link)",
      });
      continue;
    }
    collectMarkdown(full, name, walk, new Set(ancestors).add(real));
  }
}

/**
 * Folders, and links to folders: Eleventy's file search follows links, so a
 * post it builds through one must be validated too (and one reachable twice
 * is reported as a duplicate slug, not published twice).
 */
function isFolder(entry: Dirent, full: string): boolean {
  return entry.isDirectory() || (entry.isSymbolicLink() && statSync(full, { throwIfNoEntry: false })?.isDirectory() === true);
}

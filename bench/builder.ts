// What run.ts needs to know about each static-site builder it compares.
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";

export type BuilderId = "ours" | "ours-cached" | "check" | "check-cached" | "bare" | "hugo";

export interface Command {
  cmd: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export interface Builder {
  id: BuilderId;
  label: string;
  /** null when the builder can run here; otherwise why it is skipped */
  skipReason(): string | null;
  /** lays out a buildable project in `dir` (empty, existing) with the posts of `postsDir` */
  setup(dir: string, postsDir: string): void;
  build(dir: string): Command;
  outDir(dir: string): string;
  /** the Markdown file of a post inside the laid-out project */
  postFile(dir: string, slug: string): string;
  /** dev-server command whose log announces rebuilds; absent when not compared */
  watch?(dir: string): Command;
  /**
   * What the builder keeps between builds (a build cache). Cleared before
   * every timed build, unless `keepsCache`: then one untimed build fills it
   * first, and each timed build is a second build, as on Netlify.
   */
  cacheDir?(dir: string): string;
  keepsCache?: boolean;
  /** Checks without building (`npm run check`): no site to count. */
  writesNoSite?: boolean;
}

/** Symlinks rather than copies node_modules so every builder runs the very same installed Eleventy. */
export function linkInto(dir: string, target: string, name: string): void {
  symlinkSync(target, join(dir, name), "dir");
}

export function copyPosts(postsDir: string, dest: string): void {
  mkdirSync(dest, { recursive: true });
  cpSync(postsDir, dest, { recursive: true });
}

/** Counts files under dir, and how many of them are HTML, to check a build wrote every post. */
export function countOutput(dir: string): { files: number; html: number } {
  let files = 0;
  let html = 0;
  if (!existsSync(dir)) return { files, html };
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.isDirectory()) stack.push(join(current, entry.name));
      else {
        files++;
        if (entry.name.endsWith(".html")) html++;
      }
    }
  }
  return { files, html };
}

// Our production pipeline on the generated posts: a scratch copy of this
// project whose code folders are symlinks (so edits in flight are what gets
// measured) and whose posts/ holds the generated posts instead of ours.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { copyPosts, linkInto } from "./builder.ts";
import type { Builder } from "./builder.ts";

const LINKED = ["lib", "layouts", "pages", "scripts", "node_modules"];
const COPIED = [".eleventy.js", "package.json", "tsconfig.json"];
const REQUIRED = ["scripts/build.ts", "scripts/typescript.js", ".eleventy.js"];

// A real checkout has history, and lib/git-dates.ts reads it on every build;
// one commit of the posts makes the scratch copy pay that cost too.
function commitPosts(dir: string): void {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "bench@example.com",
    GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "bench@example.com",
  };
  const git = (...args: string[]): void => {
    const r = spawnSync("git", ["-c", "commit.gpgsign=false", ...args], { cwd: dir, env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`git ${args[0]} failed in scratch project: ${r.stderr}`);
  };
  git("init", "-q");
  git("add", "posts");
  git("commit", "-q", "--no-verify", "-m", "generated posts");
}

export function ours(projectRoot: string): Builder {
  const tsNode = (...args: string[]): string[] => ["--import", "./scripts/typescript.js", ...args];
  return {
    id: "ours",
    label: "ours (production build)",
    skipReason() {
      const missing = REQUIRED.filter((p) => !existsSync(join(projectRoot, p)));
      return missing.length ? `core not there yet (missing ${missing.join(", ")})` : null;
    },
    setup(dir, postsDir) {
      for (const name of LINKED) {
        if (existsSync(join(projectRoot, name))) linkInto(dir, join(projectRoot, name), name);
      }
      for (const name of COPIED) {
        if (existsSync(join(projectRoot, name))) copyFileSync(join(projectRoot, name), join(dir, name));
      }
      const posts = join(dir, "posts");
      mkdirSync(posts);
      // Directory data files (posts.11tydata.js and the like) carry the post
      // defaults; the project's own Markdown posts stay out.
      const ownPosts = join(projectRoot, "posts");
      if (existsSync(ownPosts)) {
        for (const name of readdirSync(ownPosts)) {
          const from = join(ownPosts, name);
          if (!name.endsWith(".md") && statSync(from).isFile()) copyFileSync(from, join(posts, name));
        }
      }
      copyPosts(postsDir, posts);
      commitPosts(dir);
    },
    // The entry is named by its real path: through the `scripts` symlink Node
    // would see argv[1] (link) differ from import.meta.url (target), and
    // build.ts's "am I the main module?" check would skip the build silently.
    // The cwd is still the scratch project, which is what build.ts builds.
    build: () => ({
      cmd: process.execPath,
      args: tsNode(realpathSync(join(projectRoot, "scripts", "build.ts"))),
      env: { ...process.env, CONTEXT: "production" },
    }),
    outDir: (dir) => join(dir, "_site"),
    postFile: (dir, slug) => join(dir, "posts", `${slug}.md`),
    watch: () => ({
      cmd: process.execPath,
      args: tsNode("node_modules/@11ty/eleventy/cmd.cjs", "--watch", "--incremental"),
    }),
  };
}

// Our production pipeline on the generated posts: a scratch copy of this
// project whose posts/ holds the generated posts instead of ours.
//
// By default the folders are symlinks into the checkout and the top-level
// files are copies, so what gets measured is the working tree as it is.
// With a git ref the tree is exported from that commit instead, so edits in
// flight cannot skew (or break) a run.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { copyPosts, linkInto } from "./builder.ts";
import type { Builder } from "./builder.ts";

// The scratch project mirrors the checkout's top level, so a folder added
// later (assets/, data/ …) is picked up without touching this file. Left out:
// dot-folders (.git, .ci, caches), build output, and the posts themselves.
const SKIP_DIRS = new Set(["node_modules", "posts", "coverage"]);
const skipDir = (name: string): boolean => name.startsWith(".") || name.startsWith("_site") || SKIP_DIRS.has(name);
const REQUIRED = ["scripts/build.ts", "scripts/typescript.js", ".eleventy.js"];

function git(cwd: string, args: string[], input?: Buffer): Buffer {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "bench",
    GIT_AUTHOR_EMAIL: "bench@example.com",
    GIT_COMMITTER_NAME: "bench",
    GIT_COMMITTER_EMAIL: "bench@example.com",
  };
  const r = spawnSync("git", ["-c", "commit.gpgsign=false", ...args], { cwd, env, input, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr.toString()}`);
  return r.stdout;
}

// A real checkout has history, and lib/content/git-dates.ts reads it on every build;
// one commit of the posts makes the scratch copy pay that cost too.
function commitPosts(dir: string): void {
  git(dir, ["init", "-q"]);
  git(dir, ["add", "posts"]);
  git(dir, ["commit", "-q", "--no-verify", "-m", "generated posts"]);
}

/** Describes what "ours" measures, for the report: a commit, maybe dirty. */
export function describeOurs(projectRoot: string, ref: string | undefined): string {
  try {
    const rev = (r: string): string => execFileSync("git", ["rev-parse", "--short", r], { cwd: projectRoot, encoding: "utf8" }).trim();
    if (ref) return `commit ${rev(`${ref}^{commit}`)}`;
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: projectRoot, encoding: "utf8" }).trim();
    return `working tree at ${rev("HEAD")}${dirty ? " with uncommitted changes" : ""}`;
  } catch {
    return "not a git checkout";
  }
}

/**
 * The Node options of the project's own `npm run build` (package.json), so
 * the bench runs what Netlify runs, without npm's own start-up in the timing.
 */
export function buildScriptNodeOptions(dir: string): string[] {
  const script = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { scripts?: { build?: string } }).scripts?.build ?? "";
  const words = script.trim().split(/\s+/);
  const entry = words.indexOf("scripts/build.ts");
  if (words[0] !== "node" || entry === -1)
    throw new Error(`package.json's build script is not "node [options] scripts/build.ts": ${script}`);
  return words.slice(1, entry);
}

/** Ours again, timed on second builds: the build cache Netlify restores is in place. */
export function oursCached(projectRoot: string, ref?: string): Builder {
  // No watch check of its own: the dev server keeps everything in memory anyway.
  return {
    ...ours(projectRoot, ref),
    id: "ours-cached",
    label: "ours, second build (build cache kept)",
    keepsCache: true,
    watch: undefined,
  };
}

/**
 * Netlify's production context, with the build cache's secret set as the
 * README asks (BUILD_CACHE_KEY); `BUILD_CACHE_KEY= npm run bench` measures
 * builds without it, which judge every cached page again.
 */
const productionEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  CONTEXT: "production",
  BUILD_CACHE_KEY: process.env.BUILD_CACHE_KEY ?? "bench",
});

/** `npm run check` on the same posts, with an empty build cache or with the one its last run wrote: what the checks cost. */
export function oursCheck(projectRoot: string, ref: string | undefined, cached: boolean): Builder {
  const base = ours(projectRoot, ref);
  return {
    ...base,
    id: cached ? "check-cached" : "check",
    label: cached ? "npm run check, cache kept" : "npm run check, no cache",
    keepsCache: cached,
    writesNoSite: true,
    watch: undefined,
    build: (dir) => ({
      cmd: process.execPath,
      args: ["--import", "./scripts/typescript.js", realpathSync(join(dir, "scripts", "check.ts"))],
      env: productionEnv(),
    }),
  };
}

export function ours(projectRoot: string, ref?: string): Builder {
  const tsNode = (...args: string[]): string[] => ["--import", "./scripts/typescript.js", ...args];
  const hasAtRef = (path: string): boolean => spawnSync("git", ["cat-file", "-e", `${ref}:${path}`], { cwd: projectRoot }).status === 0;
  return {
    id: "ours",
    label: "ours (production build)",
    skipReason() {
      const missing = REQUIRED.filter((p) => (ref ? !hasAtRef(p) : !existsSync(join(projectRoot, p))));
      return missing.length ? `core not there yet (missing ${missing.join(", ")})` : null;
    },
    setup(dir, postsDir) {
      linkInto(dir, join(projectRoot, "node_modules"), "node_modules");
      const posts = join(dir, "posts");
      if (ref) {
        const tar = git(projectRoot, ["archive", "--format=tar", ref]);
        const r = spawnSync("tar", ["-x", "-C", dir], { input: tar, maxBuffer: 1 << 30 });
        if (r.status !== 0) throw new Error(`tar -x failed: ${r.stderr.toString()}`);
        for (const name of readdirSync(dir)) {
          if (name !== "node_modules" && name !== "posts" && skipDir(name) && statSync(join(dir, name)).isDirectory()) {
            rmSync(join(dir, name), { recursive: true, force: true });
          }
        }
        mkdirSync(posts, { recursive: true });
        for (const name of readdirSync(posts)) if (name.endsWith(".md")) rmSync(join(posts, name));
      } else {
        for (const entry of readdirSync(projectRoot, { withFileTypes: true })) {
          const from = join(projectRoot, entry.name);
          if (entry.isDirectory()) {
            if (!skipDir(entry.name)) linkInto(dir, from, entry.name);
          } else if (entry.isFile()) {
            // Copied, not linked: .eleventy.js must resolve ./lib from here.
            copyFileSync(from, join(dir, entry.name));
          }
        }
        mkdirSync(posts);
        // Directory data files (posts.11tydata.js and the like) carry the
        // post defaults; the project's own Markdown posts stay out.
        const ownPosts = join(projectRoot, "posts");
        if (existsSync(ownPosts)) {
          for (const name of readdirSync(ownPosts)) {
            const from = join(ownPosts, name);
            if (!name.endsWith(".md") && statSync(from).isFile()) copyFileSync(from, join(posts, name));
          }
        }
      }
      copyPosts(postsDir, posts);
      commitPosts(dir);
    },
    // The entry is named by its real path: through the `scripts` symlink Node
    // sees argv[1] (the link) differ from the entry's import.meta.url (the
    // target), and an "am I the main module?" check then quietly does nothing
    // (build.ts had one once). The cwd is still the scratch project.
    build: (dir) => ({
      cmd: process.execPath,
      args: [...buildScriptNodeOptions(dir), realpathSync(join(dir, "scripts", "build.ts"))],
      env: productionEnv(),
    }),
    outDir: (dir) => join(dir, "_site"),
    cacheDir: (dir) => join(dir, ".cache"),
    postFile: (dir, slug) => join(dir, "posts", `${slug}.md`),
    // What `npm start` runs, minus the server: scripts/preview.ts where the commit has it, Eleventy's command line before.
    watch: (dir) => ({
      cmd: process.execPath,
      args: existsSync(join(dir, "scripts", "preview.ts"))
        ? tsNode(realpathSync(join(dir, "scripts", "preview.ts")), "--watch")
        : tsNode("node_modules/@11ty/eleventy/cmd.cjs", "--watch", "--incremental"),
    }),
  };
}

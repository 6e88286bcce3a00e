/**
 * `npm run compare -- <ref> [<other ref>]`: builds the production site at two
 * points of the history (the second defaults to the working tree, edits and
 * new files included) and lists every file of the output that differs, with
 * the changed words. A refactoring should list nothing; a change of output
 * should list exactly what it meant to change.
 *
 * Both builds run in git worktrees, so each reads the same history for its
 * posts' revision dates, with the same environment and no build cache.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isMain } from "./is-main.ts";

const WORKING_TREE = "working tree";

/** The environment of a production build on Netlify, fixed so both builds get the same. */
const BUILD_ENV = {
  CONTEXT: "production",
  URL: "https://the-commit-ledger.netlify.app",
  BUILD_CACHE: "off",
};

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 1 << 28 });
  if (result.status !== 0 && !(command === "git" && args[0] === "diff" && result.status === 1)) {
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${result.stderr}${result.stdout}`);
  }
  return result.stdout;
}

function gitLines(root: string, args: string[]): string[] {
  return run("git", args, root).split("\0").filter(Boolean);
}

/** A worktree of `ref`, or of HEAD with the working tree's changes laid over it. */
function checkout(root: string, ref: string, into: string): void {
  run("git", ["worktree", "add", "--detach", "--quiet", into, ref === WORKING_TREE ? "HEAD" : ref], root);
  symlinkSync(path.join(root, "node_modules"), path.join(into, "node_modules"));
  if (ref !== WORKING_TREE) return;
  for (const file of gitLines(root, ["ls-files", "-z", "--deleted"])) rmSync(path.join(into, file), { force: true });
  for (const file of gitLines(root, ["ls-files", "-z", "--modified", "--others", "--exclude-standard"])) {
    if (!existsSync(path.join(root, file))) continue;
    mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    copyFileSync(path.join(root, file), path.join(into, file));
  }
}

function buildAt(root: string, ref: string, into: string): string {
  checkout(root, ref, into);
  const env = { ...process.env, ...BUILD_ENV };
  run(process.execPath, ["--import", "./scripts/typescript.js", "scripts/build.ts"], into, env);
  return path.join(into, "_site");
}

/** Every difference between two built sites, as `git diff` prints it: files added, removed, and the words changed. */
export function compareSites(before: string, after: string): string {
  const names = run("git", ["diff", "--no-index", "--name-status", "--", before, after], process.cwd());
  if (names.trim() === "") return "";
  // Words split at markup punctuation: pages are long lines, and a changed
  // attribute should show alone, not with the whole line around it.
  const words = run(
    "git",
    [
      "diff",
      "--no-index",
      "--no-prefix",
      "--word-diff=plain",
      '--word-diff-regex=[^[:space:]<>"=/]+|[^[:space:]]',
      "--unified=0",
      "--",
      before,
      after,
    ],
    process.cwd(),
  );
  return `${names}\n${words}`;
}

export function compareBuilds(root: string, before: string, after = WORKING_TREE): string {
  const scratch = mkdtempSync(path.join(tmpdir(), "compare-builds-"));
  const trees = [path.join(scratch, "before"), path.join(scratch, "after")];
  try {
    const sites = [buildAt(root, before, trees[0]!), buildAt(root, after, trees[1]!)];
    return compareSites(sites[0]!, sites[1]!).replaceAll(`${scratch}/`, "");
  } finally {
    for (const tree of trees) if (existsSync(tree)) run("git", ["worktree", "remove", "--force", tree], root);
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const [before, after] = process.argv.slice(2);
  if (!before) {
    console.error("Usage: npm run compare -- <ref> [<other ref>]   (the other defaults to the working tree)");
    process.exit(2);
  }
  const differences = compareBuilds(process.cwd(), before, after);
  if (differences === "") console.log(`The two builds are byte-identical (${before} and ${after ?? WORKING_TREE}).`);
  else {
    console.log(differences);
    process.exitCode = 1;
  }
}

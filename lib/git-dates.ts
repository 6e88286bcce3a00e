/**
 * When each post last changed, from git history, in one `git log` for the
 * whole folder rather than one process per post. A post committed once has
 * never been revised; only later commits count as updates.
 */
import { execFileSync } from "node:child_process";

export interface GitHistory {
  /** Date of the newest commit touching the file, when it was touched more than once. */
  revisedAt(file: string): Date | undefined;
}

const NO_HISTORY: GitHistory = { revisedAt: () => undefined };

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/**
 * Reads history for files under `folder` (relative to `root`). Without a
 * repository, or in a shallow clone whose oldest commit would pose as every
 * file's last edit, there is no history to trust and none is used.
 */
export function readGitHistory(root: string, folder: string): GitHistory {
  const prefix = git(root, ["rev-parse", "--is-shallow-repository", "--show-prefix"]);
  if (prefix === undefined) return NO_HISTORY;
  const [shallow, repoPrefix = ""] = prefix.split("\n");
  if (shallow === "true") return NO_HISTORY;
  const log = git(root, ["log", "--format=%x1e%cI", "--name-only", "--no-renames", "--", folder]);
  if (log === undefined) return NO_HISTORY;

  const latest = new Map<string, Date>();
  const commits = new Map<string, number>();
  for (const entry of log.split("\x1e").slice(1)) {
    const [dateLine = "", ...files] = entry.split("\n");
    const date = new Date(dateLine.trim());
    for (const fromRepoRoot of files) {
      if (!fromRepoRoot) continue;
      const file = fromRepoRoot.startsWith(repoPrefix) ? fromRepoRoot.slice(repoPrefix.length) : fromRepoRoot;
      // git log lists newest first, so the first date seen is the latest.
      if (!latest.has(file)) latest.set(file, date);
      commits.set(file, (commits.get(file) ?? 0) + 1);
    }
  }
  return {
    revisedAt: (file) => ((commits.get(file) ?? 0) > 1 ? latest.get(file) : undefined),
  };
}

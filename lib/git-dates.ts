/**
 * When each post was last revised, from git history, in one `git log` for the
 * whole folder rather than one process per post.
 *
 * A revision is a commit that modified the file. The commit that added it is
 * its publication, not a revision. That same rule makes shallow clones safe:
 * the oldest commit of a shallow clone has no parent, so git shows it adding
 * every file, and it never counts; revisions inside the clone's depth still
 * do. Without git or a repository (a tarball) there is simply no history.
 */
import { execFileSync } from "node:child_process";

export interface GitHistory {
  /** Committer date of the newest commit that modified the file, if any. */
  revisedAt(file: string): Date | undefined;
}

const NO_HISTORY: GitHistory = { revisedAt: () => undefined };

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    // No git installed, or not inside a repository.
    return undefined;
  }
}

/** Status letters of `--name-status` that mean the content changed in place (M) or changed type (T). */
const REVISION = /^[MT]$/;

/**
 * Reads history for files under `folder` (relative to `root`); files are
 * looked up by the same root-relative paths, with forward slashes.
 */
export function readGitHistory(root: string, folder: string): GitHistory {
  const prefix = git(root, ["rev-parse", "--show-prefix"]);
  if (prefix === undefined) return NO_HISTORY;
  const repoPrefix = prefix.trim();
  // quotePath off: file names come back as written, not as octal escapes.
  const log = git(root, ["-c", "core.quotePath=false", "log", "--format=%x1e%cI", "--name-status", "--no-renames", "--", folder]);
  if (log === undefined) return NO_HISTORY;

  const revised = new Map<string, Date>();
  for (const entry of log.split("\x1e").slice(1)) {
    const [dateLine = "", ...changes] = entry.split("\n");
    const date = new Date(dateLine.trim());
    for (const change of changes) {
      const [status = "", fromRepoRoot] = change.split("\t");
      if (!fromRepoRoot || !REVISION.test(status)) continue;
      const file = fromRepoRoot.startsWith(repoPrefix) ? fromRepoRoot.slice(repoPrefix.length) : fromRepoRoot;
      // git log lists newest first, so the first revision seen is the latest.
      if (!revised.has(file)) revised.set(file, date);
    }
  }
  return { revisedAt: (file) => revised.get(file) };
}

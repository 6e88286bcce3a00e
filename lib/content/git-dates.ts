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
import { execFile } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

export interface GitHistory {
  /** Committer date of the newest commit that modified the file, if any. */
  revisedAt(file: string): Date | undefined;
}

const NO_HISTORY: GitHistory = { revisedAt: () => undefined };

const run = promisify(execFile);

async function git(root: string, args: string[]): Promise<string | undefined> {
  try {
    return (await run("git", args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 })).stdout;
  } catch {
    // No git installed, or not inside a repository.
    return undefined;
  }
}

/** Status letters of `--name-status` that mean the content changed in place (M) or changed type (T). */
const REVISION = /^[MT]$/;

/** The last history read for each root and folder: the commit it was read at, and HEAD's reflog as it was before (unknown on the first read). */
const lastRead = new Map<string, { head: string; history: GitHistory; reflog: string | undefined; reflogState: string | undefined }>();

/** Size and modification time of a file, or undefined when there is none. */
function fileState(file: string | undefined): string | undefined {
  const stats = file === undefined ? undefined : statSync(file, { throwIfNoEntry: false });
  return stats && `${stats.size} ${stats.mtimeMs}`;
}

/**
 * Reads history for files under `folder` (relative to `root`); files are
 * looked up by the same root-relative paths, with forward slashes.
 *
 * History only changes when HEAD does, so a process that builds again (the
 * live preview, on every save) reads it again only after a commit, checkout
 * or pull: `git log` over years of commits is the slow part. Git appends to
 * HEAD's reflog whenever HEAD moves, so while that file keeps its size and
 * time, no git process is started at all. Without a reflog, git is asked
 * every time.
 * Asynchronous, so a build checks its posts while git runs.
 */
export async function readGitHistory(root: string, folder: string): Promise<GitHistory> {
  const key = `${root}\0${folder}`;
  const known = lastRead.get(key);
  // Looked at before git runs: a commit made in between is seen by the next call.
  const reflogState = fileState(known?.reflog);
  if (known && reflogState !== undefined && reflogState === known.reflogState) return known.history;
  const [prefix, head, reflogPath] =
    (await git(root, ["rev-parse", "--show-prefix", "HEAD", "--git-path", "logs/HEAD"]))?.split("\n") ?? [];
  // No git, no repository, or no commit yet.
  if (prefix === undefined || !head) return NO_HISTORY;
  const reflog = reflogPath ? path.resolve(root, reflogPath) : undefined;
  const history = known?.head === head ? known.history : await readLog(root, folder, prefix.trim());
  lastRead.set(key, { head, history, reflog, reflogState });
  return history;
}

async function readLog(root: string, folder: string, repoPrefix: string): Promise<GitHistory> {
  // quotePath off: file names come back as written, not as octal escapes.
  const log = await git(root, ["-c", "core.quotePath=false", "log", "--format=%x1e%cI", "--name-status", "--no-renames", "--", folder]);
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

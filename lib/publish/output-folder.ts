/**
 * The output folder and the folders a build keeps beside it (lib/publish/build.ts).
 * A build writes `<output>.staging-<pid>`, then publishes it in three steps,
 * each a single rename, so a process killed at any point leaves a state made
 * only of these names:
 *   1. output → `<output>.previous-<pid>` (the old site, aside)
 *   2. staging → output (the new site, in place)
 *   3. previous → `<output>.removing-<pid>`, then that is removed.
 * What each name holds is then known without looking inside:
 * - output, when it exists, is a complete site: only a rename of a complete
 *   folder creates it (the preview, which writes in place, aside).
 * - previous-* is a complete site: it is born of a rename of output, and
 *   leaves only by a rename, never by a removal that could stop halfway
 *   (step 3 renames it before removing it).
 * - staging-* is never known complete: Eleventy may have been killed in the
 *   middle of writing it.
 * - removing-* may be half removed.
 * So recoverOutput, run before every build and before the preview, puts a
 * previous folder back when output is missing (a kill between steps 1 and 2),
 * then removes the other leftovers of processes that are no longer running.
 */
import { existsSync, statSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { attempt } from "./output-write-error.ts";

type Kind = "staging" | "previous" | "removing";

export const stagingFolder = (output: string, pid = process.pid) => `${output}.staging-${pid}`;
export const previousFolder = (output: string, pid = process.pid) => `${output}.previous-${pid}`;

/** Step 3: the old site goes; renamed first, so that a half-removed folder never bears the name of a complete one. */
export async function discardPrevious(previous: string): Promise<void> {
  const removing = previous.replace(/\.previous-(\d+)$/, ".removing-$1");
  await attempt("remove the old site", previous, () => rename(previous, removing));
  await attempt("remove the old site", removing, () => rm(removing, { recursive: true, force: true }));
}

/**
 * After a build or a preview killed at any point: the last complete site back
 * at `output` if it went missing, and no leftover of a process that is not
 * running. A leftover of a running process is its build at work: untouched.
 */
export async function recoverOutput(output: string): Promise<void> {
  output = path.resolve(output);
  const leftovers = await leftoversOf(output);
  const dead = leftovers.filter((leftover) => !isRunning(leftover.pid));
  const previous = dead.filter((leftover) => leftover.kind === "previous");
  // A running build holding a previous folder is between steps 1 and 2: its new site is coming.
  const swapping = leftovers.some((leftover) => leftover.kind === "previous" && isRunning(leftover.pid));
  if (!existsSync(output) && !swapping && previous.length > 0) {
    // Several only when builds ran at once: the one renamed last (ctime) was published last.
    const last = previous.reduce((a, b) => (statSync(b.path).ctimeMs > statSync(a.path).ctimeMs ? b : a));
    await attempt("put the last complete site back at", output, () => rename(last.path, output));
    previous.splice(previous.indexOf(last), 1);
  }
  // removing-<pid> first: discarding previous-<pid> renames it to that name.
  for (const leftover of dead) {
    if (leftover.kind !== "previous")
      await attempt("remove the leftover", leftover.path, () => rm(leftover.path, { recursive: true, force: true }));
  }
  for (const leftover of previous) await discardPrevious(leftover.path).catch(ignoreMissing);
}

async function leftoversOf(output: string): Promise<{ path: string; kind: Kind; pid: number }[]> {
  const prefix = `${path.basename(output)}.`;
  const names = await readdir(path.dirname(output)).catch(ignoreMissing);
  return (names ?? []).flatMap((name) => {
    const match = name.startsWith(prefix) ? /^(staging|previous|removing)-(\d+)$/.exec(name.slice(prefix.length)) : null;
    return match ? [{ path: path.join(path.dirname(output), name), kind: match[1] as Kind, pid: Number(match[2]) }] : [];
  });
}

function isRunning(pid: number): boolean {
  // Recovery runs before this process writes anything, so its own pid on a
  // leftover is a dead process's (pids are reused, constantly in containers).
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Another process got there first. */
function ignoreMissing(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
  throw error;
}

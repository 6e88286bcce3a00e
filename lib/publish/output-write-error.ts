/**
 * A build that cannot write its output for the machine's reasons (a full
 * disk, a missing permission, a read-only file system) says so in plain
 * words, with the folder, instead of the stack of whatever Eleventy wrapped
 * the system's error in. What Eleventy 3.1 surfaces on its own:
 * - a template's write: EleventyTemplateError ("Having trouble writing to …"),
 *   the system's error in `originalError`, not `cause`;
 * - a passthrough copy: TemplatePassthroughManagerCopyError, two
 *   `originalError`s deep, and often unhandled (lib/publish/build.ts);
 * - a folder made by Node 20's recursive mkdir, as the passthrough copy makes
 *   them: ENOENT, whatever the system said (nodejs/node#42808 for ENOSPC,
 *   #47098 for EROFS); hence unmaskMkdir.
 */
import { existsSync } from "node:fs";
import { mkdir, rmdir } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";

const mayNotWrite = (folder: string) => `Let ${whoAmI()} write to ${path.dirname(folder)}, or build as a user who may, and build again.`;

/** Why a folder could not be written, in the words an author can act on. */
const REASONS: Record<string, { what: string; fix: (folder: string) => string }> = {
  ENOSPC: { what: "the disk is full", fix: () => "Free some space and build again." },
  EDQUOT: { what: "the disk quota is used up", fix: () => "Free some space and build again." },
  EACCES: { what: "permission denied", fix: mayNotWrite },
  EPERM: { what: "the operation is not permitted", fix: mayNotWrite },
  EROFS: {
    what: "the file system is read-only",
    fix: () => "Build on a writable file system, or mount this one read-write, and build again.",
  },
};

/** The output could not be written for a reason of the machine's, not of the site's. */
export class OutputWriteError extends Error {
  readonly folder: string;
  readonly code: string;

  constructor(action: string, folder: string, code: string, cause: unknown) {
    const reason = REASONS[code] ?? { what: "it failed", fix: () => "Build again." };
    super(`Cannot ${action} ${folder}: ${reason.what} (${code}). ${reason.fix(folder)}`, { cause });
    this.name = "OutputWriteError";
    this.folder = folder;
    this.code = code;
  }
}

/** The errors `error` wraps, itself first: in `cause`, Eleventy's `originalError`, an AggregateError's `errors`. */
function* causes(error: unknown): Generator<NodeJS.ErrnoException> {
  const pending = [error];
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const current = pending.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    yield current as NodeJS.ErrnoException;
    const { cause, originalError, errors } = current as { cause?: unknown; originalError?: unknown; errors?: unknown };
    pending.push(cause, originalError, ...(Array.isArray(errors) ? errors : []));
  }
}

/**
 * The error to report for `error`, given others met in the same attempt: an
 * OutputWriteError when a machine's reason is among their causes, else
 * `error` itself.
 */
export function asOutputWriteError(action: string, folder: string, error: unknown, also: unknown[] = []): unknown {
  if (error instanceof OutputWriteError) return error;
  for (const one of [error, ...also]) {
    for (const cause of causes(one)) {
      if (typeof cause.code === "string" && cause.code in REASONS) return new OutputWriteError(action, folder, cause.code, error);
    }
  }
  return error;
}

/** Runs a step on `folder`, reporting a machine's reason in plain words. */
export async function attempt<T>(action: string, folder: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw asOutputWriteError(action, folder, error);
  }
}

/**
 * The system's own errors behind a recursive mkdir's ENOENT in `staging`.
 * While the staging folder exists nothing else makes a mkdir inside it fail
 * with ENOENT, so a plain mkdir of the first missing folder on that path,
 * made now (and removed should it succeed), gets the system's answer.
 */
export async function unmaskMkdir(staging: string, errors: unknown[]): Promise<unknown[]> {
  const found: unknown[] = [];
  for (const error of errors) {
    for (const cause of causes(error)) {
      if (cause.code !== "ENOENT" || cause.syscall !== "mkdir" || typeof cause.path !== "string") continue;
      let missing = path.resolve(cause.path);
      if (!missing.startsWith(staging + path.sep) || !existsSync(staging)) continue;
      while (path.dirname(missing) !== staging && !existsSync(path.dirname(missing))) missing = path.dirname(missing);
      try {
        await mkdir(missing);
        await rmdir(missing);
      } catch (probe) {
        found.push(probe);
      }
    }
  }
  return found;
}

function whoAmI(): string {
  try {
    return `the user ${userInfo().username}`;
  } catch {
    return "this user"; // a uid with no name, as in some containers
  }
}

/** One thing wrong in a post's body; lines are 1-based within the body. */
export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

/** One thing wrong with one post, placed where the author can fix it. */
export interface PostProblem {
  /** Path relative to the project root, with forward slashes: posts/foo.md */
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

export function formatProblem(problem: PostProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.field}: ${problem.message}`;
}

/** Thrown before anything is rendered, carrying every problem found in one pass. */
export class PostValidationError extends Error {
  readonly problems: PostProblem[];

  constructor(problems: PostProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`${count} in posts; nothing was published.\n${problems.map(formatProblem).join("\n")}`);
    this.name = "PostValidationError";
    this.problems = problems;
  }
}

/** Errors whose message is written for the author or editor: printed as they are, without a stack. */
const PLAIN_ERRORS = new Set(["PostValidationError", "OutputWriteError", "SiteSettingsError"]);

/**
 * What a failed build or preview prints. Eleventy wraps errors thrown in its
 * events and templates (in `cause`, or `originalError` for its template
 * errors); the author needs the innermost message, not a stack of wrappers.
 */
export function formatFailure(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error) {
    if (PLAIN_ERRORS.has(current.name)) return current.message;
    const inner = current.cause ?? (current as { originalError?: unknown }).originalError;
    if (!(inner instanceof Error)) break;
    current = inner;
  }
  return error instanceof Error ? `Build failed: ${error.stack ?? error.message}` : `Build failed: ${String(error)}`;
}

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

/**
 * What a failed build prints. Eleventy wraps errors thrown in its events and
 * templates; the author needs the innermost message, not a stack of wrappers.
 */
export function formatFailure(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error) {
    if (current instanceof PostValidationError || current.name === "PostValidationError") return current.message;
    if (!(current.cause instanceof Error)) break;
    current = current.cause;
  }
  return error instanceof Error ? `Build failed: ${error.stack ?? error.message}` : `Build failed: ${String(error)}`;
}

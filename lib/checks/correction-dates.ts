/**
 * A correction dated in the future is refused: the page would announce a
 * change not yet made, and the feeds and search engines would carry a
 * modified date still to come. Whether a date has passed depends on when the
 * check runs, while a file's outcome is kept between runs
 * (lib/cache/validation-cache.ts) and must not. So the per-file check only
 * notes each date and its line, and the set check judges them against the
 * build's `now` (lib/checks/post-set-checks.ts), afresh on every run, as it
 * decides which posts are scheduled. `npm run check` and the build share both
 * halves, and so their verdict.
 */
import { readPostDate } from "../content/post-date.ts";
import type { SourcePosition } from "../content/yaml-positions.ts";
import type { CorrectionDate, FileOutcome } from "./outcome.ts";
import type { PostProblem } from "./problems.ts";

/**
 * The dates of a post's corrections as written, read as the schema reads
 * them, whether or not the rest of the post is valid: every problem in one
 * run. A date the schema refuses is left to the schema's message.
 */
export function correctionDates(data: Record<string, unknown>, where: (field: string) => SourcePosition): CorrectionDate[] {
  const list = data.corrections;
  if (!Array.isArray(list)) return [];
  const dates: CorrectionDate[] = [];
  for (const [index, item] of list.entries()) {
    const written = (item as { date?: unknown } | null)?.date;
    if (typeof written !== "string") continue;
    const reading = readPostDate(written);
    const field = `corrections.${index}.date`;
    if ("date" in reading) dates.push({ field, ...where(field), date: reading.date, written });
  }
  return dates;
}

/** A problem for each correction of `file` dated after `now`. */
export function futureCorrectionProblems(file: string, outcome: FileOutcome, now: Date): PostProblem[] {
  return (outcome.correctionDates ?? [])
    .filter((correction) => correction.date > now)
    .map(({ field, line, column, written }) => ({
      file,
      line,
      column,
      field,
      // The time of the run is left out: `npm run check` and the build print the same line.
      message: `expected a date that has passed (a correction is dated when it is published), found the text ${JSON.stringify(written)}`,
    }));
}

/**
 * The checks that need every post at once, or the time of the run: file names
 * used twice, tags that would share a URL, links to posts that do not exist or
 * are not yet out, corrections dated in the future. They run
 * over per-file outcomes, fresh or cached (lib/cache/validation-cache.ts), so they
 * always see the whole current set, and load none of the per-file validators.
 */
import type { PostProblem } from "./problems.ts";
import { postLinkProblems } from "./post-links.ts";
import { bylineProblems } from "./bylines.ts";
import { futureCorrectionProblems } from "./correction-dates.ts";
import { slugifyTag } from "../content/slug.ts";
import { addresses } from "../site/addresses.ts";
import type { FileOutcome, LinkInFile, ValidationReport, ValidPost } from "./outcome.ts";

/**
 * `outcomes[i]` is the outcome of `files[i]`; problems come per file in order,
 * then those across files. `now` decides which posts are still scheduled, and
 * which corrections are still to come; `people` are site.yaml's `authors:`,
 * whom bylines name.
 */
export function combineOutcomes(
  files: string[],
  outcomes: FileOutcome[],
  now: Date,
  people: Readonly<Record<string, unknown>>,
): ValidationReport {
  const report: ValidationReport = { posts: [], problems: [] };
  const links: LinkInFile[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.post) report.posts.push(outcome.post);
    const file = files[index] ?? "";
    const bylines = bylineProblems(file, outcome.bylines ?? [], people);
    report.problems.push(...outcome.problems, ...futureCorrectionProblems(file, outcome, now), ...bylines);
    links.push(...(outcome.links ?? []));
  }
  report.problems.push(...crossPostProblems(report.posts));
  report.problems.push(...postLinkProblems(links, files, report.posts, now));
  return report;
}

function crossPostProblems(posts: ValidPost[]): PostProblem[] {
  const problems: PostProblem[] = [];
  const bySlug = new Map<string, string>();
  const tagSpellings = new Map<string, { spelling: string; file: string }>();
  for (const post of posts) {
    const first = bySlug.get(post.slug);
    if (first) {
      problems.push({
        file: post.file,
        line: 1,
        column: 1,
        field: "slug",
        message: `expected a unique file name, found "${post.slug}" already used by ${first}`,
      });
    } else bySlug.set(post.slug, post.file);
    for (const tag of post.data.tags) {
      const slug = slugifyTag(tag);
      const seen = tagSpellings.get(slug);
      // Case and surrounding space are folded (Politics = politics); anything else sharing a URL is ambiguous.
      if (seen && seen.spelling.toLowerCase() !== tag.toLowerCase()) {
        problems.push({
          file: post.file,
          line: 1,
          column: 1,
          field: "tags",
          message: `expected tags that differ in their URL, found "${tag}" and "${seen.spelling}" (${seen.file}) both at ${addresses.tag(tag)}`,
        });
      } else if (!seen) tagSpellings.set(slug, { spelling: tag, file: post.file });
    }
  }
  return problems;
}

/**
 * `npm run check`: validates every post the way the build does, without
 * building, fast enough for a pre-commit hook. Prints each problem as
 * file:line:column: field: message and exits 1 if there is any.
 *
 * Each file's outcome is kept in `.cache/` (lib/cache/validation-cache.ts), so a
 * run loads the validators, which cost most of its time, only when a post
 * changed; the checks across posts run over every outcome each time.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { isMain } from "./is-main.ts";
import { formatFailure, formatProblem } from "../lib/checks/problems.ts";
import { combineOutcomes } from "../lib/checks/post-set-checks.ts";
import type { FileOutcome } from "../lib/checks/outcome.ts";
import { findPostFiles } from "../lib/content/post-files.ts";
import { loadSite, type SiteMetadata } from "../lib/site/settings.ts";
import { openValidationCache, outcomeOf } from "../lib/cache/validation-cache.ts";

export async function check(root: string, site?: SiteMetadata, now = new Date()): Promise<{ output: string; ok: boolean }> {
  // The build reads site.yaml first too: a bad one is refused with the same message, before any post.
  site ??= await loadSite(process.env, root);
  const { files, problems: folderProblems } = findPostFiles(root);
  const cache = openValidationCache(root, site.url);
  const outcomes: FileOutcome[] = [];
  for (const file of files) outcomes.push(await outcomeOf(cache, root, file, readFileSync(path.join(root, file)), site.url));
  cache.save();
  const problems = [...folderProblems, ...combineOutcomes(files, outcomes, now, site.authors).problems];
  const posts = files.length === 1 ? "1 post" : `${files.length} posts`;
  if (problems.length === 0) return { ok: true, output: `Checked ${posts}: no problems.` };
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return { ok: false, output: `${problems.map(formatProblem).join("\n")}\n${count}, checking ${posts}.` };
}

if (isMain(import.meta.url)) {
  try {
    const result = await check(path.resolve("."));
    if (result.ok) console.log(result.output);
    else {
      console.error(result.output);
      process.exitCode = 1;
    }
  } catch (error) {
    // Printed as the build prints it (scripts/build.ts).
    console.error(formatFailure(error));
    process.exitCode = 1;
  }
}

/**
 * `npm run check`: validates every post the way the build does, without
 * building, fast enough for a pre-commit hook. Prints each problem as
 * file:line:column: field: message and exits 1 if there is any.
 */
import path from "node:path";
import { isMain } from "./is-main.ts";
import { formatProblem } from "../lib/errors.ts";
import { listPostFiles, validateFiles } from "../lib/validate.ts";

export function check(root: string): { output: string; ok: boolean } {
  const files = listPostFiles(root);
  const { problems } = validateFiles(root, files);
  const posts = files.length === 1 ? "1 post" : `${files.length} posts`;
  if (problems.length === 0) return { ok: true, output: `Checked ${posts}: no problems.` };
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return { ok: false, output: `${problems.map(formatProblem).join("\n")}\n${count}, checking ${posts}.` };
}

if (isMain(import.meta.url)) {
  const result = check(path.resolve("."));
  if (result.ok) console.log(result.output);
  else {
    console.error(result.output);
    process.exitCode = 1;
  }
}

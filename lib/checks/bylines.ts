/**
 * A post's `author:` names people by their key in site.yaml's `authors:`.
 * The schema checks a key's shape; whether anyone has that key depends on
 * site.yaml, so it is checked here, with the other posts, over outcomes fresh
 * or cached: a person renamed or removed in site.yaml is caught in every post
 * that still names them, without validating any post again.
 */
import type { Byline } from "./outcome.ts";
import type { PostProblem } from "./problems.ts";
import { suggestField } from "./suggest.ts";
import { AUTHOR_KEY } from "../content/slug.ts";

export function bylineProblems(file: string, bylines: readonly Byline[], people: Readonly<Record<string, unknown>>): PostProblem[] {
  const keys = Object.keys(people);
  const problems: PostProblem[] = [];
  const seen = new Set<string>();
  for (const { key, line, column } of bylines) {
    // A key of the wrong shape is the schema's to report.
    if (!AUTHOR_KEY.test(key)) continue;
    const add = (message: string) => problems.push({ file, line, column, field: "author", message });
    if (seen.has(key)) add(`expected each author once, found "${key}" again`);
    seen.add(key);
    if (Object.hasOwn(people, key)) continue;
    if (keys.length === 0) {
      add(`expected the key of a person listed under \`authors:\` in site.yaml, found "${key}" (site.yaml lists nobody yet)`);
      continue;
    }
    const hint = suggestField(key, keys);
    const listed = keys.length <= 12 ? keys.join(", ") : `${keys.slice(0, 12).join(", ")}…`;
    add(`expected the key of a person in site.yaml's \`authors:\` (${listed})${hint ? `; did you mean "${hint}"?` : ""}, found "${key}"`);
  }
  return problems;
}

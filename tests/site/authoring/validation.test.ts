/**
 * Every bad input from issue 5, as files in tests/fixtures/bad-posts/, put
 * into one throwaway site and built once with the production entry: the
 * build must fail, name every problem in that one run, and `npm run check`
 * must report exactly the same lines.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchSite, type RunResult, type ScratchSite } from "../../support/scratch-site.ts";
import { plainJpeg } from "../../support/test-images.ts";

const FIXTURES = fileURLToPath(new URL("../../fixtures/bad-posts/", import.meta.url));

/** [where: "file:line:column: field:", part of the message] — one row per problem expected. */
const EXPECTED: [string, string][] = [
  ["posts/invalid-yaml.md:4:14: description:", 'expected valid YAML, found an error: Missing closing "quote'],
  ["posts/missing-title.md:1:1: title:", "expected the headline as text, found nothing"],
  ["posts/empty-title.md:2:1: title:", "expected a non-empty headline, found an empty text"],
  ["posts/unparseable-date.md:3:1: date:", 'expected a day from 1 to 29 for February 2024, found the text "2024-02-30"'],
  ["posts/date-in-words.md:3:1: date:", 'expected a date like 2018-06-14 or 2018-06-14T09:30:00-04:00, found the text "June 14, 2018"'],
  ["posts/date-day-first.md:4:1: date:", 'expected a date like 2018-06-14 or 2018-06-14T09:30:00-04:00, found the text "14/06/2018"'],
  ["posts/draft-as-text.md:5:1: draft:", 'expected true or false (not in quotes), found the text "false"'],
  ["posts/tags-not-a-list.md:5:1: tags:", 'expected a list of tags, like [politics, courts], found the text "politics, courts"'],
  ["posts/tag-without-letters.md:5:1: tags.1:", 'expected a tag with letters or digits (it becomes part of a URL), found the text "!!!"'],
  ["posts/2024/same-story.md:1:1: slug:", 'expected a unique file name, found "same-story" already used by posts/2023/same-story.md'],
  ["posts/not-utf8.md:7:8: file:", "expected UTF-8 text, found bytes in another encoding"],
  ["posts/empty-body.md:6:1: body:", "expected the article text after the closing `---`, found an empty body"],
  ["posts/no-closing-fence.md:1:1: frontmatter:", "expected a closing `---` line after the fields, found the end of the file"],
  [
    "posts/Unsafe Slug!.md:1:1: slug:",
    'expected a file name of lowercase letters, digits and single hyphens (it becomes the URL), found "Unsafe Slug!"',
  ],
  ["posts/unknown-field.md:2:1: tittle:", 'unknown field; did you mean "title"?'],
  ["posts/unknown-field.md:1:1: title:", "expected the headline as text, found nothing"],
  ["posts/unclosed-code-fence.md:9:1: body:", "expected a closing ``` for the code block opened here, found the end of the file"],
  [
    "posts/image-without-alt.md:9:1: body:",
    "expected alt text saying what the image shows, like ![Mayor cuts the ribbon](/media/bridge.jpg), found ![](/media/bridge.jpg)",
  ],
  ["posts/image-without-alt.md:11:14: body:", 'expected an alt="…" saying what the image shows, found <img> with no alt'],
  [
    "posts/malformed-markdown.md:7:6: body:",
    "expected a link like [text](https://example.com/page), found [the report](https://example.org/report,",
  ],
  ["posts/malformed-markdown.md:9:9: body:", "expected bold text closed with **, found **very without its closing **"],
  [
    "posts/links-to-missing-post.md:7:25: body:",
    "expected a link to an existing post, found /posts/empty-titel/ but there is no posts/empty-titel.md; did you mean /posts/empty-title/?",
  ],
  ["posts/links-to-draft.md:7:23: body:", "expected a link to a published post, found /posts/a-draft/, a draft"],
  ["posts/updated-before-date.md:4:1: updated:", 'expected a date no earlier than the post\'s `date`, found the text "2024-02-01"'],
  // Issue 19: corrections.
  [
    "posts/correction-before-story.md:6:5: corrections.0.date:",
    'expected a date no earlier than the post\'s `date`, found the text "2024-02-20"',
  ],
  [
    "posts/correction-in-future.md:8:5: corrections.1.date:",
    'expected a date that has passed (a correction is dated when it is published), found the text "2199-01-01T09:00:00Z"',
  ],
  ["posts/correction-misspelt.md:7:5: corrections.0.kind:", 'expected `correction` (the default) or `update`, found the text "erratum"'],
  ["posts/correction-misspelt.md:6:5: corrections.0.text:", "expected what was corrected or added, as text, found nothing"],
  ["posts/correction-misspelt.md:8:5: corrections.0.txt:", 'unknown field; did you mean "text"? (expected one of date, kind, text)'],
  [
    "posts/unknown-author.md:7:5: author:",
    'expected the key of a person in site.yaml\'s `authors:` (jane-doe, sam-lee); did you mean "jane-doe"?, found "jane-do"',
  ],
  [
    "posts/author-as-name.md:5:1: author:",
    "expected a person's key from site.yaml's `authors:` (lowercase letters, digits and single hyphens, like jane-doe), or a list of them, found the text \"Jane Doe\"",
  ],
  [
    "posts/colliding-tags.md:1:1: tags:",
    'expected tags that differ in their URL, found "C#" and "C++" (posts/colliding-tags.md) both at /tags/c/',
  ],
];

/** Fixtures that are valid: they must produce no problem at all. */
const VALID = ["posts/bom-and-crlf.md", "posts/a-draft.md", "posts/2023/same-story.md"];

function readFixtures(): Record<string, Uint8Array> {
  const files = readdirSync(FIXTURES, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md"));
  return Object.fromEntries(files.map((name) => [name.split(path.sep).join("/"), readFileSync(path.join(FIXTURES, name))]));
}

const problemLines = (output: string) => output.split("\n").filter((line) => /^posts\/.+?:\d+:\d+: \S+: /.test(line));

let site: ScratchSite;
let build: RunResult;
let check: RunResult;

beforeAll(async () => {
  site = await createScratchSite(readFixtures());
  // The people bylines may name; unknown-author.md misspells one of them.
  await site.writeSettings({
    authors: { "jane-doe": { name: "Jane Doe", bio: "Covers the courts." }, "sam-lee": { name: "Sam Lee", bio: "Covers the port." } },
  });
  // The pictures the posts name are there: what is wrong with them is only their missing alt text.
  await mkdir(path.join(site.root, "media"));
  for (const name of ["bridge.jpg", "crowd.jpg"]) await writeFile(path.join(site.root, "media", name), await plainJpeg(640, 480));
  build = await site.build({ CONTEXT: "production", SITE_URL: "https://news.example.org" });
  check = await site.run(process.execPath, ["--import", "./scripts/typescript.js", "scripts/check.ts"]);
});

afterAll(async () => {
  await site?.remove();
});

describe("a build with every bad input at once", () => {
  it("fails with a non-zero exit and publishes nothing", () => {
    expect(build.code).not.toBe(0);
    expect(build.stderr).toContain(`${EXPECTED.length} problems in posts; nothing was published.`);
    expect(existsSync(site.output)).toBe(false);
  });

  it("reports every problem in that one run, and nothing else", () => {
    const lines = problemLines(build.stderr);
    expect(lines).toHaveLength(EXPECTED.length);
    for (const [where] of EXPECTED) expect(lines.filter((line) => line.startsWith(`${where} `))).toHaveLength(1);
  });

  it.each(EXPECTED)("%s %s", (where, message) => {
    const line = problemLines(build.stderr).find((candidate) => candidate.startsWith(`${where} `));
    expect(line).toBeDefined();
    expect(line!.slice(where.length + 1)).toContain(message);
  });

  it("accepts a UTF-8 BOM with CRLF line endings, and valid posts among bad ones", () => {
    for (const file of VALID) expect(problemLines(build.stderr).filter((line) => line.startsWith(`${file}:`))).toEqual([]);
  });
});

describe("npm run check on the same posts", () => {
  it("exits non-zero and prints exactly the lines the build printed, in the same order", () => {
    expect(check.code).toBe(1);
    expect(problemLines(check.stderr)).toEqual(problemLines(build.stderr));
    expect(check.stderr).toContain(`${EXPECTED.length} problems, checking 30 posts.`);
  });
});

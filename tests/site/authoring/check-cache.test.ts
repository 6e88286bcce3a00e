/**
 * `npm run check` keeps each post's outcome in .cache/ (lib/cache/validation-cache.ts).
 * Through the real entry, in one scratch site run after run: a cached outcome
 * must be exactly what a fresh check says, and anything that could change an
 * outcome (the post's bytes, the validating code) must discard it. The site
 * gets its own copy of the code, so the code can change under the cache.
 */
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchSite, projectRoot, type RunResult, type ScratchSite } from "../../support/scratch-site.ts";

const post = (title: string, extra = "", body = "The harbour reopened on Tuesday.") =>
  `---\ntitle: ${title}\ndate: 2024-01-10\ndescription: Boats are back.\n${extra}---\n\n${body}\n`;

/**
 * Preloaded to prove a fully cached run loads none of the validators: any
 * import of them fails the run.
 */
const FORBID_VALIDATORS = `import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent(\`
export async function resolve(specifier, context, next) {
  if (/^(zod|yaml|markdown-it)(\\\\/|$)/.test(specifier)) throw new Error("the check loaded " + specifier);
  return next(specifier, context);
}\`));
`;

let site: ScratchSite;
const check = (...preload: string[]): Promise<RunResult> =>
  site.run(process.execPath, [...preload.flatMap((file) => ["--import", file]), "--import", "./scripts/typescript.js", "scripts/check.ts"]);
const checkFromCacheOnly = () => check("./forbid-validators.mjs");
const lines = (run: RunResult) => `${run.stdout}${run.stderr}`.trim().split("\n");

const DRAFT_IN_QUOTES = (found: string) => `posts/harbour.md:5:1: draft: expected true or false (not in quotes), found the text "${found}"`;
const DUPLICATE =
  'posts/2024/same-story.md:1:1: slug: expected a unique file name, found "same-story" already used by posts/2023/same-story.md';

let first: RunResult;
let cached: RunResult;
let sameSizeEdit: RunResult;
let newlyBroken: RunResult;
let afterDelete: RunResult;
let afterCodeChange: RunResult;
let afterCodeChangeCached: RunResult;
let afterOtherCodeChange: RunResult;

beforeAll(async () => {
  site = await createScratchSite({
    "harbour.md": post("Harbour reopens", 'draft: "false"\n'),
    "bridge.md": post("Bridge opens", "", "See [the harbour](/posts/harbour/) and [the ferry](/posts/ferry/)."),
    "ferry.md": post("Ferry retires"),
    "2023/same-story.md": post("Same story"),
    "2024/same-story.md": post("Same story again"),
  });
  // Copies, not links: node follows a linked scripts/ back to the project's own lib/.
  for (const folder of ["lib", "scripts"]) {
    await rm(path.join(site.root, folder));
    await cp(path.join(projectRoot, folder), path.join(site.root, folder), { recursive: true });
  }
  await writeFile(path.join(site.root, "forbid-validators.mjs"), FORBID_VALIDATORS);

  first = await check();
  cached = await checkFromCacheOnly();
  // Same size, same second: only the content hash can tell.
  await site.writePost("harbour.md", post("Harbour reopens", 'draft: "FALSE"\n'));
  sameSizeEdit = await check();
  await site.writePost("ferry.md", post("42"));
  newlyBroken = await check();
  await rm(path.join(site.root, "posts", "ferry.md"));
  afterDelete = await checkFromCacheOnly();

  const schema = path.join(site.root, "lib", "content", "schema.ts");
  await writeFile(schema, (await readFile(schema, "utf8")).replace("true or false (not in quotes)", "true or false, without quotes"));
  afterCodeChange = await check();
  afterCodeChangeCached = await checkFromCacheOnly();

  // lib/publish/seo.ts is not part of the validator (lib/cache/validation-cache.ts, VALIDATING_MODULES).
  const seo = path.join(site.root, "lib", "publish", "seo.ts");
  await writeFile(seo, `${await readFile(seo, "utf8")}\n// An edit outside the validator.\n`);
  afterOtherCodeChange = await checkFromCacheOnly();
}, 120_000);

afterAll(async () => {
  await site?.remove();
});

describe("npm run check with its outcome cache", () => {
  it("reports the same problems from the cache as from a fresh check, without loading the validators", () => {
    expect(first.code).toBe(1);
    expect(lines(first)).toEqual([DRAFT_IN_QUOTES("false"), DUPLICATE, "2 problems, checking 5 posts."]);
    expect(cached.stderr).toBe(first.stderr);
    expect(cached.code).toBe(1);
  });

  it("still catches a duplicate file name when both posts come from the cache", () => {
    expect(lines(cached)).toContain(DUPLICATE);
  });

  it("re-validates a post whose bytes changed, even at the same size", () => {
    expect(lines(sameSizeEdit)[0]).toBe(DRAFT_IN_QUOTES("FALSE"));
  });

  it("reports a post that became bad", () => {
    expect(lines(newlyBroken)).toContain("posts/ferry.md:2:1: title: expected the headline as text, found the number 42");
  });

  it("drops a deleted post, and a cached link to it now points nowhere", () => {
    expect(afterDelete.stderr).not.toContain("posts/ferry.md:");
    expect(lines(afterDelete)).toEqual([
      DRAFT_IN_QUOTES("FALSE"),
      DUPLICATE,
      "posts/bridge.md:7:52: body: expected a link to an existing post, found /posts/ferry/ but there is no posts/ferry.md",
      "3 problems, checking 4 posts.",
    ]);
  });

  it("discards every stored outcome when the validating code changes", () => {
    expect(lines(afterCodeChange)[0]).toBe('posts/harbour.md:5:1: draft: expected true or false, without quotes, found the text "FALSE"');
    expect(afterCodeChangeCached.stderr).toBe(afterCodeChange.stderr);
  });

  it("keeps every stored outcome when code outside the validator changes", () => {
    expect(afterOtherCodeChange.code).toBe(afterCodeChangeCached.code);
    expect(afterOtherCodeChange.stderr).toBe(afterCodeChangeCached.stderr);
  });
});

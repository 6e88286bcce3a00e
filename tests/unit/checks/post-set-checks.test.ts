// lib/checks/post-set-checks.ts: per-file outcomes combined, then the verdicts only the whole set can give (duplicate names, tags sharing a URL, links).
import { describe, expect, it } from "vitest";
import type { FileOutcome, ValidPost } from "../../../lib/checks/outcome.ts";
import { combineOutcomes } from "../../../lib/checks/post-set-checks.ts";
import type { PostProblem } from "../../../lib/checks/problems.ts";
import type { Frontmatter } from "../../../lib/content/schema.ts";
import { frontmatter } from "../../support/unit-fixtures.ts";

const NOW = new Date("2024-06-15T12:00:00Z");

function valid(file: string, data: Partial<Frontmatter> = {}): FileOutcome {
  const slug = file.replace(/^.*\//, "").replace(/\.md$/, "");
  const post: ValidPost = { file, slug, data: frontmatter(data), words: 1, html: "<p>x</p>" };
  return { post, problems: [] };
}

const invalid = (file: string, message = "expected a non-empty headline"): FileOutcome => ({
  problems: [{ file, line: 2, column: 8, field: "title", message }],
});

const combine = (outcomes: FileOutcome[], now = NOW) => {
  const files = outcomes.map((outcome) => outcome.post?.file ?? outcome.problems[0]?.file ?? "");
  return combineOutcomes(files, outcomes, now, {});
};
const messages = (problems: PostProblem[]) => problems.map((problem) => `${problem.file} ${problem.field}: ${problem.message}`);

describe("combineOutcomes", () => {
  it("keeps every valid post, in file order, and nothing to report when all is well", () => {
    const report = combine([valid("posts/a.md"), valid("posts/b.md", { tags: ["Courts"] })]);
    expect(report.posts.map((post) => post.slug)).toEqual(["a", "b"]);
    expect(report.problems).toEqual([]);
  });

  it("lists each file's problems in file order, before those across files", () => {
    const report = combine([
      invalid("posts/a.md"),
      valid("posts/2023/same.md"),
      invalid("posts/b.md", "other"),
      valid("posts/2024/same.md"),
    ]);
    expect(report.posts.map((post) => post.file)).toEqual(["posts/2023/same.md", "posts/2024/same.md"]);
    expect(report.problems.map((problem) => problem.file)).toEqual(["posts/a.md", "posts/b.md", "posts/2024/same.md"]);
  });

  it("refuses a file name used twice, on the second file, naming the first", () => {
    const { problems } = combine([valid("posts/2023/same-story.md"), valid("posts/2024/same-story.md")]);
    expect(problems).toEqual([
      {
        file: "posts/2024/same-story.md",
        line: 1,
        column: 1,
        field: "slug",
        message: 'expected a unique file name, found "same-story" already used by posts/2023/same-story.md',
      },
    ]);
  });

  it("lets tags differ in case and surrounding space: they are one tag", () => {
    const { problems } = combine([valid("posts/a.md", { tags: ["Politics"] }), valid("posts/b.md", { tags: ["politics", "POLITICS"] })]);
    expect(problems).toEqual([]);
  });

  it("refuses two spellings that would share one tag page, on the later post, naming the earlier", () => {
    const { problems } = combine([valid("posts/a.md", { tags: ["Local News"] }), valid("posts/b.md", { tags: ["local-news"] })]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "posts/b.md", line: 1, column: 1, field: "tags" });
    expect(problems[0]?.message).toMatch(
      /^expected tags that differ in their URL, found "local-news" and "Local News" \(posts\/a\.md\) both at /,
    );
  });

  it("refuses colliding spellings within one post too", () => {
    const { problems } = combine([valid("posts/a.md", { tags: ["Science & Tech", "science and tech"] })]);
    expect(messages(problems)).toEqual([
      expect.stringMatching(/^posts\/a\.md tags: .*"science and tech" and "Science & Tech" \(posts\/a\.md\)/),
    ]);
  });

  it("judges only valid posts across the set: a file with problems claims no name or tag", () => {
    const { problems } = combine([invalid("posts/2023/same.md"), valid("posts/2024/same.md", { tags: ["x-y"] })]);
    expect(problems.map((problem) => problem.field)).toEqual(["title"]);
  });

  it("refuses links to missing posts, after everything else", () => {
    const linking: FileOutcome = {
      ...valid("posts/a.md"),
      links: [{ file: "posts/a.md", slug: "gone", href: "/posts/gone/", line: 9, column: 3 }],
    };
    const { problems } = combine([linking, valid("posts/dup.md"), valid("posts/x/dup.md")]);
    expect(problems.map((problem) => [problem.file, problem.field, problem.line])).toEqual([
      ["posts/x/dup.md", "slug", 1],
      ["posts/a.md", "body", 9],
    ]);
    expect(problems[1]?.message).toContain("there is no posts/gone.md");
  });

  it("counts a file with problems as existing for links, and gathers links from files with problems too", () => {
    const broken: FileOutcome = {
      ...invalid("posts/broken.md"),
      links: [{ file: "posts/broken.md", slug: "missing", href: "/posts/missing/", line: 5, column: 1 }],
    };
    const linking: FileOutcome = {
      ...valid("posts/a.md"),
      links: [{ file: "posts/a.md", slug: "broken", href: "/posts/broken/", line: 6, column: 1 }],
    };
    const { problems } = combine([linking, broken]);
    expect(messages(problems)).toEqual([
      "posts/broken.md title: expected a non-empty headline",
      expect.stringMatching(/^posts\/broken\.md body: expected a link to an existing post, found \/posts\/missing\//),
    ]);
  });

  it("judges scheduled links by the `now` it is given", () => {
    const future = valid("posts/embargoed.md", { date: new Date("2024-07-01T00:00:00Z") });
    const linking: FileOutcome = {
      ...valid("posts/a.md"),
      links: [{ file: "posts/a.md", slug: "embargoed", href: "/posts/embargoed/", line: 3, column: 1 }],
    };
    expect(combine([linking, future]).problems.map((problem) => problem.field)).toEqual(["body"]);
    expect(combine([linking, future], new Date("2024-07-02T00:00:00Z")).problems).toEqual([]);
  });

  it("refuses a correction dated after `now` in its file's place, whether the file is otherwise valid or not (issue 19)", () => {
    const dated = (date: string) => [{ field: "corrections.0.date", line: 7, column: 5, date: new Date(date), written: date }];
    const corrected = { ...valid("posts/corrected.md"), correctionDates: dated("2024-06-20") };
    const broken = { ...invalid("posts/broken.md"), correctionDates: dated("2024-06-21") };
    const { problems } = combine([corrected, valid("posts/dup.md"), broken, valid("posts/x/dup.md")]);
    expect(problems.map((problem) => `${problem.file}:${problem.line} ${problem.field}`)).toEqual([
      "posts/corrected.md:7 corrections.0.date",
      "posts/broken.md:2 title",
      "posts/broken.md:7 corrections.0.date",
      "posts/x/dup.md:1 slug",
    ]);
    expect(combine([corrected, broken], new Date("2024-06-21T00:00:00Z")).problems.map((problem) => problem.field)).toEqual(["title"]);
  });
});

// lib/checks/post-links.ts: a link between posts must reach a post that exists and is out no later than the post linking to it.
import { describe, expect, it } from "vitest";
import type { LinkInFile, ValidPost } from "../../../lib/checks/outcome.ts";
import { postLinkProblems } from "../../../lib/checks/post-links.ts";
import type { Frontmatter } from "../../../lib/content/schema.ts";
import { frontmatter } from "../../support/unit-fixtures.ts";

const NOW = new Date("2024-06-15T12:00:00Z");

function post(file: string, data: Partial<Frontmatter> = {}): ValidPost {
  const slug = file.replace(/^.*\//, "").replace(/\.md$/, "");
  return { file, slug, data: frontmatter(data), words: 1, html: "<p>x</p>" };
}

const link = (file: string, slug: string, line = 7, column = 12): LinkInFile => ({ file, slug, href: `/posts/${slug}/`, line, column });

const live = post("posts/live.md");
const other = post("posts/harbour-reopens.md", { date: new Date("2024-05-01T00:00:00Z") });
const draft = post("posts/unfinished.md", { draft: true });
const scheduled = post("posts/embargoed.md", { date: new Date("2024-07-01T09:00:00Z") });
const laterStill = post("posts/later-still.md", { date: new Date("2024-07-02T00:00:00Z") });
const posts = [live, other, draft, scheduled, laterStill];
const files = [...posts.map((each) => each.file), "posts/has-problems.md"];
const check = (...links: LinkInFile[]) => postLinkProblems(links, files, posts, NOW);

describe("postLinkProblems", () => {
  it("passes a link from a live post to an older live one", () => {
    expect(check(link("posts/live.md", "harbour-reopens"))).toEqual([]);
  });

  it("refuses a link to a post that does not exist, where the link stands, suggesting a close slug", () => {
    expect(check(link("posts/live.md", "harbor-reopens", 9, 4))).toEqual([
      {
        file: "posts/live.md",
        line: 9,
        column: 4,
        field: "body",
        message:
          "expected a link to an existing post, found /posts/harbor-reopens/ but there is no posts/harbor-reopens.md; did you mean /posts/harbour-reopens/?",
      },
    ]);
  });

  it("suggests nothing when no slug is close", () => {
    const [problem] = check(link("posts/live.md", "weather-warning"));
    expect(problem?.message).toBe(
      "expected a link to an existing post, found /posts/weather-warning/ but there is no posts/weather-warning.md",
    );
  });

  it("knows a post by its file name in any folder under posts/", () => {
    const nested = post("posts/2023/archived-story.md");
    expect(postLinkProblems([link("posts/live.md", "archived-story")], [...files, nested.file], [...posts, nested], NOW)).toEqual([]);
  });

  it("leaves a link to a post with problems of its own to that post's report", () => {
    expect(check(link("posts/live.md", "has-problems"))).toEqual([]);
  });

  it("refuses a link from a live post to a draft", () => {
    const [problem] = check(link("posts/live.md", "unfinished"));
    expect(problem).toMatchObject({ file: "posts/live.md", field: "body" });
    expect(problem?.message).toMatch(
      /^expected a link to a published post, found \/posts\/unfinished\/, a draft: production leaves drafts out/,
    );
  });

  it("refuses a link from a live post to a scheduled one, naming its day", () => {
    const [problem] = check(link("posts/live.md", "embargoed"));
    expect(problem?.message).toMatch(/^expected a link to a published post, found \/posts\/embargoed\/, scheduled for 2024-07-01:/);
  });

  it("lets a scheduled post link to one scheduled no later than itself", () => {
    expect(check(link("posts/later-still.md", "embargoed"))).toEqual([]);
    expect(check(link("posts/embargoed.md", "later-still"))).toHaveLength(1);
  });

  it("checks nothing more from a draft, which production never publishes", () => {
    expect(check(link("posts/unfinished.md", "embargoed"), link("posts/unfinished.md", "unfinished"))).toEqual([]);
    expect(check(link("posts/unfinished.md", "no-such-post"))).toHaveLength(1);
  });

  it("decides what is scheduled by the `now` it is given", () => {
    const afterwards = new Date("2024-07-01T09:00:01Z");
    expect(postLinkProblems([link("posts/live.md", "embargoed")], files, posts, afterwards)).toEqual([]);
  });

  it("reports each bad link, in the order given", () => {
    const found = check(
      link("posts/live.md", "nope", 3),
      link("posts/live.md", "harbour-reopens", 4),
      link("posts/live.md", "unfinished", 5),
    );
    expect(found.map((problem) => problem.line)).toEqual([3, 5]);
  });
});

/**
 * The Markdown and cross-post checks, on posts written to a temporary folder
 * and read by validateOne and combineOutcomes, as `npm run check` and the build read them.
 * Most cases here are things that must NOT be reported: a checker that cries
 * wolf gets switched off.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../../lib/checks/problems.ts";
import { listPostFiles } from "../../../lib/content/post-files.ts";
import { combineOutcomes } from "../../../lib/checks/post-set-checks.ts";
import { validateOne } from "../../../lib/checks/validate.ts";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const post = (body: string, extra = "") => `---\ntitle: A post\ndate: 2024-01-01\ndescription: A summary.\n${extra}---\n\n${body}\n`;

/** The people site.yaml lists, for bylines. */
const PEOPLE = { "jane-doe": {}, "sam-lee": {} };

/** Problems for a set of posts, as printed lines. */
function check(posts: Record<string, string>, people: Record<string, unknown> = PEOPLE): string[] {
  const root = mkdtempSync(path.join(tmpdir(), "validate-unit-"));
  roots.push(root);
  for (const [name, content] of Object.entries(posts)) {
    mkdirSync(path.dirname(path.join(root, "posts", name)), { recursive: true });
    writeFileSync(path.join(root, "posts", name), content);
  }
  const files = listPostFiles(root);
  const outcomes = files.map((file) => validateOne(file, readFileSync(path.join(root, file)), "https://news.example.org"));
  return combineOutcomes(files, outcomes, new Date(), people).problems.map(formatProblem);
}

describe("Markdown that renders as intended is not reported", () => {
  it.each([
    ["links and images with alt text", "See [the report](https://example.org/a_(b)) and ![A bridge](/img/bridge.jpg)."],
    ["broken-looking syntax inside code spans", "Type `[text](url` or `**` literally."],
    ["broken-looking syntax inside a fenced block", "```md\n[text](url\n**bold\n![](x.png)\n```"],
    ["broken-looking syntax inside an indented code block", "Intro.\n\n    [text](url\n    ![](x.png)"],
    ["escaped brackets and stars", "Not a link: \\[text\\](url) and not bold: \\*\\*."],
    ["a reference link with its definition", "See [the report][r].\n\n[r]: https://example.org/report"],
    ["a longer closing fence", "````\ncode\n`````"],
    ["a tilde fence in a list", "- item\n\n  ~~~\n  code\n  ~~~"],
    ["an HTML comment that closes", "<!-- note to editors -->\n\nText."],
    ["a raw <img> with alt text", '<img src="/img/a.jpg" alt="A harbour at dawn">'],
    ["square brackets in prose", "He said [sic] and cited [1]."],
    ["a table with aligned columns", "| Team | Score |\n|:-----|------:|\n| Home | 2 |"],
  ])("%s", (_name, body) => {
    expect(check({ "a-post.md": post(body) })).toEqual([]);
  });

  it("the seed article in posts/", () => {
    const seed = readFileSync(new URL("../../../posts/kim-kardashian-sits-down-with-alice-johnson.md", import.meta.url), "utf8");
    expect(check({ "kim-kardashian-sits-down-with-alice-johnson.md": seed })).toEqual([]);
  });
});

describe("Markdown that would show as typed, or hide text, is reported at its line and column", () => {
  it.each([
    [
      "an unclosed fence inside a quote",
      "Text.\n\n> ```\n> code",
      "posts/a-post.md:9:1: body: expected a closing ``` for the code block opened here, found the end of the list or quote it is in",
    ],
    [
      "an unclosed HTML comment",
      "Text.\n\n<!-- hidden\n\nMore text.",
      'posts/a-post.md:9:1: body: a comment never closed with "-->" is not allowed in a post: it hides the rest',
    ],
    [
      "a footnote with no note",
      "A claim.[^1]",
      'posts/a-post.md:7:9: body: expected the note [^1] cites, on a line of its own as "[^1]: The note."',
    ],
    [
      "a reference link with no definition",
      "See [the report][missing].",
      "posts/a-post.md:7:5: body: expected a definition line like [name]: https://example.com for the reference link [the report][missing]",
    ],
    [
      "a link with a space in its URL",
      "See [it](https://example.org/a b).",
      "posts/a-post.md:7:5: body: expected a link like [text](https://example.com/page), found [it](https://example.org/a,",
    ],
    [
      "the second of two images, without alt",
      "![One](/a.jpg) and ![](/b.jpg)",
      "posts/a-post.md:7:20: body: expected alt text saying what the image shows, like ![Mayor cuts the ribbon](/b.jpg)",
    ],
    [
      "an <img> with an empty alt",
      'Text <img src="/a.jpg" alt="">',
      'posts/a-post.md:7:6: body: expected an alt="…" saying what the image shows, found <img> with an empty alt',
    ],
  ])("%s", (_name, body, expected) => {
    const lines = check({ "a-post.md": post(body) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(expected);
  });
});

describe("links between posts", () => {
  const target = post("The target.");

  it("accept existing posts, with or without a trailing slash or fragment, Markdown or HTML", () => {
    const body = '[a](/posts/target/) [b](/posts/target) [c](/posts/target/#part) <a href="/posts/target/">d</a>';
    expect(check({ "target.md": target, "linker.md": post(body) })).toEqual([]);
  });

  it("accept a post in a year folder, which is still served at /posts/<slug>/", () => {
    expect(check({ "2023/target.md": target, "linker.md": post("[a](/posts/target/)") })).toEqual([]);
  });

  it("report a missing post in Markdown and in raw HTML, each at its own place", () => {
    const body = '[a](/posts/nowhere/)\n\n<p><a href="/posts/targte/">b</a></p>';
    expect(check({ "target.md": target, "linker.md": post(body) })).toEqual([
      "posts/linker.md:7:5: body: expected a link to an existing post, found /posts/nowhere/ but there is no posts/nowhere.md",
      "posts/linker.md:9:4: body: expected a link to an existing post, found /posts/targte/ but there is no posts/targte.md; did you mean /posts/target/?",
    ]);
  });

  it("let a draft link to a draft, but not a live post to a draft", () => {
    const draft = post("Draft.", "draft: true\n");
    expect(check({ "target.md": draft, "other-draft.md": post("[a](/posts/target/)", "draft: true\n") })).toEqual([]);
    expect(check({ "target.md": draft, "live.md": post("[a](/posts/target/)") })).toEqual([
      "posts/live.md:7:5: body: expected a link to a published post, found /posts/target/, a draft: production leaves drafts out, so this link would be broken there",
    ]);
  });

  it("do not report a link to a post that has problems of its own as missing", () => {
    const lines = check({ "target.md": "---\ntitle: Broken\n---\n\nText.\n", "linker.md": post("[a](/posts/target/)") });
    expect(lines.every((line) => line.startsWith("posts/target.md:"))).toBe(true);
    expect(lines.length).toBeGreaterThan(0);
  });
});

describe("bylines name people site.yaml lists", () => {
  it("takes one key or a list of keys", () => {
    expect(check({ "a.md": post("Text.", "author: jane-doe\n"), "b.md": post("Text.", "author: [sam-lee, jane-doe]\n") })).toEqual([]);
  });

  it("refuses an unknown key at its line, with the people it could be and a did-you-mean", () => {
    expect(check({ "a.md": post("Text.", "author:\n  - sam-lee\n  - jane-do\n") })).toEqual([
      'posts/a.md:7:5: author: expected the key of a person in site.yaml\'s `authors:` (jane-doe, sam-lee); did you mean "jane-doe"?, found "jane-do"',
    ]);
  });

  it("says when site.yaml lists nobody, and refuses a person named twice", () => {
    expect(check({ "a.md": post("Text.", "author: jane-doe\n") }, {})).toEqual([
      'posts/a.md:5:1: author: expected the key of a person listed under `authors:` in site.yaml, found "jane-doe" (site.yaml lists nobody yet)',
    ]);
    expect(check({ "a.md": post("Text.", "author: [jane-doe, jane-doe]\n") })).toEqual([
      'posts/a.md:5:20: author: expected each author once, found "jane-doe" again',
    ]);
  });

  it("checks the byline of a post that is wrong elsewhere too: every problem in one run", () => {
    const problems = check({ "a.md": post("Text.", "author: jane\ntags: 3\n") });
    expect(problems).toHaveLength(2);
    expect(problems[1]).toContain("posts/a.md:5:1: author: expected the key of a person");
  });

  it("leaves a key of the wrong shape to the schema, which says what a key looks like", () => {
    expect(check({ "a.md": post("Text.", "author: Jane Doe\n") })).toEqual([
      "posts/a.md:5:1: author: expected a person's key from site.yaml's `authors:` (lowercase letters, digits and single hyphens, like jane-doe), or a list of them, found the text \"Jane Doe\"",
    ]);
  });
});

describe("problems inside the frontmatter's nested fields are placed where the author can fix them (issue 19)", () => {
  it("place each correction's problem at its item's own line, and name an unknown key by its path with its siblings", () => {
    const corrections = [
      "corrections:",
      "  - date: 2024-01-02",
      "    text: Fine.",
      "  - date: 2023-12-01",
      "    text: Before the story.",
      "  - date: 2024-01-03",
      "    kind: erratum",
      "    txt: Misspelt.",
      "  - date: 2199-01-01",
      "    text: Not yet.",
      "",
    ].join("\n");
    expect(check({ "a-post.md": post("Text.", corrections) })).toEqual([
      'posts/a-post.md:11:5: corrections.2.kind: expected `correction` (the default) or `update`, found the text "erratum"',
      "posts/a-post.md:10:5: corrections.2.text: expected what was corrected or added, as text, found nothing",
      'posts/a-post.md:12:5: corrections.2.txt: unknown field; did you mean "text"? (expected one of date, kind, text)',
      'posts/a-post.md:8:5: corrections.1.date: expected a date no earlier than the post\'s `date`, found the text "2023-12-01"',
      'posts/a-post.md:13:5: corrections.3.date: expected a date that has passed (a correction is dated when it is published), found the text "2199-01-01"',
    ]);
  });

  it("name an unknown key of the lead picture by its path, with a suggestion from the picture's own fields", () => {
    expect(check({ "a-post.md": post("Text.", "image: { src: /media/a.jpg, alt: A harbour, credt: Jane }\n") })).toEqual([
      'posts/a-post.md:5:1: image.credt: unknown field; did you mean "credit"? (expected one of src, alt, decorative, caption, credit)',
    ]);
  });
});

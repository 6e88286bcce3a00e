// Hostile posts the build must refuse: every fixture in fixtures/hostile/refused
// is built in one run of the real build, which must fail, publish nothing, and
// name each attack by file, line and column so the author can find it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchSite, type RunResult, type ScratchSite } from "../../support/scratch-site.ts";

const FIXTURES = new URL("../../fixtures/hostile/refused/", import.meta.url);

const NOT_ALLOWED = "is not allowed in a post";
const HANDLER = (tag: string, attribute: string) => `body: <${tag} ${attribute}> ${NOT_ALLOWED}: inline event handlers run JavaScript`;
const LINK = (href: string) => `body: <a href="${href}"> ${NOT_ALLOWED}: links may only go to http:, https:, mailto: or tel: addresses`;
const FOREIGN = (tag: string) => `body: <${tag}> ${NOT_ALLOWED}: `;
const OTHER_SITE = "is not allowed in a post: the image is on another site";
const CSP_STYLE = "the Content-Security-Policy only lets the site's own stylesheet style pages";
const TEXT_ONLY = (tag: string) =>
  `body: <${tag}> without its end tag </${tag}> ${NOT_ALLOWED}: browsers read everything after it as plain text`;

/** file → the start of each error line the build must print (`path:line:column: field: message…`). */
const EXPECTED: Record<string, string[]> = {
  "script-element.md": [`9:1: body: <script> ${NOT_ALLOWED}`, `13:31: body: <script> ${NOT_ALLOWED}`],
  "event-handlers.md": [`7:12: ${HANDLER("img", "onerror")}`, `9:1: ${HANDLER("div", "onmouseover")}`, `13:11: ${HANDLER("b", "onclick")}`],
  "script-urls.md": [
    `7:1: ${LINK("javascript:alert(1)")}`,
    `9:13: ${LINK("jav&#9;ascript:alert(2)")}`,
    `9:68: ${LINK("  JAVASCRIPT:alert(3)")}`,
    `11:1: ${LINK("vbscript:msgbox(4)")}`,
    `11:43: ${LINK("data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==")}`,
    // markdown-it will not make a link of it; the author hears it would show as typed.
    "13:1: body: expected a link like [text](https://example.com/page), found [markdown link](javascript:alert(6))",
  ],
  "frames-and-embeds.md": [
    `9:1: body: <iframe> ${NOT_ALLOWED}: it loads another site inside ours; for a video, use the \`video\` field`,
    `11:1: body: <object> ${NOT_ALLOWED}`,
    `11:37: body: <embed> ${NOT_ALLOWED}`,
    `13:1: body: <frame> ${NOT_ALLOWED}`,
  ],
  "page-hijacks.md": [
    `7:1: body: <base> ${NOT_ALLOWED}`,
    `9:1: body: <meta> ${NOT_ALLOWED}`,
    `11:1: body: <form> ${NOT_ALLOWED}`,
    `11:45: body: <input> ${NOT_ALLOWED}`,
  ],
  "styles.md": [`7:1: body: <style> ${NOT_ALLOWED}: ${CSP_STYLE}`, `9:3: body: <span style> ${NOT_ALLOWED}: ${CSP_STYLE}`],
  "svg-tricks.md": ["7:1", "7:6", "9:1", "9:6", "9:9", "9:69"].map((at) => `${at}: body: <`),
  "remote-images.md": [
    `7:30: body: <img src="https://example.org/courthouse.jpg"> ${OTHER_SITE}`,
    `9:1: body: <img src="https://example.org/crowd.jpg"> ${OTHER_SITE}`,
  ],
  "unclosed-tag.md": [`9:1: body: a tag never closed with ">" in <div> ${NOT_ALLOWED}`],
  "source-url.md": ['5:1: source.url: expected an absolute http(s) URL, found the text "javascript:alert(1)"'],
  "video-url.md": ["5:1: video: expected an absolute http(s) URL", "5:1: video: expected a YouTube or Vimeo video address"],
  // Issue 16, each class the hostile tester found.
  "fence-lookalike.md": ["4:1: frontmatter: expected valid YAML, found an error"],
  "duplicate-attributes.md": [
    `7:1: body: the attribute href given twice in <a> ${NOT_ALLOWED}`,
    `9:1: body: the attribute alt given twice`,
    `9:1: body: the attribute src given twice`,
  ],
  "comment-tricks.md": [
    `7:5: body: "<![CDATA[" ${NOT_ALLOWED}`,
    `9:5: body: "<!" that does not open a comment`,
    `9:9: ${HANDLER("img", "onerror")}`,
    `11:1: body: a comment ending in "--!>" ${NOT_ALLOWED}`,
    `11:10: ${HANDLER("img", "onerror")}`,
  ],
  "foreign-content.md": [
    `7:1: ${FOREIGN("svg")}`,
    `7:6: ${FOREIGN("foreignObject")}`,
    `7:24: ${HANDLER("img", "onerror")}`,
    `9:1: ${FOREIGN("math")}`,
    `9:7: ${FOREIGN("mi")}`,
    `9:11: ${FOREIGN("mglyph")}`,
    `9:19: ${FOREIGN("style")}`,
    `9:26: ${HANDLER("img", "onerror")}`,
    "9:54: body: </style> with no open <style>",
    "9:62: body: </mglyph> with no open <mglyph>",
  ],
  "offsite-loads.md": [
    `7:1: ${FOREIGN("svg")}`,
    `7:6: ${FOREIGN("image")}`,
    `9:1: body: <table background> ${NOT_ALLOWED}`,
    `11:1: body: <video> ${NOT_ALLOWED}`,
    `13:1: body: <audio> ${NOT_ALLOWED}`,
  ],
  "meta-referrer.md": [`7:1: body: <meta> ${NOT_ALLOWED}`],
  "unclosed-textarea.md": [`9:1: body: <textarea> ${NOT_ALLOWED}`, `9:1: ${TEXT_ONLY("textarea")}`],
  "unclosed-title.md": [`9:1: body: <title> ${NOT_ALLOWED}`, `9:1: ${TEXT_ONLY("title")}`],
  "unclosed-xmp.md": [`9:1: body: <xmp> ${NOT_ALLOWED}`, `9:1: ${TEXT_ONLY("xmp")}`],
  "unclosed-select.md": [`9:1: body: <select> ${NOT_ALLOWED}`, "11:1: body: <p> here", "11:1: body: </p> with no open <p>"],
  "alias-bomb.md": ["7:12: c: expected at most 10 YAML aliases (*name), found more"],
  "long-tag.md": ["5:1: tags.0: expected a tag of at most 60 characters"],
  "lone-surrogate.md": ["2:1: title: expected whole characters, found a lone surrogate U+D800"],
  "impossible-datetimes.md": [
    "3:1: date: expected a day from 1 to 29 for February 2024",
    "4:1: updated: expected a day from 1 to 30 for April 2024",
  ],
  "year-zero.md": ["3:1: date: expected a year from 1800 to 2200"],
  // A byline is a key now, so the name is refused for its shape too; a name's own direction controls are site.yaml's to refuse.
  "bidi-author.md": [
    "5:1: author: expected a person's key from site.yaml's `authors:`",
    "5:1: author: expected direction controls in pairs closed in order within the field, or none",
  ],
  "shouting.MD": ['1:1: slug: expected a file name ending in .md, in lowercase, found ".MD"'],
  // Scheduled in 2199: the post is valid; the link to it from a live post is what is refused.
  "links-to-scheduled.md": ["7:28: body: expected a link to a published post, found /posts/embargoed-story/, scheduled for 2199-01-01"],
  "embargoed-story.md": [],
};

let site: ScratchSite;
let result: RunResult;

beforeAll(async () => {
  const posts = Object.fromEntries(readdirSync(FIXTURES).map((name) => [name, readFileSync(new URL(name, FIXTURES), "utf8")]));
  site = await createScratchSite(posts);
  result = await site.build({ CONTEXT: "production", SITE_URL: "https://news.example.org" });
});
afterAll(() => site?.remove());

describe("a build with hostile post bodies and links", () => {
  it("covers every fixture", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(readdirSync(FIXTURES).sort());
  });

  it("fails and publishes nothing", () => {
    expect(result.code).not.toBe(0);
    expect(existsSync(site.output)).toBe(false);
  });

  it.each(Object.entries(EXPECTED))("names every attack in %s by line and column", (file, lines) => {
    const printed = result.stderr.split("\n").filter((line) => line.startsWith(`posts/${file}:`));
    for (const line of lines)
      expect(
        printed.some((p) => p.startsWith(`posts/${file}:${line}`)),
        `posts/${file}:${line}\n${printed.join("\n")}`,
      ).toBe(true);
  });

  it("reports nothing it was not expected to, so no safe construct is refused by mistake", () => {
    const printed = result.stderr.split("\n").filter((line) => line.startsWith("posts/"));
    const unexpected = printed.filter((line) => {
      const file = line.slice("posts/".length, line.indexOf(":"));
      return !(EXPECTED[file] ?? []).some((start) => line.startsWith(`posts/${file}:${start}`));
    });
    // The only extras: an <img> refused for something else is also told to describe the image, and told that
    // the image pipeline finds no picture where it points (none of these posts has one in media/).
    expect(unexpected.filter((line) => !/found <img> with (an empty|no) alt|: body: expected a picture in media\//.test(line))).toEqual([]);
  });
});

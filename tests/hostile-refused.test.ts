// Hostile posts the build must refuse: every fixture in fixtures/hostile/refused
// is built in one run of the real build, which must fail, publish nothing, and
// name each attack by file, line and column so the author can find it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchSite, type RunResult, type ScratchSite } from "./support/scratch-site.ts";

const FIXTURES = new URL("./fixtures/hostile/refused/", import.meta.url);

const SCRIPT = "<script> is not allowed in a post";
const HANDLER = (attribute: string, tag: string) => `the inline event handler ${attribute}="…" on <${tag}> is not allowed`;
const URL_IN = (scheme: string, attribute: string, tag: string) => `a ${scheme} URL in ${attribute} on <${tag}> is not allowed`;
const DATA_PAGE = "data: URL that is not a PNG, GIF, JPEG, WebP or AVIF image";
const CSP_STYLE = "the Content-Security-Policy only lets the site's own stylesheet style pages";

/** file → the start of each error line the build must print (`path:line:column: field: message…`). */
const EXPECTED: Record<string, string[]> = {
  "script-element.md": [`9:1: body: ${SCRIPT}`, `13:31: body: ${SCRIPT}`],
  "event-handlers.md": [`7:12: body: ${HANDLER("onerror", "img")}`, `9:1: body: ${HANDLER("onmouseover", "div")}`, `13:11: body: ${HANDLER("onclick", "b")}`],
  "script-urls.md": [
    `7:1: body: ${URL_IN("javascript:", "href", "a")}`,
    `9:13: body: ${URL_IN("javascript:", "href", "a")}`,
    `9:68: body: ${URL_IN("javascript:", "href", "a")}`,
    `11:1: body: ${URL_IN("vbscript:", "href", "a")}`,
    `11:43: body: a ${DATA_PAGE} in href on <a> is not allowed`,
    // markdown-it will not make a link of it; the author hears it would show as typed.
    `13:1: body: expected a link like [text](https://example.com/page), found [markdown link](javascript:alert(6))`,
  ],
  "frames-and-embeds.md": [
    "9:1: body: <iframe> is not allowed in a post: it loads another site inside ours; for a video, use the `video` field",
    "11:1: body: <object> is not allowed in a post",
    "11:37: body: <embed> is not allowed in a post",
    "13:1: body: <frame> is not allowed in a post",
  ],
  "page-hijacks.md": ["7:1: body: <base> is not allowed", "9:1: body: <meta http-equiv> is not allowed", "11:1: body: <form> is not allowed"],
  "styles.md": [`7:1: body: <style> is not allowed in a post: ${CSP_STYLE}`, `9:3: body: the style attribute on <span> is not allowed: ${CSP_STYLE}`],
  "svg-tricks.md": [`7:6: body: ${SCRIPT}`, `9:9: body: ${URL_IN("javascript:", "values", "animate")}`],
  "remote-images.md": [
    "7:30: body: the image https://example.org/courthouse.jpg is on another site: the Content-Security-Policy (img-src 'self')",
    "9:1: body: the image https://example.org/crowd.jpg is on another site",
  ],
  "unclosed-tag.md": ["9:1: body: this raw HTML tag is never finished (a missing `>` or closing quote)"],
  "source-url.md": ['5:1: source.url: expected an absolute http(s) URL, found the text "javascript:alert(1)"'],
  "video-url.md": ["5:1: video: expected an absolute http(s) URL"],
};

let site: ScratchSite;
let result: RunResult;

beforeAll(async () => {
  const posts = Object.fromEntries(readdirSync(FIXTURES).map((name) => [name, readFileSync(new URL(name, FIXTURES), "utf8")]));
  site = await createScratchSite(posts);
  result = await site.build({ CONTEXT: "production", URL: "https://news.example.org" });
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
    for (const line of lines) expect(printed.some((p) => p.startsWith(`posts/${file}:${line}`)), `posts/${file}:${line}\n${printed.join("\n")}`).toBe(true);
  });

  it("reports nothing it was not expected to, so no safe construct is refused by mistake", () => {
    const printed = result.stderr.split("\n").filter((line) => line.startsWith("posts/"));
    const unexpected = printed.filter((line) => {
      const file = line.slice("posts/".length, line.indexOf(":"));
      return !(EXPECTED[file] ?? []).some((start) => line.startsWith(`posts/${file}:${start}`));
    });
    // The only extra: <img alt=""> is also told to describe the image, and the video both ways.
    expect(unexpected.filter((line) => !/found <img> with an empty alt|video: expected a YouTube or Vimeo/.test(line))).toEqual([]);
  });
});

// The raw-HTML check on its own, for the cases a whole build would make slow
// to list: what trusted authors may still write, obfuscations, and positions
// inside Markdown containers. (tests/hostile-refused.test.ts proves the same
// check stops the real build.)
import { describe, expect, it } from "vitest";
import { checkRawHtml } from "../lib/html-safety.ts";

const found = (body: string) => checkRawHtml(body).map((problem) => `${problem.line}:${problem.column} ${problem.message}`);

describe("raw HTML a trusted author may write", () => {
  it.each([
    ['a figure', '<figure>\n<img src="/images/bridge.jpg" alt="The bridge at dawn">\n<figcaption>The bridge.</figcaption>\n</figure>'],
    ["a details block", "<details>\n<summary>Timeline</summary>\n\n- 1996: arrested\n\n</details>"],
    ["links to other sites and images of this one", 'See <a href="https://example.org/a?b=c#d" rel="noopener">the filing</a> <img src="/images/x.png" alt="x"> ![y](/images/y.png).'],
    ["responsive images and inline data images", '<img srcset="/a.png 1x, /b.png 2x" src="/a.png" alt="a"> <img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">'],
    ["markup shown as code", "Write `<script>` like this:\n\n```html\n<script>alert(1)</script>\n<p style=\"x\" onclick=\"y\">\n```\n\n    <iframe src=x></iframe>"],
    ["escaped text and comments", "&lt;script&gt; is text. <!-- <script>alert(1)</script> -->"],
    ["words that merely look like attributes", '<abbr title="onclick javascript:void">JS</abbr> and <span class="style">styled</span>'],
  ])("%s", (_name, body) => {
    expect(found(body)).toEqual([]);
  });
});

describe("raw HTML that is refused", () => {
  it("sees through entities, control characters and case in URLs", () => {
    const body = [
      '<a href="&#106;avascript:alert(1)">1</a>',
      '<a href="java&#x0A;script:alert(2)">2</a>',
      '<a href=" &#x01;JaVaScRiPt:alert(3)">3</a>',
      '<img srcset="/ok.png 1x, javascript:alert(4) 2x" alt="">',
      '<a href="data:text/html,<script>alert(5)</script>">5</a>',
      '<a href="DATA:image/svg+xml,<svg onload=alert(6)>">6</a>',
    ].join("\n\n");
    expect(found(body).map((line) => line.split(" is not allowed")[0])).toEqual([
      "1:1 a javascript: URL in href on <a>",
      "3:1 a javascript: URL in href on <a>",
      "5:1 a javascript: URL in href on <a>",
      "7:1 a javascript: URL in srcset on <img>",
      "9:1 a data: URL that is not a PNG, GIF, JPEG, WebP or AVIF image in href on <a>",
      "11:1 a data: URL that is not a PNG, GIF, JPEG, WebP or AVIF image in href on <a>",
    ]);
  });

  it("places problems inside blockquotes, lists, tables and multi-line tags", () => {
    const body = [
      "> Quote: <img src=x alt=x onerror=a>", // 1
      "",
      "- item",
      "  <i", // 4
      "  onload=b>x</i>",
      "",
      "| a | b |",
      "|---|---|",
      "| `<b onclick=no>` | <b onclick=c>x</b> |", // 9
    ].join("\n");
    expect(found(body).map((line) => line.split(" ").slice(0, 6).join(" "))).toEqual([
      "1:10 the inline event handler onerror=\"…\"",
      "4:3 the inline event handler onload=\"…\"",
      "9:22 the inline event handler onclick=\"…\"",
    ]);
  });

  it("refuses images from other sites, which the policy's img-src 'self' would block", () => {
    const body = 'A ![chart](https://example.org/chart.png) and <img src="//cdn.example/x.png" alt="x">.';
    expect(found(body).map((line) => line.split(" is on another site")[0])).toEqual([
      "1:12 the image https://example.org/chart.png",
      "1:47 the image //cdn.example/x.png",
    ]);
  });

  it("refuses elements browsers parse two ways, where markup hides in text", () => {
    expect(found('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>')).toEqual([
      "1:1 <noscript> is not allowed in a post: browsers parse its content in two different ways, which can smuggle markup past these checks",
    ]);
  });

  it("refuses a block tag left open, which would swallow the Markdown after it", () => {
    expect(found('Text.\n\n<div title="never closed\n\nMore text.')).toEqual([
      "3:1 this raw HTML tag is never finished (a missing `>` or closing quote), so it would swallow the text after it",
    ]);
    // An unfinished inline tag is no HTML to Markdown: it is printed as text.
    expect(found('Text with <img alt="never closed\n\nMore text.')).toEqual([]);
  });
});

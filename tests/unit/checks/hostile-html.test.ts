// The published-HTML check on its own (lib/checks/published-html.ts), for the cases a
// whole build would make slow to list: what authors may still write,
// obfuscations, and positions inside Markdown containers. Each body is
// validated as a post, so what is judged is the HTML the page would publish.
// (tests/site/safety/hostile-refused.test.ts proves the same check stops the real build;
// tests/unit/checks/html-allow-list.test.ts holds the allow-list to many more cases.)
import { describe, expect, it } from "vitest";
import { validateOne } from "../../../lib/checks/validate.ts";

const FRONTMATTER_LINES = 5;
const post = (body: string) => new TextEncoder().encode(`---\ntitle: A post\ndate: 2024-01-01\ndescription: A summary.\n---\n${body}\n`);
/** Problems as `line:column message`, lines counted within the body. */
const found = (body: string) =>
  validateOne("posts/a-post.md", post(body), "https://news.example.org").problems.map(
    (problem) => `${problem.line - FRONTMATTER_LINES}:${problem.column} ${problem.message}`,
  );
const subjects = (body: string) => found(body).map((line) => line.split(" is not allowed")[0]);

describe("raw HTML an author may write", () => {
  it.each([
    ["a figure", '<figure>\n<img src="/images/bridge.jpg" alt="The bridge at dawn">\n<figcaption>The bridge.</figcaption>\n</figure>'],
    ["a details block", "<details>\n<summary>Timeline</summary>\n\n- 1996: arrested\n\n</details>"],
    [
      "links to other sites and images of this one",
      'See <a href="https://example.org/a?b=c#d" rel="noopener">the filing</a> <img src="/images/x.png" alt="x"> ![y](/images/y.png).',
    ],
    [
      "responsive images and inline data images",
      '<img srcset="/a.png 1x, /b.png 2x" src="/a.png" alt="a"> <img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">',
    ],
    [
      "markup shown as code",
      'Write `<script>` like this:\n\n```html\n<script>alert(1)</script>\n<p style="x" onclick="y">\n```\n\n    <iframe src=x></iframe>',
    ],
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
      '<a href="JaVaScRiPt:alert(3)">3</a>',
      '<img srcset="/ok.png 1x, javascript:alert(4) 2x" alt="four">',
      '<a href="data:text/html,<script>alert(5)</script>">5</a>',
      '<a href="DATA:image/svg+xml,<svg onload=alert(6)>">6</a>',
    ].join("\n\n");
    expect(subjects(body)).toEqual([
      '1:1 <a href="javascript:alert(1)">',
      '3:1 <a href="java&#10;script:alert(2)">',
      '5:1 <a href="JaVaScRiPt:alert(3)">',
      '7:1 <img srcset="javascript:alert(4)">',
      '9:1 <a href="data:text/html,<script>alert(5)</script>">',
      '11:1 <a href="DATA:image/svg+xml,<svg onload=alert(6)>">',
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
    expect(subjects(body)).toEqual(["1:10 <img onerror>", "4:3 <i onload>", "9:22 <b onclick>"]);
  });

  it("refuses images from other sites, which the policy's img-src 'self' would block", () => {
    const body = 'A ![chart](https://example.org/chart.png) and <img src="//cdn.example/x.png" alt="x">.';
    expect(subjects(body)).toEqual(['1:12 <img src="https://example.org/chart.png">', '1:47 <img src="//cdn.example/x.png">']);
  });

  it("refuses elements browsers parse two ways, where markup hides in text", () => {
    expect(subjects('<noscript><p title="</noscript><img src=x alt=x onerror=alert(1)>"></noscript>')).toContain("1:1 <noscript>");
  });

  it("refuses a tag left open, which would swallow what follows it on the page", () => {
    expect(subjects('Text.\n\n<div title="never closed\n\nMore text.')).toEqual(['3:1 a tag never closed with ">" in <div>']);
    expect(subjects("Text.\n\n<div>\n\nNever closed.")).toEqual(["3:1 <div> without its end tag </div>"]);
    // An unfinished inline tag is no HTML to Markdown: it is printed as text.
    expect(found('Text with <img alt="never closed\n\nMore text.')).toEqual([]);
  });
});

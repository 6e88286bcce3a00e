// lib/checks/published-html.ts: the HTML a body publishes is judged, each problem placed back at the Markdown the author wrote, and links to posts collected.
import { describe, expect, it } from "vitest";
import { inspectPublishedHtml } from "../../../lib/checks/published-html.ts";
import { createPostRenderer, parseStructure } from "../../../lib/render/markdown.ts";
import { SITE_ORIGIN } from "../../support/unit-fixtures.ts";

const render = createPostRenderer(SITE_ORIGIN);

/** As lib/checks/validate.ts runs it: one structure parse, rendered, then judged. */
function inspect(body: string) {
  const tokens = parseStructure(body);
  return inspectPublishedHtml(render(tokens), body, tokens);
}

const NO_ALT_MARKDOWN =
  /^expected alt text saying what the image shows, like !\[Mayor cuts the ribbon\]\(\/media\/a\.png\), found !\[\]\(\/media\/a\.png\) with none$/;

describe("images without alt text", () => {
  it("passes an image whose alt says what it shows, and hands it to the image pipeline with where its tag stands", () => {
    const body = "Intro.\n\n![The new bridge at dusk](/media/a.png)\n";
    const tokens = parseStructure(body);
    const { html } = render(tokens);
    const { problems, postLinks, images } = inspectPublishedHtml(render(tokens), body, tokens);
    expect([problems, postLinks]).toEqual([[], []]);
    expect(images).toEqual([expect.objectContaining({ src: "/media/a.png", alt: "The new bridge at dusk", line: 3, column: 27 })]);
    // The start tag exactly, which the pipeline replaces by its <picture>.
    expect(html.slice(images[0]?.start, images[0]?.end)).toMatch(/^<img src="\/media\/a\.png" alt="The new bridge at dusk"[^>]*>$/);
  });

  it("refuses a picture from this site written inside <picture>: the pipeline writes that", () => {
    const { problems, images } = inspect('Intro.\n\n<picture><img src="/media/a.png" alt="A bridge"></picture>\n');
    expect(images).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining("found one inside <picture>") })]);
  });

  it("places a Markdown image without alt where it is written, and shows how to write one", () => {
    expect(inspect("Intro.\n\n![](/media/a.png)\n").problems).toEqual([
      { line: 3, column: 1, message: expect.stringMatching(NO_ALT_MARKDOWN) },
    ]);
  });

  it("counts alt text of only spaces as none", () => {
    const { problems } = inspect("Intro.\n\nText ![ ](/media/a.png) more\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(NO_ALT_MARKDOWN);
    expect(problems[0]?.line).toBe(3);
  });

  it("places a raw <img> at its tag, and says whether alt was missing or empty", () => {
    expect(inspect('Intro.\n\n<img src="/media/a.png">\n').problems).toEqual([
      { line: 3, column: 1, message: 'expected an alt="…" saying what the image shows, found <img> with no alt' },
    ]);
    expect(inspect('<p>Text and <img src="/media/a.png" alt=""></p>\n').problems).toEqual([
      { line: 1, column: 13, message: 'expected an alt="…" saying what the image shows, found <img> with an empty alt' },
    ]);
  });
});

describe("the allow-list's findings", () => {
  it("places refused raw HTML at the line and column where it was written", () => {
    expect(inspect("Intro.\n\n<script>alert(1)</script>\n").problems).toEqual([
      { line: 3, column: 1, message: expect.stringMatching(/^<script> is not allowed in a post: /) },
    ]);
    expect(inspect("Text on one line\nand <b onclick=alert(1)>bold</b> on the next.\n").problems).toEqual([
      { line: 2, column: 5, message: expect.stringMatching(/^<b onclick> is not allowed in a post: inline event handlers/) },
    ]);
  });

  it("counts lines inside an HTML block from where the block starts", () => {
    const body = 'First.\n\n<div>\n<p>fine</p>\n<iframe src="/x"></iframe>\n</div>\n';
    expect(inspect(body).problems).toEqual([{ line: 5, column: 1, message: expect.stringMatching(/^<iframe> is not allowed in a post/) }]);
  });

  it("passes Markdown that renders to allowed HTML only, raw HTML included", () => {
    expect(inspect('# Title\n\nA *story* with `code`, a [link](https://example.com/) and <abbr title="x">X</abbr>.\n').problems).toEqual(
      [],
    );
  });
});

describe("links to posts", () => {
  it("collects each link to /posts/<slug>/ with where its address is written", () => {
    const lines = ["See [the story](/posts/harbour-reopens/) and", "[that one](/posts/bridge/#map) or [this](/posts/budget?ref=x)."];
    const column = (line: number, href: string) => (lines[line - 1] ?? "").indexOf(`](${href})`) + 3;
    expect(inspect(`${lines.join("\n")}\n`).postLinks).toEqual([
      { slug: "harbour-reopens", href: "/posts/harbour-reopens/", line: 1, column: column(1, "/posts/harbour-reopens/") },
      { slug: "bridge", href: "/posts/bridge/#map", line: 2, column: column(2, "/posts/bridge/#map") },
      { slug: "budget", href: "/posts/budget?ref=x", line: 2, column: column(2, "/posts/budget?ref=x") },
    ]);
  });

  it("decodes a percent-encoded slug, and keeps one that does not decode as written", () => {
    expect(inspect("[x](/posts/caf%C3%A9/)\n").postLinks.map((link) => link.slug)).toEqual(["café"]);
    expect(inspect('<a href="/posts/%E0%A4%A/">x</a>\n').postLinks.map((link) => link.slug)).toEqual(["%E0%A4%A"]);
  });

  it("collects links written as raw HTML too", () => {
    expect(inspect('Intro.\n\n<p>Read <a href="/posts/bridge/">this</a>.</p>\n').postLinks).toEqual([
      { slug: "bridge", href: "/posts/bridge/", line: 3, column: 9 },
    ]);
  });

  it("leaves out addresses that are not a post's page", () => {
    const body = "[b](/posts/a/b/) [c](https://elsewhere.example/posts/x/) [d](/tags/courts/) [e](posts/x/)\n";
    expect(inspect(body).postLinks).toEqual([]);
  });
});

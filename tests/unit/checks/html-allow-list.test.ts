import { describe, expect, it } from "vitest";
import { isPublishable, judgePublishedHtml, type HtmlElement } from "../../../lib/checks/html-allow-list.ts";
import { createMarkdown } from "../../../lib/render/markdown.ts";

const SITE = "https://news.example.org";
const EVIL = "https://evil.example";

/** A body as published: markdown-it's output with every character beyond U+00FF written as a numeric reference. */
const published = (markdown: string) =>
  createMarkdown(SITE)
    .render(markdown)
    .replace(/[^\x00-\xff]/gu, (character) => `&#${character.codePointAt(0)};`);

/** Where the finding belongs (an offset, or the first occurrence of this text in the HTML), its tag, and what its message says. */
type Expected = [at: string | number, tag: string | undefined, message: RegExp];

const offsetOf = (html: string, at: string | number) => {
  const offset = typeof at === "number" ? at : html.indexOf(at);
  if (offset === -1) throw new Error(`${JSON.stringify(at)} is not in ${JSON.stringify(html)}`);
  return offset;
};

const expectFindings = (html: string, expected: Expected[]) =>
  expect(judgePublishedHtml(html)).toEqual(
    expected.map(([at, tag, message]) => ({
      offset: offsetOf(html, at),
      ...(tag ? { tag } : {}),
      message: expect.stringMatching(message),
    })),
  );

const HANDLER = /^<(\w+) on\w+> is not allowed in a post: inline event handlers run JavaScript/;
const TWICE = /^the attribute (\w+) given twice in <\w+> is not allowed in a post: browsers use only the first copy/;
const FOREIGN = /is not allowed in a post: .*browsers parse SVG and MathML by different rules/;
const OFF_SITE = /is not allowed in a post: the image is on another site, .*img-src 'self' data:.*broken image/;
const LINK = /is not allowed in a post: links may only go to http:, https:, mailto: or tel: addresses, or to a path on this site/;
const HIDDEN = /browsers skip the tabs, newlines and control characters hidden in it/;
const UNCLOSED = /^<(\w+)> without its end tag <\/\1> is not allowed in a post: browsers decide on their own where it ends/;
const SWALLOWS = /^<(\w+)> without its end tag <\/\1> is not allowed in a post: browsers read everything after it as plain text/;
const STRAY = /^<\/(\w+)> with no open <\1> to close is not allowed in a post: on the page it would close part of the layout/;
const ADDRESS = /is not allowed in a post: it makes the browser load or open an address/;
const STYLE = /style> is not allowed in a post: the Content-Security-Policy only lets the site's own stylesheet style pages/;
const FORMS = /is not allowed in a post: the site has no forms/;

describe("markdown-it's own output", () => {
  it("accepts a typical story, with a comment for the editors", () => {
    const html = published(`# Bridge "reopens" — at last

Some *emphasis*, **strong**, \`code <b>\`, [a link](https://elsewhere.example/a "Title"), [local](/posts/x/),
[mail](mailto:desk@news.example.org), [phone](tel:+15551234), [jump](#top), [page two](?page=2&sort=new).
A hard break  
and Ünïcode ☃ 😀, AT&T < 5 > 3 -- 'quoted'...

![The bridge at dusk](/media/bridge.jpg "Dusk") ![Relative](media/detail.png)

> Quoted
> > and nested

1. one
2. two

3) three

- a
- b
  - nested

\`\`\`js
const tag = "<script>";
\`\`\`

    indented <code>

---

<!-- note to editors: check the toll figure -->
`);
    expect(html).toContain('<code class="language-js">');
    expect(html).toContain('<h1 id="');
    expect(html).toContain('rel="noopener"');
    expect(html).toContain("&#8220;");
    expect(judgePublishedHtml(html)).toEqual([]);
  });

  it("accepts the raw HTML a story may use", () => {
    const html = published(`<figure>
<img src="/media/a.jpg" alt="A" width="640" height="480" srcset="/media/a.jpg 1x, /media/a@2x.jpg 2x">
<figcaption>Caption &amp; credit</figcaption>
</figure>

<details open><summary>More</summary>

Hidden *text*.

</details>

With <abbr title="World Health Organization">WHO</abbr>, <time datetime="2024-01-01">new year</time>, H<sub>2</sub>O,
<mark>marked</mark>, <kbd>Ctrl</kbd>, <bdo dir="rtl">abc</bdo>, <q cite="https://source.example/">quoted</q>, line<br>break, long<wbr>word,
<del datetime="2024-01-02">old</del><ins>new</ins>, <span lang="fr" class="x">bonjour</span>, <ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>.

<picture>
<source srcset="/media/a.avif" type="image/avif">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="A pixel">
</picture>

<table>
<caption>Results</caption>
<colgroup><col span="2"></colgroup>
<thead><tr><th scope="col" abbr="A">Alpha</th><th>B</th></tr></thead>
<tbody><tr><td colspan="2" headers="a">x</td></tr></tbody>
</table>

<ol reversed start="3" type="i"><li value="5">five</li></ol>
`);
    expect(judgePublishedHtml(html)).toEqual([]);
    // Browsers add the tbody every row sits in; that is the one element allowed to be implied.
    expect(judgePublishedHtml("<table><tr><td>x</td></tr></table>")).toEqual([]);
  });

  it("accepts aligned table columns: the renderer writes the alignment as a class, not the style the CSP blocks", () => {
    const html = published("| Team | Score |\n|:-----|------:|\n| Home | 2 |\n");
    expect(html).toContain('<th class="align-left">');
    expect(html).toContain('<td class="align-right">');
    expect(judgePublishedHtml(html)).toEqual([]);
  });

  it("refuses an inline style on a raw table cell, and says how to align a column", () => {
    const [finding] = judgePublishedHtml('<table><tr><td style="text-align:right">2</td></tr></table>');
    expect(finding?.message).toMatch(STYLE);
    expect(finding?.message).toMatch(/a column's alignment/);
  });
});

const HOSTILE: Array<{ name: string; html: string; expected: Expected[] }> = [
  // Inline event handlers, whatever the case they are written in.
  { name: "onerror on an image", html: "<img src=x alt=a onerror=alert(1)>", expected: [["<img", "img", HANDLER]] },
  { name: "onclick on a paragraph", html: '<p>a</p><p onclick="alert(1)">b</p>', expected: [["<p onclick", "p", HANDLER]] },
  {
    name: "an upper-case handler",
    html: '<a href="/" ONMOUSEOVER=alert(1)>x</a>',
    expected: [["<a", "a", /^<a onmouseover> is not allowed/]],
  },
  {
    name: "ontoggle on details",
    html: "<details open ontoggle=alert(1)><summary>s</summary></details>",
    expected: [["<details", "details", HANDLER]],
  },

  // Duplicate attributes: only one copy would have been judged.
  {
    name: "a javascript: href after a good one",
    html: '<p>x</p><a href="/ok" href="javascript:alert(1)">x</a>',
    expected: [["<a", "a", TWICE]],
  },
  { name: "an off-site src after a local one", html: `<img src="/a.png" alt=a src="${EVIL}/x.png">`, expected: [["<img", "img", TWICE]] },
  {
    name: "the same attribute in two cases",
    html: "<p class=a CLASS=b>x</p>",
    expected: [["<p", "p", /^the attribute class given twice in <p>/]],
  },

  // CDATA and bogus comments end at the first ">", whatever they seem to hold.
  {
    name: "CDATA outside SVG",
    html: "<p>a</p><![CDATA[<img src=x onerror=alert(1)>]]>",
    expected: [["<![CDATA[", undefined, /^"<!\[CDATA\[" is not allowed in a post: outside SVG and MathML/]],
  },
  {
    name: "a bogus <! comment",
    html: "<!x><img src=x alt=a onerror=alert(1)>",
    expected: [
      ["<!x>", undefined, /^"<!" that does not open a comment/],
      ["<img", "img", HANDLER],
    ],
  },
  {
    name: "a processing instruction",
    html: "<p>a</p><?php echo 1 ?>",
    expected: [["<?php", undefined, /^"<\?" is not allowed in a post/]],
  },
  { name: "a declaration", html: "<!ELEMENT x ANY>", expected: [["<!ELEMENT", undefined, /^"<!" that does not open a comment/]] },
  {
    name: "an end tag with a space for a name",
    html: "<p>a</p></ x>",
    expected: [["</ x>", undefined, /^a "<" that does not start a tag/]],
  },

  // Comments that end early in browsers, or never.
  {
    name: "a comment ending in --!>",
    html: "<!--x--!><img src=x alt=a onerror=alert(1)>",
    expected: [
      ["<!--", undefined, /^a comment ending in "--!>" is not allowed/],
      ["<img", "img", HANDLER],
    ],
  },
  {
    name: "<!-->",
    html: "<p>a</p><!--><img src=x alt=a onerror=alert(1)>-->",
    expected: [
      ["<!-->", undefined, /^"<!-->" or "<!--->"/],
      ["<img", "img", HANDLER],
    ],
  },
  { name: "<!--->", html: "<!---><p>x</p>", expected: [["<!--->", undefined, /^"<!-->" or "<!--->"/]] },
  { name: "a comment inside a comment", html: "<!-- a <!-- b -->", expected: [["<!--", undefined, /^"<!--" inside a comment/]] },
  {
    name: "a comment never closed",
    html: "<p>a</p><!-- the rest of the page",
    expected: [["<!--", undefined, /^a comment never closed with "-->"/]],
  },

  // Markup that breaks out of SVG or MathML, or hides in it.
  {
    name: "foreignObject",
    html: "<svg><foreignObject><img src=x alt=a onerror=alert(1)></foreignObject></svg>",
    expected: [
      ["<svg", "svg", FOREIGN],
      ["<foreignObject", "foreignobject", /^<foreignObject> is not allowed in a post: it is part of an SVG or MathML drawing/],
      ["<img", "img", HANDLER],
    ],
  },
  {
    name: "mglyph and style in MathML",
    html: "<math><mi><mglyph><style><img src=x alt=a onerror=alert(1)>",
    expected: [
      ["<math", "math", FOREIGN],
      ["<mi>", "mi", FOREIGN],
      ["<mglyph", "mglyph", FOREIGN],
      ["<style", "style", STYLE],
      ["<img", "img", HANDLER],
    ],
  },
  {
    name: "a paragraph breaking out of SVG",
    html: "<svg><p>x</p></svg>",
    expected: [
      ["<svg", "svg", FOREIGN],
      ["</svg>", "svg", STRAY],
    ],
  },
  {
    name: "the mXSS of mtext, table and mglyph",
    html: '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(1)&gt;">',
    expected: [
      ["<math", "math", FOREIGN],
      ["<mtext", "mtext", FOREIGN],
      ["<table", "table", UNCLOSED],
      ["<mglyph", "mglyph", /^<mglyph> inside a <table> but outside its cells/],
      ["<mglyph", "mglyph", /^<mglyph> is not allowed in a post/],
      ["<style", "style", STYLE],
    ],
  },

  // Loads from other sites through attributes no deny-list named.
  {
    name: "an SVG image",
    html: `<svg><image href="${EVIL}/x.png"/></svg>`,
    expected: [
      ["<svg", "svg", FOREIGN],
      ["<image", "image", FOREIGN],
    ],
  },
  {
    name: "an SVG feImage",
    html: `<svg><filter><feImage href="${EVIL}/x.png"/></filter></svg>`,
    expected: [
      ["<svg", "svg", FOREIGN],
      ["<filter", "filter", FOREIGN],
      ["<feImage", "feimage", /^<feImage> is not allowed/],
    ],
  },
  {
    name: "a table background",
    html: `<table background="${EVIL}/x.png"><tr><td>x</td></tr></table>`,
    expected: [["<table", "table", ADDRESS]],
  },
  {
    name: "a video src",
    html: `<video src="${EVIL}/v.mp4"></video>`,
    expected: [["<video", "video", /^<video> is not allowed in a post: for a video, use the `video` field/]],
  },
  { name: "a video poster", html: `<video poster="${EVIL}/p.png"></video>`, expected: [["<video", "video", /use the `video` field/]] },
  { name: "an audio src", html: `<audio src="${EVIL}/a.mp3"></audio>`, expected: [["<audio", "audio", /no audio player/]] },
  { name: "an image input", html: `<input type=image src="${EVIL}/x.png">`, expected: [["<input", "input", FORMS]] },
  {
    name: "a ping",
    html: `<a href="/" ping="${EVIL}/">x</a>`,
    expected: [["<a", "a", /^<a ping> is not allowed in a post: it makes the browser load or open an address/]],
  },
  { name: "a style URL", html: `<div style="background:url(${EVIL}/x.png)">x</div>`, expected: [["<div", "div", STYLE]] },
  {
    name: "a stylesheet",
    html: `<link rel=stylesheet href="${EVIL}/x.css">`,
    expected: [["<link", "link", /^<link> is not allowed in a post: a post is only part of a page/]],
  },
  { name: "an object", html: `<object data="${EVIL}/x.swf"></object>`, expected: [["<object", "object", /embeds a plug-in/]] },
  { name: "an embed", html: `<embed src="${EVIL}/x.swf">`, expected: [["<embed", "embed", /embeds a plug-in/]] },
  {
    name: "an off-site source in a picture",
    html: `<picture><source srcset="${EVIL}/x.webp"><img src="/a.jpg" alt=a></picture>`,
    expected: [["<source", "source", OFF_SITE]],
  },
  {
    name: "a source for media",
    html: '<source srcset="/a.webp">',
    expected: [["<source", "source", /^<source> outside <picture> is not allowed/]],
  },

  // Page settings that are the layout's business.
  {
    name: "a referrer policy",
    html: '<meta name="referrer" content="unsafe-url">',
    expected: [["<meta", "meta", /leak where they came from \(referrer\)/]],
  },
  { name: "a refresh", html: `<meta http-equiv="refresh" content="0;url=${EVIL}">`, expected: [["<meta", "meta", /redirect readers/]] },
  {
    name: "a base",
    html: `<p>a</p><base href="${EVIL}/">`,
    expected: [["<base", "base", /change where every relative link and image on the page points/]],
  },
  { name: "a body with onload", html: "<p>a</p><body onload=alert(1)>", expected: [["<body", "body", /a post is only part of a page/]] },
  {
    name: "a doctype",
    html: "<!doctype html><p>x</p>",
    expected: [["<!doctype", undefined, /^<!DOCTYPE> is not allowed in a post: a post is only part of a page/]],
  },

  // Elements whose content is plain text up to their end tag: left open, they swallow the page.
  {
    name: "an unclosed textarea",
    html: "<p>a</p><textarea><p>the rest",
    expected: [
      ["<textarea", "textarea", FORMS],
      ["<textarea", "textarea", SWALLOWS],
    ],
  },
  {
    name: "an unclosed title",
    html: "<title>x",
    expected: [
      ["<title", "title", /browsers read everything after it as plain text/],
      ["<title", "title", SWALLOWS],
    ],
  },
  {
    name: "an unclosed xmp",
    html: "<p>a</p><xmp><b>x",
    expected: [
      ["<xmp", "xmp", /plain text/],
      ["<xmp", "xmp", SWALLOWS],
    ],
  },
  {
    name: "an unclosed style",
    html: "<style>p{}",
    expected: [
      ["<style", "style", STYLE],
      ["<style", "style", SWALLOWS],
    ],
  },
  {
    name: "an unclosed iframe",
    html: `<iframe src="${EVIL}/">`,
    expected: [
      ["<iframe", "iframe", /loads another site inside ours/],
      ["<iframe", "iframe", SWALLOWS],
    ],
  },
  {
    name: "an unclosed select",
    html: "<select><option>z",
    expected: [
      ["<select", "select", FORMS],
      ["<option", "option", FORMS],
    ],
  },
  {
    name: "plaintext",
    html: "<p>a</p><plaintext><b>x",
    expected: [["<plaintext", "plaintext", /turns the whole rest of the page into plain text/]],
  },

  // Elements refused outright.
  {
    name: "noscript",
    html: "<noscript><p>x</p></noscript>",
    expected: [["<noscript", "noscript", /parse its content in two different ways/]],
  },
  { name: "noembed", html: "<noembed><img src=x onerror=alert(1)></noembed>", expected: [["<noembed", "noembed", /two different ways/]] },
  {
    name: "template",
    html: "<template><img src=x onerror=alert(1)></template>",
    expected: [
      ["<template", "template", /separate document/],
      ["<img", "img", HANDLER],
    ],
  },
  { name: "a form", html: `<form action="${EVIL}"><p>x</p></form>`, expected: [["<form", "form", FORMS]] },
  {
    name: "an iframe with srcdoc",
    html: '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    expected: [["<iframe", "iframe", /loads another site inside ours/]],
  },
  { name: "a script", html: "<p>a</p><script>alert(1)</script>", expected: [["<script", "script", /the site runs no JavaScript/]] },
  {
    name: "an element named like an Object property",
    html: "<constructor>x</constructor>",
    expected: [["<constructor", "constructor", /only the elements a story's text needs/]],
  },
  {
    name: "an attribute not on the list",
    html: "<p>a</p><div x=1></div>",
    expected: [["<div", "div", /^<div x> is not allowed in a post: <div> may carry only class, id, title/]],
  },
  {
    name: "an image the parser renames",
    html: '<image src="/a.png" alt=a>',
    expected: [["<image", "image", /^<image> is not allowed in a post: browsers read it as <img>/]],
  },
  { name: "bdo without dir", html: "<bdo>x</bdo>", expected: [["<bdo", "bdo", /^<bdo> without dir is not allowed/]] },

  // Unbalanced markup: browsers repair it their own way, and on the page it reaches into the layout.
  { name: "an unclosed paragraph", html: "<p>unclosed", expected: [["<p", "p", UNCLOSED]] },
  { name: "a stray </div>", html: "<p>x</p></div><p>y</p>", expected: [["</div>", "div", STRAY]] },
  { name: "a stray </div> between texts", html: "x</div>y", expected: [["</div>", "div", STRAY]] },
  {
    name: "misnested tags",
    html: "<b><i>misnested</b></i>",
    expected: [
      ["<i>", "i", UNCLOSED],
      ["</i>", "i", STRAY],
    ],
  },
  { name: "a stray </p>", html: "<div>a</p></div>", expected: [["</p>", "p", STRAY]] },
  { name: "a stray </br>", html: "<p>a</br>b</p>", expected: [["</br>", "br", STRAY]] },
  { name: "an end tag for an image", html: "<img src=x alt=a></img>", expected: [["</img>", "img", STRAY]] },
  {
    name: "list items left open",
    html: "<ul><li>one<li>two</ul>",
    expected: [
      ["<li>one", "li", UNCLOSED],
      ["<li>two", "li", UNCLOSED],
    ],
  },
  {
    name: "a self-closed paragraph",
    html: "<p/>x",
    expected: [
      ["<p", "p", UNCLOSED],
      ["<p", "p", /^"\/>" ending an element that needs an end tag in <p>/],
    ],
  },
  {
    name: "a link that overlaps a paragraph",
    html: "<a><p></a></p>",
    expected: [
      ["<a>", "a", /^<a> overlapping the <p> after it/],
      ["</a>", "a", /^<a> added by the browser/],
    ],
  },
  { name: "a cell without a row", html: "<table><td>x</td></table>", expected: [["<td", "tr", /^<tr> added by the browser/]] },
  {
    name: "a cell outside a table",
    html: "<td>x</td>",
    expected: [
      ["<td", "td", /^<td> here is not allowed in a post: browsers drop this tag/],
      ["</td>", "td", STRAY],
    ],
  },
  {
    name: "text and tags inside a table but outside its cells",
    html: "<table>moved<tr><td>x</td></tr><b>too</b></table>",
    expected: [
      ["moved", undefined, /^text inside a <table> but outside its cells/],
      ["<b>", "b", /^<b> inside a <table> but outside its cells/],
    ],
  },
  {
    name: "nesting deeper than any story",
    html: `${"<div>".repeat(120)}x${"</div>".repeat(120)}`,
    expected: [["<div>".length * 100, "div", /^<div> nested 101 deep/]],
  },

  // What the tokenizer has to guess at.
  { name: "a tag cut off by the end", html: "ab<img src=x", expected: [["<img", "img", /^a tag never closed with ">" in <img>/]] },
  {
    name: "attributes run together",
    html: '<img src=x alt="b"title=c>',
    expected: [["<img", "img", /^attributes not separated by spaces in <img>/]],
  },
  { name: "a quote in an unquoted value", html: '<img alt=a"b src=x>', expected: [["<img", "img", /unquoted attribute value in <img>/]] },
  {
    name: "an end tag with attributes",
    html: "<div>x</div class=a>",
    expected: [["</div", "div", /^an end tag with attributes in <div>/]],
  },
  { name: "a control character", html: "<p>a\u0001b</p>", expected: [["\u0001", undefined, /^an invisible control character/]] },
  { name: "a NUL character", html: "<p>a\u0000b</p>", expected: [["\u0000", undefined, /^a NUL character/]] },
  {
    name: "character references",
    html: "<p>&copy 2024 &bogus; &#0;</p>",
    expected: [
      ["&copy", undefined, /without ";"/],
      ["&bogus;", undefined, /unknown character reference/],
      ["&#0;", undefined, /reference to NUL/],
    ],
  },
];

describe("hostile markup is refused where it starts", () => {
  it.each(HOSTILE)("$name", ({ html, expected }) => {
    expectFindings(html, expected);
  });

  it("reports each finding once, sorted, and at a '<', a '&' or the character itself", () => {
    for (const { html } of HOSTILE) {
      const findings = judgePublishedHtml(html);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.map((finding) => finding.offset)).toEqual(findings.map((finding) => finding.offset).sort((a, b) => a - b));
      expect(new Set(findings.map((finding) => `${finding.offset} ${finding.message}`)).size).toBe(findings.length);
      for (const finding of findings) {
        expect(finding.message).toMatch(/ is not allowed in a post: /);
        if (finding.tag) expect(html[finding.offset]).toBe("<");
        else if (!finding.message.startsWith("text ")) expect(html.slice(finding.offset)).toMatch(/^(<|&|[\u0000-\u001f])/);
      }
    }
  });
});

describe("addresses, read the way browsers read them", () => {
  const link = (href: string) => `<a href="${href}">x</a>`;
  it.each([
    ["a tab inside the scheme", "jav&#x09;ascript:alert(1)"],
    ["a newline inside the scheme", "java\nscript:alert(1)"],
    ["a leading control character", "&#1;javascript:alert(1)"],
    ["leading spaces", "  javascript:alert(1)"],
    ["mixed case", "JaVaScRiPt:alert(1)"],
    ["an encoded colon", "javascript&colon;alert(1)"],
    ["an encoded letter", "&#x6A;avascript:alert(1)"],
    ["a data: page", "data:text/html,<script>alert(1)</script>"],
    ["vbscript", "vbscript:msgbox(1)"],
    ["a file", "file:///etc/passwd"],
  ])("refuses a link with %s", (_name, href) => {
    const findings = judgePublishedHtml(link(href)).filter((finding) => LINK.test(finding.message));
    expect(findings).toEqual([{ offset: 0, tag: "a", message: expect.stringMatching(/^<a href="/) }]);
  });

  it("says when hidden characters were skipped, and shows them as the author typed them", () => {
    const [finding] = judgePublishedHtml(link("jav&#x09;ascript:alert(1)"));
    expect(finding?.message).toMatch(/^<a href="jav&#9;ascript:alert\(1\)">/);
    expect(finding?.message).toMatch(HIDDEN);
  });

  it("refuses a javascript: cite on a quotation", () => {
    expectFindings('<blockquote cite="javascript:alert(1)"><p>q</p></blockquote>', [["<blockquote", "blockquote", LINK]]);
  });

  it.each([
    "https://elsewhere.example/a",
    "HTTP://elsewhere.example/",
    "mailto:desk@news.example.org",
    "tel:+15551234",
    "/posts/x/",
    "#top",
    "?page=2",
    "../up",
    "foo/bar:baz",
    "//elsewhere.example/",
  ])("lets a link go to %s", (href) => {
    expect(judgePublishedHtml(link(href))).toEqual([]);
  });

  it.each([
    `${EVIL}/x.png`,
    "http://evil.example/x.png",
    "//evil.example/x.png",
    "\\\\evil.example/x.png",
    "/\\evil.example/x.png",
    "/&#9;/evil.example/x.png",
    "/&#x0A;/evil.example/x.png",
    " //evil.example/x.png",
    "ftp://evil.example/x.png",
  ])("refuses an image from %s", (src) => {
    const html = `<p>a</p><img src="${src}" alt="a">`;
    expectFindings(html, [["<img", "img", OFF_SITE]]);
  });

  it("refuses every off-site candidate in a srcset, and only those", () => {
    const html = `<img srcset="/ok.png 1x, ${EVIL}/x.png 2x, data:image/png;base64,AA,BB 3x, //evil.example/y.png 4x" alt=a>`;
    const findings = judgePublishedHtml(html);
    expect(findings.map((finding) => /srcset="([^"]*)"/.exec(finding.message)?.[1])).toEqual([`${EVIL}/x.png`, "//evil.example/y.png"]);
    expect(findings.every((finding) => finding.offset === 0 && OFF_SITE.test(finding.message))).toBe(true);
  });

  it.each(["data:image/svg+xml,<svg onload=alert(1)>", "data:text/html,x", "data:image/png"])("refuses the data: image %s", (src) => {
    expectFindings(`<img src="${src}" alt="a">`, [["<img", "img", /a data: image must be a PNG, GIF, JPEG, WebP or AVIF/]]);
  });

  const ownImages = ["/media/a.png", "media/a.png", "../media/a.png", "data:image/png;base64,iVBORw0KGgo=", "DATA:image/webp;base64,UklGR"];
  it.each(ownImages)("lets an image load %s", (src) => {
    expect(judgePublishedHtml(`<img src="${src}" alt="a">`)).toEqual([]);
  });
});

describe("callers reading the same parse", () => {
  it("shows each HTML element, with its offset and the first copy of each attribute", () => {
    const html = '<p>See <a href="/posts/a/" href="/posts/b/">A</a> <img src="/media/x.png" alt=""></p>';
    const seen: HtmlElement[] = [];
    judgePublishedHtml(html, (element) => seen.push(element));
    expect(seen.map((element) => [element.tag, element.offset, Object.fromEntries(element.attributes)])).toEqual([
      ["p", 0, {}],
      ["a", 7, { href: "/posts/a/" }],
      ["img", 50, { src: "/media/x.png", alt: "" }],
    ]);
  });

  it("says whether HTML may be published as it stands", () => {
    expect(isPublishable(published("Plain *text*."))).toBe(true);
    expect(isPublishable("<p>unclosed")).toBe(false);
  });
});

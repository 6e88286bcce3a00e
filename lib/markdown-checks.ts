/**
 * Checks that need the Markdown as markdown-it reads it: Markdown the renderer
 * would print as raw text or swallow, images without alt text, and the links
 * to other posts (checked against the whole set of posts by lib/validate.ts).
 * Working on tokens, not lines, means code spans, code blocks and escapes are
 * never mistaken for broken syntax. Lines are 1-based within the body.
 */
import type { Token } from "markdown-it/index.js";
import type { BodyProblem } from "./body-checks.ts";
import { loadHtmlParser } from "./html-parser.ts";
import { parseStructure } from "./markdown.ts";

/** A link to `/posts/<slug>/` written in a post. */
export interface PostLink {
  slug: string;
  href: string;
  line: number;
  column: number;
}

export interface MarkdownReport {
  problems: BodyProblem[];
  postLinks: PostLink[];
}


const POST_HREF = /^\/posts\/([^/?#]*)\/?(?:[?#].*)?$/;

/** Literal Markdown left in rendered text: each pattern is a construct that did not parse. */
const RAW_TEXT: { pattern: RegExp; message: (found: string) => string }[] = [
  {
    pattern: /\[\^[^\]\s]+\]/g,
    message: (found) => `expected plain text (footnotes are not supported; write the note into the text), found ${found}, which would show as typed`,
  },
  {
    pattern: /!?\[[^\]]*\]\(\S*/g,
    message: (found) => `expected a link like [text](https://example.com/page), found ${found}, which would show as typed (is the ) missing, or is there a space in the URL?)`,
  },
  {
    pattern: /!?\[[^\]]*\]\[[^\]]*\]/g,
    message: (found) => `expected a definition line like [name]: https://example.com for the reference link ${found}, found none, so it would show as typed`,
  },
  {
    pattern: /\*\*\S*/g,
    message: (found) => `expected bold text closed with **, found ${found} without its closing **, which would show as typed`,
  },
];

/** Every RAW_TEXT pattern needs a `[` or a `**`; most text has neither, and skips the four searches. */
const mayHoldRawMarkdown = (text: string) => text.includes("[") || text.includes("**");

export function inspectMarkdown(body: string, tokens: Token[] = parseStructure(body)): MarkdownReport {
  const lines = body.split("\n");
  const report: MarkdownReport = { problems: [], postLinks: [] };
  for (const token of tokens) {
    const map = token.map ?? [0, 1];
    if (token.type === "fence") checkFence(token, map, lines, report);
    else if (token.type === "html_block") {
      inspectHtml(token.content, { line: map[0] + 1, column: 1 }, report);
      checkComment(token, map, report);
    }
    else if (token.type === "inline") inspectInline(token, new Cursor(lines, map), report);
  }
  return report;
}

/** An unclosed fence turns the rest of the article (or of its list or quote) into code. */
function checkFence(token: Token, map: [number, number], lines: string[], report: MarkdownReport): void {
  const last = (lines[map[1] - 1] ?? "").replace(/^[\s>]*/, "").trimEnd();
  const marker = token.markup;
  const closed = map[1] - map[0] >= 2 && last.length >= marker.length && [...last].every((char) => char === marker[0]);
  if (closed) return;
  const end = token.level > 0 ? "the end of the list or quote it is in" : "the end of the file";
  report.problems.push({
    line: map[0] + 1,
    column: 1,
    message: `expected a closing ${marker} for the code block opened here, found ${end}`,
  });
}

/** Like a fence, an unclosed `<!--` hides everything after it from readers. */
function checkComment(token: Token, map: [number, number], report: MarkdownReport): void {
  if (!token.content.trimStart().startsWith("<!--") || token.content.includes("-->")) return;
  report.problems.push({
    line: map[0] + 1,
    column: 1,
    message: "expected --> to close the HTML comment opened here, found none, so everything after it would be hidden",
  });
}

function inspectInline(inline: Token, cursor: Cursor, report: MarkdownReport): void {
  const hrefs: string[] = [];
  for (const child of inline.children ?? []) {
    if (child.type === "image") {
      const src = child.attrGet("src") ?? "";
      const at = cursor.find("![");
      if (child.content.trim() === "") {
        report.problems.push({
          ...at,
          message: `expected alt text saying what the image shows, like ![Mayor cuts the ribbon](${src}), found ![](${src}) with none`,
        });
      }
    } else if (child.type === "link_open") {
      hrefs.push(child.attrGet("href") ?? "");
    } else if (child.type === "link_close") {
      // Found after the link text, so the text's own positions come first.
      const href = hrefs.pop() ?? "";
      const at = cursor.find(`](${href}`);
      collectPostLink(href, { line: at.line, column: at.column + 2 }, report);
    } else if (child.type === "html_inline") {
      inspectHtml(child.content, cursor.find(child.content), report);
    } else if (child.type === "text" && mayHoldRawMarkdown(child.content)) {
      const found = RAW_TEXT.flatMap(({ pattern, message }) =>
        [...child.content.matchAll(pattern)].map((match) => ({ index: match.index, text: match[0], message })),
      );
      for (const { text, message } of found.sort((x, y) => x.index - y.index)) {
        report.problems.push({ ...cursor.find(text), message: message(text) });
      }
    }
  }
}

function collectPostLink(href: string, at: { line: number; column: number }, report: MarkdownReport): void {
  const match = POST_HREF.exec(href);
  if (match) report.postLinks.push({ slug: decodeURIComponent(match[1] ?? ""), href, ...at });
}

/** Raw HTML: <img> needs alt text like Markdown images, and <a href="/posts/…"> links are checked too. */
function inspectHtml(html: string, start: { line: number; column: number }, report: MarkdownReport): void {
  const positionOf = (offset: number) => {
    const before = html.slice(0, offset).split("\n");
    const line = start.line + before.length - 1;
    return { line, column: before.length === 1 ? start.column + offset : (before[before.length - 1] ?? "").length + 1 };
  };
  const HtmlParser = loadHtmlParser();
  const parser = new HtmlParser(
    {
      onopentag(name, attributes) {
        const at = positionOf(parser.startIndex);
        if (name === "img" && (attributes.alt ?? "").trim() === "") {
          report.problems.push({ ...at, message: `expected an alt="…" saying what the image shows, found <img> with ${"alt" in attributes ? "an empty alt" : "no alt"}` });
        }
        if (name === "a" && attributes.href) collectPostLink(attributes.href, at, report);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
}

/**
 * Inline tokens carry no positions, only their block's lines; the cursor
 * finds each construct in the block's source in order, so repeated text
 * (two images in one paragraph) lands on the right occurrence.
 */
class Cursor {
  private line: number;
  private column = 0;
  private readonly lines: string[];
  private readonly end: number;

  constructor(lines: string[], map: [number, number]) {
    this.lines = lines;
    this.line = map[0];
    this.end = map[1];
  }

  find(needle: string): { line: number; column: number } {
    for (let line = this.line; line < this.end && needle !== ""; line++) {
      const index = (this.lines[line] ?? "").indexOf(needle, line === this.line ? this.column : 0);
      if (index === -1) continue;
      this.line = line;
      this.column = index + 1;
      return { line: line + 1, column: index + 1 };
    }
    return { line: this.line + 1, column: this.column + 1 };
  }
}

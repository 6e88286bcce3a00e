/**
 * Checks that need the Markdown as markdown-it reads it: Markdown the renderer
 * would print as raw text or swallow. Working on tokens, not lines, means code
 * spans, code blocks and escapes are never mistaken for broken syntax. What
 * the HTML then holds is judged by lib/checks/published-html.ts. Lines are 1-based
 * within the body.
 */
import type { Token } from "markdown-it/index.js";
import type { BodyProblem } from "./problems.ts";
import { parseStructure } from "../render/markdown.ts";

export interface MarkdownReport {
  problems: BodyProblem[];
}

/** Literal Markdown left in rendered text: each pattern is a construct that did not parse. */
const RAW_TEXT: { pattern: RegExp; message: (found: string) => string }[] = [
  {
    pattern: /\[\^[^\]\s]+\]/g,
    message: (found) =>
      `expected the note ${found} cites, on a line of its own as "${found}: The note.", found none, so ${found} would show as typed`,
  },
  {
    pattern: /!?\[[^\]]*\]\(\S*/g,
    message: (found) =>
      `expected a link like [text](https://example.com/page), found ${found}, which would show as typed (is the ) missing, or is there a space in the URL?)`,
  },
  {
    pattern: /!?\[[^\]]*\]\[[^\]]*\]/g,
    message: (found) =>
      `expected a definition line like [name]: https://example.com for the reference link ${found}, found none, so it would show as typed`,
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
  const report: MarkdownReport = { problems: [] };
  for (const token of tokens) {
    const map = token.map ?? [0, 1];
    if (token.type === "fence") checkFence(token, map, lines, report);
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

function inspectInline(inline: Token, cursor: Cursor, report: MarkdownReport): void {
  for (const child of inline.children ?? []) {
    if (child.type !== "text" || !mayHoldRawMarkdown(child.content)) continue;
    const found = RAW_TEXT.flatMap(({ pattern, message }) =>
      [...child.content.matchAll(pattern)].map((match) => ({ index: match.index, text: match[0], message })),
    );
    for (const { text, message } of found.sort((x, y) => x.index - y.index)) {
      report.problems.push({ ...cursor.find(text), message: message(text) });
    }
  }
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

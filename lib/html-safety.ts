/**
 * Raw HTML in a post body: allowed for trusted authors, but nothing that runs
 * code, frames other sites or breaks the Content-Security-Policy (the rules are
 * in lib/html-rules.ts). Lines are 1-based within the body.
 *
 * The body is tokenised by the same markdown-it setup that renders it, so only
 * what reaches the page as HTML is judged: `<script>` in a code block is text.
 * Each raw HTML fragment is parsed with htmlparser2, whose offsets give the
 * line and column. Finally the whole rendered body is parsed once more, so
 * markup that only forms when fragments meet (an unclosed quote swallowing
 * what follows) cannot slip through.
 */
import type { Parser } from "htmlparser2";
import type Token from "markdown-it/lib/token.mjs";
import type { BodyProblem } from "./body-checks.ts";
import { loadHtmlParser } from "./html-parser.ts";
import { judgeTag } from "./html-rules.ts";
import { parseStructure, renderStructure } from "./markdown.ts";

interface Fragment {
  html: string;
  /** Offset of the fragment's first character in the body. */
  start: number;
}

interface Finding {
  offset: number;
  message: string;
}

export function checkRawHtml(body: string, tokens: Token[] = parseStructure(body)): BodyProblem[] {
  const lineStarts = [0];
  for (let i = body.indexOf("\n"); i !== -1; i = body.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const position = (offset: number) => {
    let line = lineStarts.length - 1;
    while ((lineStarts[line] ?? 0) > offset) line--;
    return { line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1 };
  };

  const problems: BodyProblem[] = [];
  const fragments = rawHtmlFragments(body, tokens, lineStarts);
  for (const fragment of fragments) {
    for (const finding of judgeHtml(fragment.html)) {
      problems.push({ ...position(sourceOffset(body, fragment, finding.offset)), message: finding.message });
    }
  }
  for (const image of markdownImages(body, tokens, lineStarts)) {
    for (const message of judgeTag("img", { src: image.src })) problems.push({ ...position(image.start), message });
  }
  // Without raw HTML, markdown-it escapes everything it prints: nothing can form.
  if (fragments.length === 0) return problems.sort((a, b) => a.line - b.line || a.column - b.column);
  // Backstop: anything the rendered body holds that no fragment accounted for.
  const unexplained = judgeHtml(renderStructure(tokens)).map((finding) => finding.message);
  for (const problem of problems) {
    const index = unexplained.indexOf(problem.message);
    if (index !== -1) unexplained.splice(index, 1);
  }
  for (const message of unexplained) {
    problems.push({ line: 1, column: 1, message: `${message} (it forms only where pieces of raw HTML meet; look for an unclosed tag or quote)` });
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The raw HTML markdown-it passes through, each placed in the body. Tokens
 * carry line ranges but not columns, and blockquote or list markers are
 * stripped from their text, so each fragment's first line is searched for in
 * the body from its block's first line on, never before the previous fragment.
 */
function rawHtmlFragments(body: string, tokens: Token[], lineStarts: number[]): Fragment[] {
  const fragments: Fragment[] = [];
  let cursor = 0;
  let blockLine = 0;
  const place = (html: string) => {
    const firstLine = html.split("\n", 1)[0] ?? "";
    const from = Math.max(cursor, lineStarts[blockLine] ?? 0);
    const found = body.indexOf(firstLine, from);
    const start = found === -1 ? from : found;
    cursor = start + firstLine.length;
    fragments.push({ html, start });
  };
  for (const token of tokens) {
    if (token.map) blockLine = token.map[0];
    if (token.type === "html_block") place(token.content);
    for (const child of token.children ?? []) {
      if (child.type === "html_inline") place(child.content);
      // Keep the cursor past code spans, so `<b>` shown as code is not mistaken for the tag after it.
      else if (child.type === "code_inline") cursor = Math.max(cursor, body.indexOf(child.content, Math.max(cursor, lineStarts[blockLine] ?? 0)) + 1);
    }
  }
  return fragments;
}

/** Markdown images, `![alt](src)`, placed at their address (or their block's first line). */
function markdownImages(body: string, tokens: Token[], lineStarts: number[]): { src: string; start: number }[] {
  const images: { src: string; start: number }[] = [];
  let blockLine = 0;
  for (const token of tokens) {
    if (token.map) blockLine = token.map[0];
    for (const child of token.children ?? []) {
      const src = child.type === "image" ? child.attrGet("src") : null;
      if (src === null) continue;
      const found = body.indexOf(src, lineStarts[blockLine] ?? 0);
      images.push({ src, start: found === -1 ? (lineStarts[blockLine] ?? 0) : found });
    }
  }
  return images;
}

/** Maps an offset inside a fragment back to the body, line by line (later lines may have lost a `> ` or indent). */
function sourceOffset(body: string, fragment: Fragment, offset: number): number {
  const before = fragment.html.slice(0, offset).split("\n");
  if (before.length === 1) return fragment.start + offset;
  let lineStart = fragment.start;
  for (let i = 1; i < before.length; i++) lineStart = body.indexOf("\n", lineStart) + 1;
  const fragmentLine = fragment.html.split("\n")[before.length - 1] ?? "";
  const sourceLine = body.slice(lineStart, body.indexOf("\n", lineStart) === -1 ? undefined : body.indexOf("\n", lineStart));
  const indent = Math.max(0, sourceLine.indexOf(fragmentLine));
  return lineStart + indent + (before.at(-1)?.length ?? 0);
}

/** Every refused construct in one piece of HTML, at its offset. */
function judgeHtml(html: string): Finding[] {
  const findings: Finding[] = [];
  let tagStart = 0;
  let attributes: Record<string, string> = {};
  let consumed = html.length;
  const HtmlParser = loadHtmlParser();
  const parser: Parser = new HtmlParser(
    {
      onopentagname() {
        tagStart = parser.startIndex;
        attributes = {};
      },
      onattribute(name, value) {
        attributes[name] = value;
      },
      onopentag(name) {
        for (const message of judgeTag(name, attributes)) findings.push({ offset: tagStart, message });
      },
      // At the end, endIndex is the last character that completed something.
      onend: () => void (consumed = parser.endIndex + 1),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  // htmlparser2 reports nothing for a tag cut off by the end of its fragment.
  if (consumed < html.trimEnd().length) {
    const tagOpen = html.lastIndexOf("<", consumed);
    findings.push({
      offset: tagOpen === -1 ? consumed : tagOpen,
      message: "this raw HTML tag is never finished (a missing `>` or closing quote), so it would swallow the text after it",
    });
  }
  return findings;
}

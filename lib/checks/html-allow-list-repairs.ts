/**
 * Markup a browser would have to repair. Repaired markup can end somewhere
 * else on the page than it seems to in the post, and take the layout around
 * the post along with it, so all of it is refused: every parse error parse5
 * reports, and the repairs it makes without reporting them (tags it drops,
 * content it moves out of a table, overlapping tags it untangles).
 */
import { Tokenizer } from "parse5";
import type { DefaultTreeAdapterMap, ParserError, Token, TokenHandler } from "parse5";
import { ALLOWED_ELEMENTS, PAGE_PARTS, TEXT_ONLY, elementReason, refusal, type Finding } from "./html-allow-list-rules.ts";

type ParentNode = DefaultTreeAdapterMap["parentNode"];
type ChildNode = DefaultTreeAdapterMap["childNode"];

/** One token of the source: a tag, a run of text or a comment. */
export interface Span {
  start: number;
  end: number;
  kind: "start" | "end" | "text" | "comment" | "doctype";
  tag?: string;
}

const TEXT_ONLY_ERROR = "eof-in-element-that-can-contain-only-text";
const CHECKED_IS_NOT_READ = "so what was checked may not be what readers get";
const CONFUSES = `browsers and other tools read it differently, ${CHECKED_IS_NOT_READ}`;
const READ_ON = "browsers end the comment there but other tools read on, so what follows can slip past checks";
const NO_CHARACTER = 'it is no character at all, and browsers show it as "\uFFFD"';
const REFERENCE_FIX = 'write "&amp;" for a literal "&", and end every character reference with ";"';

/** Why each kind of HTML a browser has to repair is refused; the key is parse5's error code. */
const PARSE_ERROR_REASONS: ReadonlyMap<string, readonly [what: string, why: string]> = new Map(
  Object.entries({
    "duplicate-attribute": [
      "an attribute given twice",
      `browsers use only the first copy and other tools may use another, ${CHECKED_IS_NOT_READ}`,
    ],
    "cdata-in-html-content": [
      '"<![CDATA["',
      'outside SVG and MathML, browsers read it as a comment that ends at the first ">", so what looks like its content becomes markup',
    ],
    "incorrectly-opened-comment": [
      '"<!" that does not open a comment ("<!--")',
      'browsers read it as a comment that ends at the first ">"',
    ],
    "unexpected-question-mark-instead-of-tag-name": ['"<?"', 'browsers read it as a comment that ends at the first ">"'],
    "incorrectly-closed-comment": ['a comment ending in "--!>"', `${READ_ON}; end comments with "-->"`],
    "abrupt-closing-of-empty-comment": ['"<!-->" or "<!--->"', `${READ_ON}; write "<!-- note -->"`],
    "nested-comment": ['"<!--" inside a comment', CONFUSES],
    "eof-in-comment": ['a comment never closed with "-->"', "it hides the rest of the post and of the page"],
    "eof-in-tag": ['a tag never closed with ">"', "on the page it would swallow the markup that follows the post"],
    [TEXT_ONLY_ERROR]: ["an element never closed", TEXT_ONLY],
    "missing-whitespace-between-attributes": ["attributes not separated by spaces", CONFUSES],
    "unexpected-character-in-attribute-name": ['a quote, "<" or "=" in an attribute name (usually a missing quote or space)', CONFUSES],
    "unexpected-character-in-unquoted-attribute-value": [
      'a quote, "<", "=" or "`" in an unquoted attribute value',
      `${CONFUSES}; put the value in double quotes`,
    ],
    "unexpected-equals-sign-before-attribute-name": ['"=" where an attribute name should start', CONFUSES],
    "missing-attribute-value": ['"=" without a value', CONFUSES],
    "unexpected-solidus-in-tag": ['a stray "/" inside a tag', CONFUSES],
    "non-void-html-element-start-tag-with-trailing-solidus": [
      '"/>" ending an element that needs an end tag',
      'browsers ignore the "/", so the element stays open and takes in what follows',
    ],
    "end-tag-with-attributes": ["an end tag with attributes", "browsers ignore them, so they only confuse other tools"],
    "end-tag-with-trailing-solidus": ['an end tag ending in "/>"', CONFUSES],
    "unexpected-null-character": ["a NUL character", `browsers drop or replace it; ${CONFUSES}`],
    "control-character-in-input-stream": ["an invisible control character", CONFUSES],
    "noncharacter-in-input-stream": ["a Unicode noncharacter", CONFUSES],
    "missing-semicolon-after-character-reference": ['a character reference without ";"', REFERENCE_FIX],
    "unknown-named-character-reference": ["an unknown character reference", REFERENCE_FIX],
    "absence-of-digits-in-numeric-character-reference": ['"&#" without digits', REFERENCE_FIX],
    "null-character-reference": ["a character reference to NUL", "browsers turn it into another character"],
    "control-character-reference": ["a character reference to an invisible control character", CONFUSES],
    "surrogate-in-input-stream": ["half of a surrogate pair", NO_CHARACTER],
    "surrogate-character-reference": ["a character reference to half of a surrogate pair", NO_CHARACTER],
    "character-reference-outside-unicode-range": ["a character reference beyond Unicode", 'browsers show it as "\uFFFD"'],
    "noncharacter-character-reference": ["a character reference to a Unicode noncharacter", CONFUSES],
    "eof-before-tag-name": ['a "<" at the very end', 'write "&lt;" for a literal "<"'],
    "invalid-first-character-of-tag-name": ['a "<" that does not start a tag', 'write "&lt;" for a literal "<"'],
    "missing-end-tag-name": ['"</>"', 'browsers drop it; write "&lt;/&gt;" to show it'],
  } as const),
);

/** Character-reference errors point past the reference; the finding belongs at its "&". */
const REFERENCE_ERRORS: ReadonlySet<string> = new Set([
  "missing-semicolon-after-character-reference",
  "unknown-named-character-reference",
  "absence-of-digits-in-numeric-character-reference",
  "null-character-reference",
  "surrogate-character-reference",
  "character-reference-outside-unicode-range",
  "control-character-reference",
  "noncharacter-character-reference",
]);

const TAG_NAME = /^<\/?([a-z][^\t\n\f\r />]*)/i;
const LAST_ATTRIBUTE_NAME = /([^\s"'>/=]+)\s*$/;

const STRAY = "on the page it would close part of the layout around the post, or be dropped";
const DROPPED = "browsers drop this tag where it stands (a table part outside a table, for instance)";
const OVERLAPPING = "browsers untangle overlapping tags their own way; close tags in the reverse order of opening";
const OUTSIDE_CELLS = "browsers move it out, before the table; put it in a cell or a <caption>";

export function parseErrorFinding(html: string, error: ParserError, spans: Span[]): Finding {
  const { offset, tag } = constructAt(html, error, spans);
  let [what, why] = PARSE_ERROR_REASONS.get(error.code) ?? [`HTML a browser has to repair (the parser reports "${error.code}")`, CONFUSES];
  const twice = error.code === "duplicate-attribute" ? LAST_ATTRIBUTE_NAME.exec(html.slice(offset, error.startOffset))?.[1] : undefined;
  if (twice) what = `the attribute ${twice.toLowerCase()} given twice`;
  const subject = error.code === TEXT_ONLY_ERROR && tag ? `<${tag}> without its end tag </${tag}>` : `${what}${tag ? ` in <${tag}>` : ""}`;
  return refusal(offset, tag, subject, why);
}

/** Where the construct an error is about starts: parse5 names the character where it noticed, often mid-tag. */
function constructAt(html: string, error: ParserError, spans: Span[]): { offset: number; tag?: string } {
  if (error.code === TEXT_ONLY_ERROR) {
    // Everything after such an element's start tag is its text, so the error is about the last start tag.
    const element = spans.findLast((span) => span.kind === "start" && span.start < error.startOffset);
    if (element) return { offset: element.start, tag: element.tag };
  }
  const at = REFERENCE_ERRORS.has(error.code) ? html.lastIndexOf("&", error.startOffset - 1) : Math.min(error.startOffset, html.length - 1);
  const span = spans[lastStartingBy(spans, at)];
  if (span && at < span.end) return span.kind === "text" ? { offset: at } : { offset: span.start, tag: span.tag };
  // Past every token: a tag cut off by the end of the input, which starts where the last token ended.
  const start = span?.end ?? 0;
  return { offset: start, tag: TAG_NAME.exec(html.slice(start))?.[1]?.toLowerCase() };
}

/** The index of the last of the sorted spans that starts at or before `offset`, or -1: a post can hold many errors. */
function lastStartingBy(spans: Span[], offset: number): number {
  let low = -1;
  let high = spans.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((spans[middle]?.start ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Tags no node accounts for, given the spans the tree's nodes cover: the parser dropped them and reports few. */
export function droppedTags(html: string, used: Span[]): { findings: Finding[]; spans: Span[] } {
  const findings: Finding[] = [];
  const spans: Span[] = [];
  const gaps: Array<[number, number]> = [];
  let read = 0;
  for (const span of [...used].sort((a, b) => a.start - b.start)) {
    if (span.start > read) gaps.push([read, span.start]);
    read = Math.max(read, span.end);
  }
  if (read < html.length) gaps.push([read, html.length]);
  for (const [from, to] of gaps) {
    for (const token of tagsIn(html.slice(from, to))) {
      const span = { ...token, start: from + token.start, end: from + token.end };
      const tag = span.tag ?? "";
      spans.push(span);
      findings.push(
        span.kind === "doctype"
          ? refusal(span.start, undefined, "<!DOCTYPE>", PAGE_PARTS)
          : span.kind === "end"
            ? refusal(span.start, tag, `</${tag}> with no open <${tag}> to close`, STRAY)
            : ALLOWED_ELEMENTS.has(tag)
              ? refusal(span.start, tag, `<${tag}> here`, DROPPED)
              : refusal(span.start, tag, `<${tag}>`, elementReason(tag, false)),
      );
    }
  }
  return { findings, spans };
}

/**
 * The tags and doctypes in source the parser dropped. It drops only whole
 * tokens, read in its ordinary state, so the piece read on its own is
 * tokenized just as it was in place.
 */
function tagsIn(source: string): Span[] {
  const found: Span[] = [];
  const keep = (kind: Span["kind"]) => (token: Token.TagToken | Token.DoctypeToken) => {
    if (!token.location) return;
    const { startOffset: start, endOffset: end } = token.location;
    found.push({ start, end, kind, ...("tagName" in token ? { tag: token.tagName } : {}) });
  };
  const ignore = () => {};
  const handler: TokenHandler = {
    onStartTag: keep("start"),
    onEndTag: keep("end"),
    onDoctype: keep("doctype"),
    onComment: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
    onEof: ignore,
  };
  new Tokenizer({ sourceCodeLocationInfo: true }, handler).write(source, true);
  return found;
}

const nameOf = (node: ChildNode): string | undefined => ("tagName" in node ? node.tagName.toLowerCase() : undefined);

/**
 * Children whose source runs past the start of a later sibling's: the parser
 * moved them there (text or tags inside a table but outside its cells go
 * before the table) or untangled overlapping tags.
 */
export function movedChildren(parent: ParentNode): Finding[] {
  const findings: Finding[] = [];
  let later: { start: number; tag: string | undefined } | undefined;
  for (const node of [...parent.childNodes].reverse()) {
    const range = node.sourceCodeLocation;
    if (!range) continue;
    const tag = nameOf(node);
    const subject = tag ? `<${tag}>` : "text";
    if (later && range.endOffset > later.start) {
      findings.push(
        later.tag === "table"
          ? refusal(range.startOffset, tag, `${subject} inside a <table> but outside its cells`, OUTSIDE_CELLS)
          : refusal(range.startOffset, tag, `${subject} overlapping the ${later.tag ? `<${later.tag}>` : "text"} after it`, OVERLAPPING),
      );
    }
    if (!later || range.startOffset < later.start) later = { start: range.startOffset, tag };
  }
  return findings;
}

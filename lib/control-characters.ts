/**
 * Invisible control characters in a post: refused at validation, with the
 * place to fix, rather than silently dropped. XML 1.0 forbids most of them
 * even escaped (a feed carrying one is not well-formed) and HTML counts them
 * as parse errors, so a post that has one cannot render correctly anywhere.
 * They usually arrive by pasting from a word processor; YAML can also spell
 * them as escapes ("\x01"), so parsed values are checked as well as raw text.
 * https://www.w3.org/TR/xml/#charsets
 * https://html.spec.whatwg.org/multipage/parsing.html#parse-error-control-character-in-input-stream
 */

export interface ControlCharacter {
  /** 1-based line and column in the text searched. */
  line: number;
  column: number;
  codePoint: number;
}

/** Tab, line feed and carriage return are ordinary whitespace and allowed. */
function isForbidden(codePoint: number): boolean {
  return (
    (codePoint < 0x20 && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d) ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0xfdd0 && codePoint <= 0xfdef) ||
    (codePoint & 0xfffe) === 0xfffe
  );
}

/**
 * A quick first test, a superset of isForbidden: the noncharacters U+1FFFE,
 * U+1FFFF, … U+10FFFF end in the low surrogate DFFE or DFFF. Text that fails
 * it (nearly all) is not walked character by character.
 */
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\uDFFE\uDFFF]/;

export function findControlCharacters(text: string): ControlCharacter[] {
  if (!MAYBE_FORBIDDEN.test(text)) return [];
  const found: ControlCharacter[] = [];
  let line = 1;
  let column = 1;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (isForbidden(codePoint)) found.push({ line, column, codePoint });
    if (char === "\n") {
      line += 1;
      column = 1;
    } else column += 1;
  }
  return found;
}

export function describeControlCharacter(codePoint: number): string {
  const code = codePoint.toString(16).toUpperCase().padStart(4, "0");
  return `expected text without invisible control characters (feeds and pages cannot carry them; delete it or retype the text), found U+${code}`;
}

/** Every string in parsed frontmatter holding a control character, by dotted field path (tags.2, source.name). */
export function controlCharactersInData(value: unknown, path = ""): { field: string; codePoint: number }[] {
  if (typeof value === "string") {
    const first = findControlCharacters(value)[0];
    return first ? [{ field: path, codePoint: first.codePoint }] : [];
  }
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => controlCharactersInData(inner, path ? `${path}.${key}` : key));
}

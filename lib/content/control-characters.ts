/**
 * Invisible control characters in a post: refused at validation, with the
 * place to fix, rather than silently dropped. XML 1.0 forbids most of them
 * even escaped (a feed carrying one is not well-formed) and HTML counts them
 * as parse errors, so a post that has one cannot render correctly anywhere.
 * They usually arrive by pasting from a word processor; YAML can also spell
 * them as escapes ("\x01"), so parsed values are checked as well as raw text.
 * https://www.w3.org/TR/xml/#charsets
 * https://html.spec.whatwg.org/multipage/parsing.html#parse-error-control-character-in-input-stream
 *
 * A lone surrogate (YAML can spell one: "\uD800") is half of a character: no
 * UTF-8 file, page or feed can hold it, so it is refused in the same way.
 * In frontmatter, which holds only one-line fields, unbalanced direction
 * controls are refused too (lib/content/bidi.ts says why); the body is not checked
 * for them, as its paragraphs end the reach of any control left open.
 */
import { describeBidiControl, isBidiControl, unbalancedBidiControl } from "./bidi.ts";

export interface ControlCharacter {
  /** 1-based line and column in the text searched. */
  line: number;
  column: number;
  codePoint: number;
}

const isSurrogate = (codePoint: number) => codePoint >= 0xd800 && codePoint <= 0xdfff;

/**
 * Tab, line feed and carriage return are ordinary whitespace and allowed.
 * A string's iterator yields a surrogate alone only when it is unpaired.
 */
function isForbidden(codePoint: number): boolean {
  return (
    isSurrogate(codePoint) ||
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
/** In Unicode mode a pair is one code point, so only a lone surrogate matches (an emoji does not). */
const LONE_SURROGATE = /\p{Surrogate}/u;

export function findControlCharacters(text: string): ControlCharacter[] {
  if (!MAYBE_FORBIDDEN.test(text) && !LONE_SURROGATE.test(text)) return [];
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

/** For any code point findControlCharacters or controlCharactersInData reports. */
export function describeControlCharacter(codePoint: number): string {
  const code = codePoint.toString(16).toUpperCase().padStart(4, "0");
  if (isSurrogate(codePoint)) return `expected whole characters, found a lone surrogate U+${code}, half of a character: retype the text`;
  // Reported only when unbalanced: a balanced direction control is allowed.
  if (isBidiControl(codePoint)) return describeBidiControl(codePoint);
  return `expected text without invisible control characters (feeds and pages cannot carry them; delete it or retype the text), found U+${code}`;
}

/**
 * Every string in parsed frontmatter holding a control character, a lone
 * surrogate or an unbalanced direction control, by dotted field path (tags.2,
 * source.name): the first such character of each string.
 */
export function controlCharactersInData(value: unknown, path = ""): { field: string; codePoint: number }[] {
  if (typeof value === "string") {
    const first = findControlCharacters(value)[0] ?? unbalancedBidiControl(value);
    return first ? [{ field: path, codePoint: first.codePoint }] : [];
  }
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => controlCharactersInData(inner, path ? `${path}.${key}` : key));
}

/**
 * Pages kept at one byte per character in memory.
 *
 * Eleventy holds every page it writes until the build ends. V8 stores a
 * string at two bytes per character as soon as one character is beyond
 * U+00FF (a curly quote, a dash), and so is any string cut from such a
 * string, even a plain ASCII one such as a date read from a post's
 * frontmatter. One such piece makes the whole page two bytes per character.
 * So pages write characters beyond U+00FF as numeric character references,
 * which every HTML parser reads back as the same text, and the strings a
 * page is assembled from are copied to one-byte form where they are read in.
 * BENCHMARKS.md has the measurements.
 *
 * References are not decoded inside <script> and <style>: JSON-LD escapes
 * these characters as \uXXXX instead (lib/render/filters.ts jsonForScript), and the
 * stylesheet is ASCII (tests/unit/render/latin1-text.test.ts).
 */

import type { EleventyConfig } from "../types/eleventy.ts";

const BEYOND_LATIN1 = /[^\x00-\xff]/g;
const ANY_BEYOND_LATIN1 = /[^\x00-\xff]/;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

// One code unit at a time (a plain class is several times faster than one
// that also matches pairs), but a surrogate pair is one character: its high
// half writes the reference and its low half writes nothing.
function reference(unit: string, offset: number, text: string): string {
  const code = unit.charCodeAt(0);
  if (isLowSurrogate(code) && offset > 0 && isHighSurrogate(text.charCodeAt(offset - 1))) return "";
  return `&#${text.codePointAt(offset)};`;
}

export function hasCharactersBeyondLatin1(text: string): boolean {
  return ANY_BEYOND_LATIN1.test(text);
}

/** The same text in a string V8 keeps at one byte per character; the caller ensures no character is beyond U+00FF. */
function oneByteCopy(latin1: string): string {
  return Buffer.from(latin1, "latin1").toString("latin1");
}

/** HTML with every character beyond U+00FF written as a numeric character reference, one byte per character. */
export function latin1Html(html: string): string {
  return oneByteCopy(withReferences(html));
}

/** latin1Html without the copy: for a page assembled in pieces, each piece's length as it will be published. */
export function withReferences(html: string): string {
  return ANY_BEYOND_LATIN1.test(html) ? html.replace(BEYOND_LATIN1, reference) : html;
}

/** A one-byte copy of text that withReferences wrote. */
export const latin1Copy = (text: string): string => oneByteCopy(text);

/**
 * The references latin1Html wrote, back as characters: for feeds, where a
 * reader may strip a summary's tags without decoding what is left. Only
 * references to characters beyond U+00FF are touched, so no markup can appear.
 */
export function charactersFromReferences(html: string): string {
  return html.replace(/&#(\d{3,7});/g, (reference, digits: string) => {
    const code = Number(digits);
    const isCharacter = code > 0xff && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return isCharacter ? String.fromCodePoint(code) : reference;
  });
}

/** JSON text with every character beyond U+00FF escaped as \uXXXX (a pair for characters beyond U+FFFF). */
export function latin1Json(json: string): string {
  const escaped = json.replace(/[^\x00-\xff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return oneByteCopy(escaped);
}

/**
 * A copy of parsed data (plain objects, arrays, strings, Dates …) whose
 * strings are in one-byte form wherever their characters allow it.
 */
export function latin1Data<T>(value: T): T {
  if (typeof value === "string") return (hasCharactersBeyondLatin1(value) ? value : oneByteCopy(value)) as T;
  if (Array.isArray(value)) return value.map(latin1Data) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = latin1Data(item);
    return copy as T;
  }
  return value;
}

/**
 * Eleventy plugin: the last step for every HTML page. Most pages are already
 * one byte per character; a page that took a character beyond U+00FF from
 * its frontmatter or a template is rewritten with references.
 * https://www.11ty.dev/docs/transforms/
 */
export default function latin1PagesPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addTransform("latin1-pages", function (content) {
    const isHtml = this.page.outputPath !== false && String(this.page.outputPath).endsWith(".html");
    return isHtml && hasCharactersBeyondLatin1(content) ? latin1Html(content) : content;
  });
}

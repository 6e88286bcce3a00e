/**
 * Bidirectional embedding, override and isolate controls in one-line fields.
 * An opener left unclosed reaches past its field: an unterminated
 * right-to-left override (U+202E) in a byline reverses the text displayed
 * after it, and a reader sees words the author never wrote.
 * https://www.unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters
 *
 * Refused rather than isolated. Refusing tells the author, who can fix the
 * text; isolating (a <bdi>, or closers appended) would publish something other
 * than what was checked, and would have to be repeated in every place a field
 * goes, some of which carry no markup (feeds, <title>, JSON-LD). Little is
 * lost: browsers lay out right-to-left text by the bidi algorithm, so real
 * Arabic or Hebrew needs no controls at all, and balanced ones stay allowed.
 * Marks (LRM, RLM, ALM) open nothing and are not checked.
 */

const PDF = 0x202c;
const PDI = 0x2069;

/** LRE, RLE, LRO, RLO close with PDF; LRI, RLI, FSI with PDI. */
const CLOSER_OF = new Map([
  [0x202a, PDF],
  [0x202b, PDF],
  [0x202d, PDF],
  [0x202e, PDF],
  [0x2066, PDI],
  [0x2067, PDI],
  [0x2068, PDI],
]);

const NAMES = new Map([
  [0x202a, "left-to-right embedding"],
  [0x202b, "right-to-left embedding"],
  [PDF, "pop directional formatting"],
  [0x202d, "left-to-right override"],
  [0x202e, "right-to-left override"],
  [0x2066, "left-to-right isolate"],
  [0x2067, "right-to-left isolate"],
  [0x2068, "first strong isolate"],
  [PDI, "pop directional isolate"],
]);

/** A quick first test: text without any of these controls (nearly all) is not walked. */
const ANY_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export function isBidiControl(codePoint: number): boolean {
  return NAMES.has(codePoint);
}

/**
 * The first control that breaks the pairing, as a UTF-16 index and code point:
 * a closer with no matching opener innermost, else the first opener left
 * open. Pairs must nest, each closing the innermost one still open.
 */
export function unbalancedBidiControl(text: string): { index: number; codePoint: number } | undefined {
  if (!ANY_CONTROL.test(text)) return undefined;
  const open: { index: number; codePoint: number }[] = [];
  for (let index = 0; index < text.length; index++) {
    const codePoint = text.charCodeAt(index);
    if (!isBidiControl(codePoint)) continue;
    const closer = CLOSER_OF.get(codePoint);
    if (closer !== undefined) open.push({ index, codePoint });
    else if (CLOSER_OF.get(open.at(-1)?.codePoint ?? 0) === codePoint) open.pop();
    else return { index, codePoint };
  }
  return open[0];
}

/** The message for a control unbalancedBidiControl found, worded as the schema's are ("expected …, found …"). */
export function describeBidiControl(codePoint: number): string {
  const code = (point: number) => `U+${point.toString(16).toUpperCase()}`;
  const closer = CLOSER_OF.get(codePoint);
  const found =
    `${code(codePoint)} (${NAMES.get(codePoint) ?? "a direction control"}) ` +
    (closer === undefined ? "with no matching opener left open before it" : `never closed by ${code(closer)}`);
  return (
    "expected direction controls in pairs closed in order within the field, or none (right-to-left text needs none; " +
    `an unclosed one reverses the text shown after it), found ${found}`
  );
}

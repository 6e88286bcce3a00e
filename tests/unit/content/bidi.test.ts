// lib/content/bidi.ts: direction controls in a one-line field must come in nested pairs (Unicode TR9's explicit formatting characters).
import { describe, expect, it } from "vitest";
import { describeBidiControl, isBidiControl, unbalancedBidiControl } from "../../../lib/content/bidi.ts";

const LRE = "\u202A",
  RLE = "\u202B",
  PDF = "\u202C",
  LRO = "\u202D",
  RLO = "\u202E";
const LRI = "\u2066",
  RLI = "\u2067",
  FSI = "\u2068",
  PDI = "\u2069";

describe("isBidiControl", () => {
  it("knows the embeddings, overrides, isolates and their closers", () => {
    for (const control of [LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI]) expect(isBidiControl(control.charCodeAt(0))).toBe(true);
  });

  it("leaves out the marks, which open nothing, and ordinary letters", () => {
    for (const other of ["\u200E", "\u200F", "\u061C", "a", "\u05D0", "\u0627"]) expect(isBidiControl(other.charCodeAt(0))).toBe(false);
  });
});

describe("unbalancedBidiControl", () => {
  it("passes text without controls, right-to-left scripts included", () => {
    expect(unbalancedBidiControl("Jane Doe")).toBeUndefined();
    expect(unbalancedBidiControl("مراسل \u05DB\u05EA\u05D1 \u200F")).toBeUndefined();
  });

  it("passes pairs that close in order, nested or one after another", () => {
    expect(unbalancedBidiControl(`a${RLO}b${PDF}c`)).toBeUndefined();
    expect(unbalancedBidiControl(`${RLI}x${RLE}y${PDF}z${PDI}`)).toBeUndefined();
    expect(unbalancedBidiControl(`${LRI}a${PDI}${FSI}b${PDI}${LRO}c${PDF}`)).toBeUndefined();
  });

  it("finds an override left open, at its index", () => {
    expect(unbalancedBidiControl(`Jane ${RLO}eoD`)).toEqual({ index: 5, codePoint: 0x202e });
  });

  it("names the first opener left open when several are", () => {
    expect(unbalancedBidiControl(`${RLE}a${LRI}b`)).toEqual({ index: 0, codePoint: 0x202b });
    expect(unbalancedBidiControl(`${RLO}a${RLO}b${PDF}`)).toEqual({ index: 0, codePoint: 0x202e });
  });

  it("finds a closer with nothing open before it", () => {
    expect(unbalancedBidiControl(`a${PDF}b`)).toEqual({ index: 1, codePoint: 0x202c });
    expect(unbalancedBidiControl(`a${PDI}${RLI}b${PDI}`)).toEqual({ index: 1, codePoint: 0x2069 });
  });

  it("refuses a closer of the wrong kind for the innermost opener: pairs must nest", () => {
    // The isolate is innermost, so the PDF cannot close it.
    expect(unbalancedBidiControl(`${RLE}a${RLI}b${PDF}c${PDI}`)).toEqual({ index: 4, codePoint: 0x202c });
    expect(unbalancedBidiControl(`${RLI}a${PDF}`)).toEqual({ index: 2, codePoint: 0x202c });
  });

  it("gives UTF-16 indexes, counting a character beyond the BMP as two", () => {
    expect(unbalancedBidiControl(`😀${RLO}`)).toEqual({ index: 2, codePoint: 0x202e });
  });
});

describe("describeBidiControl", () => {
  it("names an opener and the closer it lacks", () => {
    const message = describeBidiControl(0x202e);
    expect(message).toMatch(/^expected direction controls in pairs closed in order/);
    expect(message).toContain("found U+202E (right-to-left override) never closed by U+202C");
    expect(describeBidiControl(0x2067)).toContain("found U+2067 (right-to-left isolate) never closed by U+2069");
  });

  it("names a closer that found nothing to close", () => {
    expect(describeBidiControl(0x2069)).toContain("found U+2069 (pop directional isolate) with no matching opener left open before it");
  });
});

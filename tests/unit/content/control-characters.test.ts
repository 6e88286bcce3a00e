/**
 * Characters no page or feed can carry as written: lone surrogates anywhere,
 * and unbalanced direction controls in frontmatter, found by the functions
 * lib/checks/validate.ts calls and described as it prints them.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { controlCharactersInData, describeControlCharacter, findControlCharacters } from "../../../lib/content/control-characters.ts";

const RLO = "\u202E";
const PDF = "\u202C";
const RLI = "\u2067";
const PDI = "\u2069";

/** What lib/checks/validate.ts prints for a post's frontmatter. */
const printed = (data: unknown) =>
  controlCharactersInData(data).map((found) => `${found.field}: ${describeControlCharacter(found.codePoint)}`);

describe("lone surrogates", () => {
  it("are found in the body, at their line and column", () => {
    expect(findControlCharacters("Fine text.\nab\uD800c")).toEqual([{ line: 2, column: 3, codePoint: 0xd800 }]);
    expect(findControlCharacters("\uDC00 and x\uD83D")).toEqual([
      { line: 1, column: 1, codePoint: 0xdc00 },
      { line: 1, column: 8, codePoint: 0xd83d },
    ]);
    // A pair written the wrong way round is two halves.
    expect(findControlCharacters("\uDE00\uD83D")).toHaveLength(2);
  });

  it("are not whole characters outside the first plane, which are allowed", () => {
    expect(findControlCharacters("Emoji 😀, music 𝄞, Han 𠀀.\n")).toEqual([]);
    expect(controlCharactersInData({ title: "Party 🎉", tags: ["𝄞"] })).toEqual([]);
  });

  it("are found in any frontmatter string, spelled as a YAML escape", () => {
    const data = parse('title: "Bad \\uD800 title"\ntags: [ok, "\\uDC00"]\nsource: { name: "x\\uDBFF" }', { schema: "core" });
    expect(printed(data)).toEqual([
      "title: expected whole characters, found a lone surrogate U+D800, half of a character: retype the text",
      "tags.1: expected whole characters, found a lone surrogate U+DC00, half of a character: retype the text",
      "source.name: expected whole characters, found a lone surrogate U+DBFF, half of a character: retype the text",
    ]);
  });
});

describe("direction controls in frontmatter", () => {
  const unclosedRlo =
    "expected direction controls in pairs closed in order within the field, or none (right-to-left text needs none; " +
    "an unclosed one reverses the text shown after it), found U+202E (right-to-left override) never closed by U+202C";

  it.each([
    ["author", { author: `Jane ${RLO}eoD` }],
    ["title", { title: `Mayor ${RLO}opens` }],
    ["description", { description: `Summary ${RLO}` }],
    ["tags.1", { tags: ["ok", `${RLO}news`] }],
    ["source.name", { source: { name: `${RLO}People`, url: "https://people.com/" } }],
  ])("refuses an unterminated right-to-left override in %s", (field, data) => {
    expect(printed(data)).toEqual([`${field}: ${unclosedRlo}`]);
  });

  it.each([
    ["an embedding", "\u202Bשלום עולם\u202C"],
    ["an override", `${RLO}abc${PDF}`],
    ["an isolate", `By ${RLI}محمد${PDI} in Cairo`],
    ["a first-strong isolate", "\u2068x\u2069"],
    ["nested pairs", `\u202A${RLI}x${PDI}\u202D${RLO}y${PDF}${PDF}${PDF}`],
    ["marks, which open nothing", "\u200F\u200E\u061C"],
    ["right-to-left text with no controls", "تقرير خاص عن الانتخابات"],
  ])("allows %s", (_name, title) => {
    expect(controlCharactersInData({ title })).toEqual([]);
  });

  it.each([
    ["a closer with no opener", `abc${PDF}`, 0x202c],
    ["an isolate closer with no opener", `abc${PDI}`, 0x2069],
    ["an isolate closed by PDF", `${RLI}x${PDF}`, 0x202c],
    ["an override closed by PDI", `${RLO}x${PDI}`, 0x2069],
    ["pairs crossing", `\u202A${RLI}x${PDF}${PDI}`, 0x202c],
    ["an opener after a closed pair", `\u202Bx${PDF}${RLO}y`, 0x202e],
    ["the first of two unclosed openers", `${RLO}x\u202Ay${PDF}`, 0x202e],
    ["an unclosed isolate", `${RLI}x`, 0x2067],
  ])("refuses %s", (_name, title, codePoint) => {
    expect(controlCharactersInData({ title })).toEqual([{ field: "title", codePoint }]);
  });

  it("says which closer a stray one lacks an opener for", () => {
    expect(describeControlCharacter(0x2069)).toMatch(
      /found U\+2069 \(pop directional isolate\) with no matching opener left open before it$/,
    );
  });

  it("reports a control character before a direction control in the same string", () => {
    expect(controlCharactersInData({ title: `${RLO}\u0001` })).toEqual([{ field: "title", codePoint: 0x01 }]);
  });

  it("leaves the body alone: its paragraphs end a control's reach", () => {
    expect(findControlCharacters(`A quote: ${RLO}reversed\n\nNext paragraph.`)).toEqual([]);
  });
});

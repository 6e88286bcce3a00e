// lib/checks/suggest.ts: "did you mean" picks the closest known name within an edit distance that grows with the name.
import { describe, expect, it } from "vitest";
import { suggestField } from "../../../lib/checks/suggest.ts";

const FIELDS = ["title", "date", "updated", "description", "tags", "author", "source", "draft", "video"];

describe("suggestField", () => {
  it.each([
    ["tite", "title"], // one letter missing
    ["titke", "title"], // one letter wrong
    ["dat", "date"], // one edit: all a four-letter name allows
    ["descripton", "description"],
    ["discription", "description"],
    ["autor", "author"],
    ["tag", "tags"],
    ["drafts", "draft"],
  ])("suggests %s → %s", (typo, expected) => {
    expect(suggestField(typo, FIELDS)).toBe(expected);
  });

  it("ignores the case the author typed", () => {
    expect(suggestField("Title", FIELDS)).toBe("title");
    expect(suggestField("DESCRIPTON", FIELDS)).toBe("description");
  });

  it("suggests nothing when no name is close enough", () => {
    expect(suggestField("summary", FIELDS)).toBeUndefined();
    expect(suggestField("desc", FIELDS)).toBeUndefined();
    expect(suggestField("", FIELDS)).toBeUndefined();
    expect(suggestField("title", [])).toBeUndefined();
  });

  it("counts two swapped letters as two edits (plain Levenshtein), so only names of 6 letters or more forgive a swap", () => {
    expect(suggestField("titel", FIELDS)).toBeUndefined();
    expect(suggestField("daet", FIELDS)).toBeUndefined();
    expect(suggestField("auhtor", FIELDS)).toBe("author");
    expect(suggestField("descritpion", FIELDS)).toBe("description");
  });

  it("allows short names a single edit, however short", () => {
    expect(suggestField("ab", ["a"])).toBe("a");
    expect(suggestField("abc", ["a"])).toBeUndefined();
  });

  it("takes the closest name, and the first of equally close ones", () => {
    expect(suggestField("dates", ["updated", "date"])).toBe("date");
    expect(suggestField("dote", ["date", "note"])).toBe("date");
    expect(suggestField("dote", ["note", "date"])).toBe("note");
  });

  it("compares whole names, so a slug can be suggested among slugs", () => {
    const slugs = ["harbour-reopens", "bridge-opens", "council-budget-2024"];
    expect(suggestField("harbor-reopens", slugs)).toBe("harbour-reopens");
    expect(suggestField("council-budget-2025", slugs)).toBe("council-budget-2024");
    expect(suggestField("weather", slugs)).toBeUndefined();
  });
});

// lib/content/slug.ts: tag names become URL slugs, and post file names must already be one.
import { describe, expect, it } from "vitest";
import { POST_SLUG, slugifyTag } from "../../../lib/content/slug.ts";

describe("slugifyTag", () => {
  it("lowercases and joins words with single hyphens", () => {
    expect(slugifyTag("Local News")).toBe("local-news");
    expect(slugifyTag("  City   Hall  ")).toBe("city-hall");
  });

  it("folds the spellings of one tag into one slug", () => {
    const spellings = ["Politics", "politics", "POLITICS", " politics "];
    expect(new Set(spellings.map(slugifyTag))).toEqual(new Set(["politics"]));
  });

  it("turns every run of punctuation into a separator rather than gluing the words", () => {
    expect(slugifyTag("x/y")).toBe("x-y");
    expect(slugifyTag("Courts, Crime & Justice")).toBe("courts-crime-and-justice");
    expect(slugifyTag("2024: the year")).toBe("2024-the-year");
  });

  it("drops apostrophes inside a word instead of splitting it", () => {
    expect(slugifyTag("Mayor's Office")).toBe("mayors-office");
    expect(slugifyTag("Mayor’s Office")).toBe("mayors-office");
  });

  it("writes accented Latin letters without their accents", () => {
    expect(slugifyTag("Café Société")).toBe("cafe-societe");
  });

  it("gives an empty slug for a name with no letters or digits, which the schema then refuses", () => {
    expect(slugifyTag("!!!")).toBe("");
    expect(slugifyTag("---")).toBe("");
  });

  it("returns the same slug each time it is asked (the answer is memoised)", () => {
    expect(slugifyTag("Science & Tech")).toBe(slugifyTag("Science & Tech"));
    expect(slugifyTag("Science & Tech")).toBe("science-and-tech");
  });

  it("makes a slug that a post file name would accept", () => {
    for (const name of ["Local News", "x/y", "Café Société", "2024: the year"]) expect(slugifyTag(name)).toMatch(POST_SLUG);
  });
});

describe("POST_SLUG", () => {
  it.each(["harbour-reopens", "2024-budget", "a", "g7-summit-2025"])("accepts %s", (name) => {
    expect(POST_SLUG.test(name)).toBe(true);
  });

  it.each([
    ["capitals", "Harbour-reopens"],
    ["a double hyphen", "harbour--reopens"],
    ["a leading hyphen", "-harbour"],
    ["a trailing hyphen", "harbour-"],
    ["an underscore", "harbour_reopens"],
    ["a space", "harbour reopens"],
    ["a dot", "harbour.reopens"],
    ["an accent", "café"],
    ["nothing", ""],
  ])("refuses %s", (_what, name) => {
    expect(POST_SLUG.test(name)).toBe(false);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addresses } from "../../../lib/site/addresses.ts";

describe("addresses", () => {
  it("gives a post the address its file name makes", () => {
    expect(addresses.post("mayor-opens-the-new-bridge")).toBe("/posts/mayor-opens-the-new-bridge/");
  });

  it("reads the slug back from every way a link to a post may be written, and nothing else", () => {
    for (const href of ["/posts/bridge/", "/posts/bridge", "/posts/bridge/#vote", "/posts/bridge?ref=home", "/posts/bridge#vote"]) {
      expect(addresses.postSlugOf(href), href).toBe("bridge");
    }
    // Undecoded: the check decodes it and reports a link it cannot.
    expect(addresses.postSlugOf("/posts/caf%C3%A9/")).toBe("caf%C3%A9");
    for (const href of ["/posts/a/b/", "/postsbridge/", "/tags/bridge/", "https://news.example.org/posts/bridge/", "posts/bridge/"]) {
      expect(addresses.postSlugOf(href), href).toBeUndefined();
    }
    expect(addresses.postSlugOf(addresses.post("any-slug-at-all"))).toBe("any-slug-at-all");
  });

  it("gives every spelling of a tag one address", () => {
    expect(addresses.tag("Climate change")).toBe("/tags/climate-change/");
    expect(addresses.tag("climate  CHANGE")).toBe(addresses.tag("Climate change"));
    expect(addresses.tag("AI/ML")).toBe("/tags/ai-ml/");
    expect(addresses.tag("Politics").startsWith(addresses.tags)).toBe(true);
  });

  it("numbers a listing's pages after the first, which keeps the listing's own address", () => {
    expect(addresses.listingPage(addresses.home, 1)).toBe("/");
    expect(addresses.listingPage(addresses.home, 2)).toBe("/page/2/");
    const tag = addresses.tag("Politics");
    expect(addresses.listingPage(tag, 1)).toBe("/tags/politics/");
    expect(addresses.listingPage(tag, 12)).toBe("/tags/politics/page/12/");
  });

  it("gives each archive month a page and each year a place on the index", () => {
    expect(addresses.archiveMonth(2024, 6)).toBe("/archive/2024/06/");
    expect(addresses.archiveMonth(2024, 12)).toBe("/archive/2024/12/");
    expect(addresses.archiveYear(2024)).toBe(`${addresses.archive}#${addresses.archiveYearId(2024)}`);
  });

  it("spells each fixed address once: site paths, all different", () => {
    const fixed = [
      addresses.home,
      addresses.archive,
      addresses.tags,
      addresses.about,
      addresses.subscribe,
      addresses.sitemap,
      addresses.robots,
      addresses.notFound,
      addresses.feedStylesheet,
      ...Object.values(addresses.feeds),
    ];
    for (const address of fixed) expect(address, address).toMatch(/^\/(?!\/)/);
    expect(new Set(fixed).size).toBe(fixed.length);
    // A guessed address that were also a real one would redirect away from it, or never redirect.
    for (const guess of addresses.feedGuesses) expect(fixed, guess).not.toContain(guess);
  });

  it("cannot be changed by whoever imports it", () => {
    expect(Object.isFrozen(addresses)).toBe(true);
    expect(Object.isFrozen(addresses.feeds)).toBe(true);
    expect(Object.isFrozen(addresses.feedGuesses)).toBe(true);
  });

  it("is a leaf: it imports only the tag slug, so any module may import it", () => {
    const source = readFileSync(new URL("../../../lib/site/addresses.ts", import.meta.url), "utf8");
    expect([...source.matchAll(/^import\b.*from "([^"]+)";$/gm)].map((match) => match[1])).toEqual(["../content/slug.ts"]);
  });
});

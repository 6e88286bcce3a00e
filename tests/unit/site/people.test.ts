// lib/site/people.ts: who signs a story, for the page, the feeds and the JSON-LD alike.
import { describe, expect, it } from "vitest";
import { creditsOf } from "../../../lib/site/people.ts";
import { addresses } from "../../../lib/site/addresses.ts";
import { SITE_ORIGIN, testSite } from "../../support/unit-fixtures.ts";

const site = testSite({
  authors: {
    "jane-doe": { name: "Jane Doe", bio: "Courts.", link: "https://jane.example/" },
    "sam-lee": { name: "Sam Lee", bio: "Port." },
  },
});

describe("creditsOf", () => {
  it("names each person in the order written, with their page here and their own link", () => {
    expect(creditsOf(site, ["sam-lee", "jane-doe"])).toEqual([
      { key: "sam-lee", name: "Sam Lee", url: `${SITE_ORIGIN}${addresses.author("sam-lee")}` },
      { key: "jane-doe", name: "Jane Doe", url: `${SITE_ORIGIN}${addresses.author("jane-doe")}`, link: "https://jane.example/" },
    ]);
  });

  it("credits the newsroom when a story names nobody", () => {
    expect(creditsOf(site, undefined)).toEqual([{ name: site.author.name, url: site.author.url }]);
    expect(creditsOf(site, [])).toEqual([{ name: site.author.name, url: site.author.url }]);
  });
});

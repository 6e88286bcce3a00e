/**
 * What Eleventy itself collects in a real build. Tag pages come from
 * lib/collections.ts; Eleventy's own collection per `tags` value would go
 * unread and costs a linear search per post when Eleventy fills it, so
 * posts are kept out of those (lib/post-data.ts) but stay in `all`.
 */
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchSite, type ScratchSite } from "./support/scratch-site.ts";

const post = (title: string, date: string, tags: string) => `---
title: ${title}
date: ${date}
description: About ${title.toLowerCase()}.
tags: ${tags}
---

The text of ${title.toLowerCase()}.
`;

// A template the test adds to the scratch project: the name and size of every collection Eleventy built.
const PROBE = `---
permalink: /collection-names.txt
eleventyExcludeFromCollections: true
---
{% for name, items in collections %}{{ name }} {{ items.length }}
{% endfor %}`;

let scratch: ScratchSite;
let collections: Map<string, string>;

beforeAll(async () => {
  scratch = await createScratchSite({
    "harbour-reopens.md": post("Harbour reopens", "2024-01-10", "[Harbour, Local News]"),
    "harbour-fees.md": post("Harbour fees rise", "2024-02-03", "[harbour, Budget]"),
    "council-votes.md": post("Council votes", "2024-03-01", "[Budget]"),
  });
  await writeFile(path.join(scratch.root, "collection-names.njk"), PROBE);
  const result = await scratch.build({ CONTEXT: "production", URL: "https://news.example.org" });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const listing = readFileSync(path.join(scratch.output, "collection-names.txt"), "utf8");
  collections = new Map(listing.trim().split("\n").map((line) => line.trim().split(" ") as [string, string]));
}, 120_000);

afterAll(() => scratch?.remove());

describe("Eleventy's collections in a build", () => {
  it("builds no collection per tag spelling", () => {
    for (const tag of ["Harbour", "harbour", "Local News", "Local", "Budget"]) expect(collections.has(tag), tag).toBe(false);
  });

  it("still has every post in `all` and in our `posts`", () => {
    expect(collections.get("posts")).toBe("3");
    // Three posts plus the site's own pages.
    expect(Number(collections.get("all"))).toBeGreaterThan(3);
  });

  it("still builds the tag pages, spellings merged", () => {
    const harbour = readFileSync(path.join(scratch.output, "tags/harbour/index.html"), "utf8");
    expect(harbour).toContain("Harbour reopens");
    expect(harbour).toContain("Harbour fees rise");
    expect(harbour).not.toContain("Council votes");
    expect(readFileSync(path.join(scratch.output, "tags/budget/index.html"), "utf8")).toContain("Council votes");
  });
});

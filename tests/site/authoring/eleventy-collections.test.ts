/**
 * What Eleventy itself collects in a real build. Tag pages come from
 * lib/listings/collections.ts; Eleventy's own collection per `tags` value would go
 * unread and costs a linear search per post when Eleventy fills it, so
 * posts are kept out of those (lib/render/post-data.ts) but stay in `all`. Our
 * own `posts` collection is of class instances, which Eleventy does not
 * search its templates for (it does for plain objects, one linear search each).
 */
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";

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

// Eleventy sets templateContent on each plain collection item it searched its templates for.
const FILL_PROBE = `---
permalink: /posts-probe.txt
eleventyExcludeFromCollections: true
---
{% for item in collections.posts %}{{ "searched" if item.templateContent !== undefined else "skipped" }} {{ item.content | length }}
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
  await writeFile(path.join(scratch.root, "posts-probe.njk"), FILL_PROBE);
  const result = await scratch.build({ CONTEXT: "production", SITE_URL: "https://news.example.org" });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const listing = readFileSync(path.join(scratch.output, "collection-names.txt"), "utf8");
  collections = new Map(
    listing
      .trim()
      .split("\n")
      .map((line) => line.trim().split(" ") as [string, string]),
  );
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

  it("is not searched for our posts, whose rendered bodies come from the pages in `all`", () => {
    const lines = readFileSync(path.join(scratch.output, "posts-probe.txt"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const [searched, length] = line.trim().split(" ");
      expect(searched).toBe("skipped");
      expect(Number(length)).toBeGreaterThan(20);
    }
  });

  it("still builds the tag pages, spellings merged", () => {
    const harbour = readFileSync(path.join(scratch.output, "tags/harbour/index.html"), "utf8");
    expect(harbour).toContain("Harbour reopens");
    expect(harbour).toContain("Harbour fees rise");
    expect(harbour).not.toContain("Council votes");
    expect(readFileSync(path.join(scratch.output, "tags/budget/index.html"), "utf8")).toContain("Council votes");
  });
});

/**
 * A failed build publishes nothing: after a good build, a build that fails
 * (on a bad post, before rendering; or on a template error, while rendering)
 * exits non-zero and leaves _site exactly as the good build wrote it, with
 * no staging folders left behind.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint, leftovers } from "../../support/output-folders.ts";
import { createScratchSite, type RunResult, type ScratchSite } from "../../support/scratch-site.ts";

const GOOD = `---
title: Harbour reopens
date: 2024-01-10
description: Boats are back.
---

The harbour reopened on Tuesday.
`;

const ENV = { CONTEXT: "production", SITE_URL: "https://news.example.org" };

let site: ScratchSite;
let good: RunResult;
let before: Record<string, string>;
let badPost: RunResult;
let afterBadPost: Record<string, string>;
let badTemplate: RunResult;
let afterBadTemplate: Record<string, string>;

beforeAll(async () => {
  site = await createScratchSite({ "harbour-reopens.md": GOOD });
  good = await site.build(ENV);
  before = fingerprint(site.output);

  await site.writePost("harbour-reopens.md", GOOD.replace("date: 2024-01-10", "date: next Tuesday"));
  badPost = await site.build(ENV);
  afterBadPost = fingerprint(site.output);

  // The post is fine again, but a page fails while Eleventy is already writing files.
  await site.writePost("harbour-reopens.md", GOOD.replace("Tuesday", "Wednesday"));
  await writeFile(path.join(site.root, "zz-broken.njk"), "---\npermalink: /broken/\n---\n{{ noSuchFunction() }}\n");
  badTemplate = await site.build(ENV);
  afterBadTemplate = fingerprint(site.output);
});

afterAll(async () => {
  await site?.remove();
});

describe("the atomic build", () => {
  it("first builds a complete site", () => {
    expect(good.code).toBe(0);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(["index.html", "feed.xml", path.join("posts", "harbour-reopens", "index.html")]),
    );
  });

  it("fails with a non-zero exit on a bad post, naming it, and leaves _site unchanged", () => {
    expect(badPost.code).toBe(1);
    expect(badPost.stderr).toContain("posts/harbour-reopens.md:3:1: date: expected a date like 2018-06-14");
    expect(afterBadPost).toEqual(before);
  });

  it("fails with a non-zero exit on an error while rendering, and leaves _site unchanged", () => {
    expect(badTemplate.code).toBe(1);
    expect(badTemplate.stderr).toContain("zz-broken.njk");
    expect(afterBadTemplate).toEqual(before);
  });

  it("leaves no staging or previous-site folders behind", () => {
    expect(leftovers(site.root)).toEqual([]);
  });
});

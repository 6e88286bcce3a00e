import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSite, type BuiltSite } from "../../support/site-build.ts";
import { createScratchSite, type RunResult, type ScratchSite } from "../../support/scratch-site.ts";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect width="4" height="3"/></svg>\n';

const POST = `---
title: The bridge at dusk
date: 2024-05-01
description: A photo story.
---

![The new bridge lit at dusk](/media/2024/bridge.svg)
`;

let scratch: ScratchSite;
let result: RunResult;
let site: BuiltSite;

beforeAll(async () => {
  scratch = await createScratchSite({ "bridge-at-dusk.md": POST });
  await mkdir(path.join(scratch.root, "media", "2024"), { recursive: true });
  await writeFile(path.join(scratch.root, "media", "2024", "bridge.svg"), SVG);
  result = await scratch.build({ CONTEXT: "production", SITE_URL: "https://news.example.org" });
  site = readSite(scratch.output);
});
afterAll(() => scratch?.remove());

describe("post images in media/", () => {
  it("are published at the path the post names, byte for byte", () => {
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(scratch.output, "media", "2024", "bridge.svg"), "utf8")).toBe(SVG);
  });

  it("are linked from the post with their alt text, lazily loaded", () => {
    const img = site.document("/posts/bridge-at-dusk/").querySelector(".post-body img");
    expect(img?.getAttribute("src")).toBe("/media/2024/bridge.svg");
    expect(img?.getAttribute("alt")).toBe("The new bridge lit at dusk");
    expect(img?.getAttribute("loading")).toBe("lazy");
  });

  it("are absolute in the feeds", () => {
    expect(site.text("/feed.xml")).toContain("src=&quot;https://news.example.org/media/2024/bridge.svg&quot;");
  });
});

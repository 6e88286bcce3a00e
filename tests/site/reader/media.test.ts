import { existsSync, readFileSync } from "node:fs";
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

The [full report](/media/2024/report.pdf) is online.
`;

const PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

let scratch: ScratchSite;
let result: RunResult;
let site: BuiltSite;

beforeAll(async () => {
  scratch = await createScratchSite({ "bridge-at-dusk.md": POST });
  await mkdir(path.join(scratch.root, "media", "2024"), { recursive: true });
  await writeFile(path.join(scratch.root, "media", "2024", "bridge.svg"), SVG);
  await writeFile(path.join(scratch.root, "media", "2024", "report.pdf"), PDF);
  result = await scratch.build({ CONTEXT: "production", SITE_URL: "https://news.example.org" });
  site = readSite(scratch.output);
});
afterAll(() => scratch?.remove());

describe("files in media/", () => {
  it("a document is published at the path the post names, byte for byte", () => {
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(scratch.output, "media", "2024", "report.pdf"), "utf8")).toBe(PDF);
  });

  it("a drawing is published unchanged under a content-hashed name, with its size, lazily loaded", () => {
    const img = site.document("/posts/bridge-at-dusk/").querySelector(".post-body img");
    const src = img?.getAttribute("src") ?? "";
    expect(src).toMatch(/^\/assets\/img\/bridge-[\w-]+\.svg$/);
    expect(readFileSync(path.join(scratch.output, src), "utf8")).toBe(SVG);
    expect(img?.getAttribute("alt")).toBe("The new bridge lit at dusk");
    expect([img?.getAttribute("width"), img?.getAttribute("height")]).toEqual(["4", "3"]);
    expect(img?.getAttribute("loading")).toBe("lazy");
  });

  it("a picture's original is not published: only what the pages show of it", () => {
    expect(existsSync(path.join(scratch.output, "media", "2024", "bridge.svg"))).toBe(false);
  });

  it("are absolute in the feeds", () => {
    expect(site.text("/feed.xml")).toMatch(/src=&quot;https:\/\/news\.example\.org\/assets\/img\/bridge-[\w-]+\.svg&quot;/);
    expect(site.text("/feed.xml")).toContain("href=&quot;https://news.example.org/media/2024/report.pdf&quot;");
  });
});

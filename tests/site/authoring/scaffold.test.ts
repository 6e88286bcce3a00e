/**
 * `npm run new -- "Title"` run as an author runs it, in a throwaway site:
 * it prints the path, writes a draft dated now that `npm run check` passes
 * and a local build shows with its draft banner, and never overwrites.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSite } from "../../support/site-build.ts";
import { createScratchSite, type RunResult, type ScratchSite } from "../../support/scratch-site.ts";

const TITLE = "Mayor’s “big” plan: €5m for the #1 bridge";
const FILE = "posts/mayors-big-plan-5m-for-the-1-bridge.md";

const EXISTING = `---
title: An older story
date: 2019-05-01
description: Already here, in a year folder.
---

Text.
`;

let site: ScratchSite;
let started: number;
let finished: number;
let created: RunResult;
let written: string;
let check: RunResult;
let again: RunResult;
let clash: RunResult;
let empty: RunResult;
let build: RunResult;

const npm = (args: string[]) => site.run("npm", ["run", "--silent", ...args]);

beforeAll(async () => {
  site = await createScratchSite({ "2019/an-older-story.md": EXISTING });
  started = Date.now();
  created = await npm(["new", "--", TITLE]);
  finished = Date.now();
  written = readFileSync(path.join(site.root, FILE), "utf8");
  // None of these writes anything, so they can run side by side.
  [check, again, clash, empty, build] = await Promise.all([
    npm(["check"]),
    npm(["new", "--", TITLE]),
    npm(["new", "--", "An older story"]),
    npm(["new", "--", "   "]),
    // A local build of the preview's kind: drafts shown.
    site.build({ CONTEXT: "dev" }),
  ]);
});

afterAll(async () => {
  await site?.remove();
});

describe("npm run new", () => {
  it("prints the path of the post it wrote", () => {
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toBe(FILE);
  });

  it("writes the title exactly, dated now, as a draft", () => {
    const frontmatter = parse(written.split("---\n")[1] ?? "") as Record<string, unknown>;
    expect(frontmatter.title).toBe(TITLE);
    expect(frontmatter.draft).toBe(true);
    const date = new Date(String(frontmatter.date)).getTime();
    // Seconds precision: the file may round the start down.
    expect(date).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    expect(date).toBeLessThanOrEqual(finished);
  });

  it("writes a post that passes npm run check", () => {
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("Checked 2 posts: no problems.");
  });

  it("writes a post that a local build shows, with its draft banner", () => {
    expect(build.code).toBe(0);
    const built = readSite(site.output);
    const page = built.document("/posts/mayors-big-plan-5m-for-the-1-bridge/");
    expect(page.querySelector("h1")?.textContent).toBe(TITLE);
    expect(page.querySelector(".banner")?.textContent).toMatch(/^Draft/);
  });

  it("refuses to overwrite a post, and leaves it untouched", () => {
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(`${FILE} already exists; nothing was written.`);
    expect(readFileSync(path.join(site.root, FILE), "utf8")).toBe(written);
  });

  it("refuses a title whose file name is taken in another folder", () => {
    expect(clash.code).not.toBe(0);
    expect(clash.stderr).toContain("posts/2019/an-older-story.md already exists");
  });

  it("refuses an empty title with usage help", () => {
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain('Usage: npm run new -- "Post title"');
  });
});

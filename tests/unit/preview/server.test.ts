/**
 * lib/preview/server.ts removePostPage: a deleted post's page leaves the output
 * folder, and nothing else does, whatever the deleted file was called. And
 * watchOnceBuilt: only a failed build is waited out.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removePostPage, watchOnceBuilt } from "../../../lib/preview/server.ts";

let output = "";
afterEach(() => rmSync(output, { recursive: true, force: true }));

function outputWith(...pages: string[]): string {
  output = mkdtempSync(path.join(tmpdir(), "preview-output-"));
  for (const page of pages) {
    mkdirSync(path.join(output, page), { recursive: true });
    writeFileSync(path.join(output, page, "index.html"), "<!doctype html>");
  }
  return output;
}

describe("removePostPage", () => {
  it("removes /posts/<slug>/ for a deleted post, in posts/ or a folder below it", () => {
    outputWith("posts/harbour-reopens", "posts/ferry-returns", "about");
    removePostPage(output, "posts/harbour-reopens.md");
    removePostPage(output, "./posts/2024/ferry-returns.md");
    expect(existsSync(path.join(output, "posts", "harbour-reopens"))).toBe(false);
    expect(existsSync(path.join(output, "posts", "ferry-returns"))).toBe(false);
    expect(existsSync(path.join(output, "about", "index.html"))).toBe(true);
  });

  it("leaves everything else, including names that are not slugs", () => {
    outputWith("posts/harbour-reopens", "about");
    for (const file of ["pages/about.md", "posts/posts.11tydata.js", "posts/...md", "posts/..md", "posts/Harbour Reopens.md", "about.md", "posts"]) {
      removePostPage(output, file);
    }
    expect(existsSync(path.join(output, "posts", "harbour-reopens", "index.html"))).toBe(true);
    expect(existsSync(path.join(output, "about", "index.html"))).toBe(true);
  });
});

describe("watchOnceBuilt", () => {
  const rebuild = async () => {};

  it("hands back the rebuild function once the first build succeeds", async () => {
    const eleventy = { watch: async () => rebuild, restart: async () => {}, init: async () => {} };
    await expect(watchOnceBuilt(eleventy, () => false)).resolves.toBe(rebuild);
  });

  it("passes on an error thrown before any build started, rather than waiting for a save that cannot help", async () => {
    const broken = new Error("the file watcher could not be loaded");
    const eleventy = { watch: () => Promise.reject(broken), restart: async () => {}, init: async () => {} };
    await expect(watchOnceBuilt(eleventy, () => false)).rejects.toBe(broken);
    // Waiting for a save instead would hang: fail fast.
  }, 5_000);
});

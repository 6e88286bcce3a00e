// lib/publish/build.ts on a two-template Eleventy project: a build replaces the output whole, a failed one leaves the last site as it was.
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build } from "../../../lib/publish/build.ts";
import { fingerprint } from "../../support/output-folders.ts";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project of its own: an empty Eleventy config and the templates given. */
function project(templates: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "build-"));
  roots.push(root);
  writeFileSync(path.join(root, "package.json"), '{ "type": "module" }\n');
  writeFileSync(path.join(root, ".eleventy.js"), "export default function () {}\n");
  for (const [name, text] of Object.entries(templates)) writeFileSync(path.join(root, name), text);
  return root;
}

/** What sits beside the output folder: staging, previous or removing folders of builds. */
const beside = (root: string) => readdirSync(root).filter((name) => name.startsWith("_site."));
const page = (root: string, name = "index.html") => readFileSync(path.join(root, "_site", name), "utf8");

// Eleventy keeps what it read of a template for the life of the process (a
// production build is one process per build), so a later build in this worker
// changes the site by adding and removing templates, never by editing one.

describe("build", () => {
  it("writes the site to _site under the root, and leaves no folder beside it", async () => {
    const root = project({ "index.njk": "Sum: {{ 1 + 1 }}", "about.njk": "---\npermalink: /about/\n---\nAbout" });
    await build({ root });
    expect(page(root)).toBe("Sum: 2");
    expect(page(root, "about/index.html")).toBe("About");
    expect(beside(root)).toEqual([]);
  });

  it("writes to another output folder when asked, relative to the root", async () => {
    const root = project({ "index.njk": "Hello" });
    await build({ root, output: "public" });
    expect(readFileSync(path.join(root, "public", "index.html"), "utf8")).toBe("Hello");
    expect(existsSync(path.join(root, "_site"))).toBe(false);
  });

  it("replaces the output whole: a page the new build does not write is gone", async () => {
    const root = project({ "index.njk": "Home", "old.njk": "Old page" });
    await build({ root });
    expect(page(root, "old/index.html")).toBe("Old page");
    rmSync(path.join(root, "old.njk"));
    writeFileSync(path.join(root, "new.njk"), "New page");
    await build({ root });
    expect(page(root, "new/index.html")).toBe("New page");
    expect(existsSync(path.join(root, "_site", "old"))).toBe(false);
    expect(beside(root)).toEqual([]);
  });

  it("rejects when a template fails, leaving the last complete site exactly as it was and nothing half-written", async () => {
    const root = project({ "index.njk": "Good", "second.njk": "Also good" });
    await build({ root });
    const before = fingerprint(path.join(root, "_site"));
    writeFileSync(path.join(root, "third.njk"), "Would be new");
    writeFileSync(path.join(root, "broken.njk"), "{{ undefinedFunction() }}");
    await expect(build({ root })).rejects.toThrow();
    expect(fingerprint(path.join(root, "_site"))).toEqual(before);
    expect(beside(root)).toEqual([]);
  });

  it("rejects before any rendering when the output cannot be written, leaving nothing", async () => {
    const root = project({ "index.njk": "Hello" });
    writeFileSync(path.join(root, "blocked"), "a file where a folder would go");
    await expect(build({ root, output: "blocked/site" })).rejects.toThrow();
    expect(readdirSync(root).sort()).toEqual([".eleventy.js", "blocked", "index.njk", "package.json"]);
  });

  it("puts back the site a killed build had set aside, before building", async () => {
    const root = project({ "index.njk": "Fresh" });
    await build({ root });
    // A build killed between its steps 1 and 2 (lib/publish/output-folder.ts): the site aside, no output.
    renameSync(path.join(root, "_site"), path.join(root, `_site.previous-${process.pid}`));
    writeFileSync(path.join(root, "broken.njk"), "{{ broken( }}");
    await expect(build({ root })).rejects.toThrow();
    expect(page(root)).toBe("Fresh");
    expect(beside(root)).toEqual([]);
  });
});

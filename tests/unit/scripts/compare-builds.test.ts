// npm run compare: two built sites, every file that differs and the words that changed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareSites } from "../../../scripts/compare-builds.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "compare-sites-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function site(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe("compareSites", () => {
  it("finds nothing between byte-identical sites", () => {
    const files = { "index.html": "<p>Same</p>\n", "posts/a/index.html": "<p>A</p>\n" };
    expect(compareSites(site("same-1", files), site("same-2", files))).toBe("");
  });

  it("lists a changed, an added and a removed file, with the changed words", () => {
    const before = site("before", { "index.html": "<p>Old headline</p>\n", "gone.xml": "<rss/>\n" });
    const after = site("after", { "index.html": "<p>New headline</p>\n", "feed.json": "{}\n" });
    const report = compareSites(before, after);
    expect(report).toMatch(/^M\t.*before\/index\.html$/m);
    expect(report).toMatch(/^D\t.*before\/gone\.xml$/m);
    expect(report).toMatch(/^A\t.*after\/feed\.json$/m);
    expect(report).toContain("<p>[-Old-]{+New+} headline</p>");
  });
});

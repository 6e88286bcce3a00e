import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildScriptNodeOptions } from "../ours.ts";
import { projectRoot } from "../../tests/support/scratch-site.ts";

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function withBuildScript(build: string): string {
  dir = mkdtempSync(path.join(tmpdir(), "bench-ours-"));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ scripts: { build } }));
  return dir;
}

describe("the bench runs ours as npm run build does", () => {
  it("takes the Node options from package.json's build script", () => {
    const options = buildScriptNodeOptions(
      withBuildScript("node --max-semi-space-size=8 --import ./scripts/typescript.js scripts/build.ts"),
    );
    expect(options).toEqual(["--max-semi-space-size=8", "--import", "./scripts/typescript.js"]);
  });

  it("refuses a build script it cannot read, rather than timing something else", () => {
    expect(() => buildScriptNodeOptions(withBuildScript("eleventy"))).toThrow(/not "node \[options\] scripts\/build.ts"/);
  });

  it("reads this project's own build script, which loads TypeScript through scripts/typescript.js", () => {
    expect(buildScriptNodeOptions(projectRoot)).toEqual(expect.arrayContaining(["--import", "./scripts/typescript.js"]));
  });
});

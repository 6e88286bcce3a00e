/** lib/checks/problems.ts: what a failed build or preview prints. */
import { describe, expect, it } from "vitest";
import { formatFailure, PostValidationError } from "../../../lib/checks/problems.ts";
import { OutputWriteError } from "../../../lib/publish/output-write-error.ts";

describe("formatFailure", () => {
  const diskFull = new OutputWriteError(
    "write the site to",
    "/site/_site.staging-1",
    "ENOSPC",
    new Error("ENOSPC: no space left on device"),
  );

  it("prints an author's or an editor's error as it is, however Eleventy wrapped it", () => {
    const problems = new PostValidationError([
      { file: "posts/a.md", line: 2, column: 1, field: "title", message: "expected the headline as text, found the number 42" },
    ]);
    const inTemplate = Object.assign(new Error("Having trouble writing to feed.xml"), { originalError: diskFull });
    expect(formatFailure(new Error("Error in eleventy.before", { cause: problems }))).toBe(problems.message);
    expect(formatFailure(inTemplate)).toBe(diskFull.message);
    expect(formatFailure(diskFull)).toMatch(/^Cannot write the site to \/site\/_site\.staging-1: the disk is full \(ENOSPC\)\./);
  });

  it("gives anything else with its stack, for the engineer", () => {
    expect(formatFailure(new TypeError("x is undefined"))).toMatch(/^Build failed: TypeError: x is undefined\n\s+at /);
  });
});

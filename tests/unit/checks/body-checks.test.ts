// lib/checks/body-checks.ts: one structure parse of a post's Markdown yields its problems, its word count and the tokens the page renders from.
import { describe, expect, it } from "vitest";
import { inspectBody } from "../../../lib/checks/body-checks.ts";

describe("inspectBody", () => {
  it.each([
    ["nothing", ""],
    ["blank lines", "\n\n  \n"],
    ["tabs", "\t\n"],
  ])("refuses a body of %s, at its first line", (_what, body) => {
    expect(inspectBody(body)).toEqual({
      problems: [{ line: 1, column: 1, message: "expected the article text after the closing `---`, found an empty body" }],
      words: 0,
      tokens: [],
    });
  });

  it("passes a plain story and counts its words", () => {
    const report = inspectBody("The harbour reopened on Monday.\n\n## Boats\n\nFishing boats came back first.\n");
    expect(report.problems).toEqual([]);
    expect(report.words).toBe(5 + 1 + 5);
  });

  it("counts the words readers see, not the Markdown around them", () => {
    expect(inspectBody("**Bold** and [a link](https://example.com/long/address) and `code`").words).toBe(6);
    expect(inspectBody("- one\n- two\n\n> three four").words).toBe(4);
  });

  it("hands on markdown-it's block structure, with source lines", () => {
    const { tokens } = inspectBody("First paragraph.\n\nSecond one.\n");
    expect(tokens.map((token) => token.type)).toEqual([
      "paragraph_open",
      "inline",
      "paragraph_close",
      "paragraph_open",
      "inline",
      "paragraph_close",
    ]);
    expect(tokens.filter((token) => token.type === "inline").map((token) => token.map)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("reports Markdown that would show as typed, placed within the body", () => {
    const report = inspectBody("Fine first line.\n\nA **bold claim without its end.\n");
    expect(report.problems).toEqual([{ line: 3, column: 3, message: expect.stringMatching(/^expected bold text closed with \*\*/) }]);
    expect(report.words).toBeGreaterThan(0);
  });

  it("reports a code fence never closed", () => {
    const report = inspectBody("Intro.\n\n```\nlet x = 1;\n");
    expect(report.problems).toEqual([{ line: 3, column: 1, message: expect.stringContaining("found the end of the file") }]);
  });
});

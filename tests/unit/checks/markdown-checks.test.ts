// lib/checks/markdown-checks.ts: Markdown that markdown-it would print as typed or swallow is reported at its line and column in the body.
import { describe, expect, it } from "vitest";
import { inspectMarkdown } from "../../../lib/checks/markdown-checks.ts";

const problems = (body: string) => inspectMarkdown(body).problems;
const at = (body: string) => problems(body).map(({ line, column }) => [line, column]);

describe("code fences", () => {
  it("passes fences closed by the same marker, or by a longer one as CommonMark allows", () => {
    expect(problems("```js\nlet a = 1;\n```\n")).toEqual([]);
    expect(problems("~~~\ncode\n~~~~\n")).toEqual([]);
    expect(problems("````\n```\nstill code\n````\n")).toEqual([]);
  });

  it("reports a fence left open to the end of the file, where it opens", () => {
    expect(problems("Intro.\n\n```js\nlet a = 1;\n\nThe story goes on.")).toEqual([
      { line: 3, column: 1, message: "expected a closing ``` for the code block opened here, found the end of the file" },
    ]);
    expect(problems("~~~\ncode")[0]?.message).toBe("expected a closing ~~~ for the code block opened here, found the end of the file");
  });

  it("reports a fence that its quote or list item ends", () => {
    expect(problems("> ```\n> code\n\nAfter the quote.")).toEqual([
      { line: 1, column: 1, message: expect.stringContaining("found the end of the list or quote it is in") },
    ]);
    expect(at("- item\n\n  ```\n  code\n\nAfter the list.")).toEqual([[3, 1]]);
  });

  it("passes a fence closed inside its quote", () => {
    expect(problems("> ```\n> code\n> ```\n")).toEqual([]);
  });
});

describe("Markdown left as typed", () => {
  it("reports a footnote cited with no note written for it", () => {
    expect(problems("As reported[^1].")).toEqual([
      {
        line: 1,
        column: 12,
        message: 'expected the note [^1] cites, on a line of its own as "[^1]: The note.", found none, so [^1] would show as typed',
      },
    ]);
  });

  it("accepts footnotes with their notes, written after the text or inline (issue 19)", () => {
    expect(problems("As reported[^1] and said.^[In March.]\n\n[^1]: https://example.com/report\n")).toEqual([]);
  });

  it("reports a link broken by a space in its address", () => {
    const [problem] = problems("See [the report](https://example.com/a report).");
    expect(problem).toMatchObject({ line: 1, column: 5 });
    expect(problem?.message).toContain("found [the report](https://example.com/a, which would show as typed");
  });

  it("reports a reference link with no definition", () => {
    expect(problems("See [the report][1].")[0]?.message).toContain("for the reference link [the report][1], found none");
    expect(problems("See [the report][1].\n\n[1]: https://example.com/report\n")).toEqual([]);
  });

  it("reports bold never closed", () => {
    expect(problems("A **bold claim.")).toEqual([
      { line: 1, column: 3, message: expect.stringContaining("found **bold without its closing **") },
    ]);
    expect(problems("A **bold** claim.")).toEqual([]);
  });

  it("leaves code spans, code blocks and escaped characters alone", () => {
    expect(problems("Type `**` or `[^1]` to see them.")).toEqual([]);
    expect(problems("    [^1] **x\n")).toEqual([]);
    expect(problems("```\n[text](a b) **x\n```\n")).toEqual([]);
    expect(problems("Not a link: \\[x\\](y b) and \\*\\*z.")).toEqual([]);
  });

  it("passes links and images that parsed", () => {
    expect(problems("[A](https://example.com/a) and ![B](/media/b.png) and [C][c].\n\n[c]: /posts/c/\n")).toEqual([]);
  });
});

describe("positions", () => {
  it("gives lines within the body and columns from 1", () => {
    expect(at("First paragraph.\n\nSecond line one\nand two with [^note].")).toEqual([[4, 14]]);
  });

  it("places repeated text on each of its occurrences, in order", () => {
    expect(at("[^1] and [^1]\nthen [^1] again")).toEqual([
      [1, 1],
      [1, 10],
      [2, 6],
    ]);
  });

  it("sorts several problems in one paragraph by where they stand", () => {
    const found = problems("A **bold start, a note[^2] and [a link](x y).");
    expect(found.map((problem) => problem.column)).toEqual([3, 23, 32]);
    expect(found.map((problem) => problem.message.slice(0, 20))).toEqual([
      "expected bold text c",
      "expected the note [^",
      "expected a link like",
    ]);
  });

  it("places constructs inside lists and quotes on their own lines", () => {
    expect(at("- one\n- two **open\n\n> quoted [^q]")).toEqual([
      [2, 7],
      [4, 10],
    ]);
  });
});

// lib/content/yaml-positions.ts: fields and YAML errors placed at the line and column of the post file an author must fix.
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument } from "yaml";
import { fieldPositions, filePositions, problemAt, yamlProblems } from "../../../lib/content/yaml-positions.ts";

/** The frontmatter between the fences, parsed as lib/content/frontmatter.ts parses it. */
function frontmatter(yamlText: string) {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, schema: "core" });
  return { doc, at: filePositions(counter) };
}

describe("filePositions", () => {
  it("counts lines of the file, where the opening --- is line 1, and columns from 1", () => {
    const { at } = frontmatter("title: A\ndate: 2024-01-01\n");
    expect(at(0)).toEqual({ line: 2, column: 1 });
    expect(at("title: A\n".length)).toEqual({ line: 3, column: 1 });
    expect(at("title: A\ndate: ".length)).toEqual({ line: 3, column: 7 });
  });
});

describe("fieldPositions", () => {
  it("places each top-level key, blank lines and comments counted", () => {
    const { doc, at } = frontmatter("title: A\n\n# a note\n  \ndescription: B\ntags:\n  - x\n");
    expect(Object.fromEntries(fieldPositions(doc, at))).toEqual({
      title: { line: 2, column: 1 },
      description: { line: 6, column: 1 },
      tags: { line: 7, column: 1 },
      // A list's items too, so a problem found after the schema points at the item (author.1).
      "tags.0": { line: 8, column: 5 },
    });
  });

  it("places a nested mapping's keys, and each item of a list of mappings with its keys (issue 19)", () => {
    const { doc, at } = frontmatter(
      "image:\n  src: /a.jpg\ntags: [a, b]\ncorrections:\n  - date: 2024-01-02\n    text: A\n  -   date: x\n",
    );
    expect(Object.fromEntries(fieldPositions(doc, at))).toEqual({
      image: { line: 2, column: 1 },
      "image.src": { line: 3, column: 3 },
      // Each item of a list of text too, where it stands: a byline's key (author.1) is checked after the schema.
      tags: { line: 4, column: 1 },
      "tags.0": { line: 4, column: 8 },
      "tags.1": { line: 4, column: 11 },
      corrections: { line: 5, column: 1 },
      "corrections.0": { line: 6, column: 5 },
      "corrections.0.date": { line: 6, column: 5 },
      "corrections.0.text": { line: 7, column: 5 },
      "corrections.1": { line: 8, column: 7 },
      "corrections.1.date": { line: 8, column: 7 },
    });
  });

  it("has nothing to place when the frontmatter is not a mapping", () => {
    expect(fieldPositions(frontmatter("- a\n- b\n").doc, frontmatter("").at).size).toBe(0);
    expect(fieldPositions(frontmatter("").doc, frontmatter("").at).size).toBe(0);
  });
});

describe("problemAt", () => {
  const text = "title: Mayor opens bridge\ndate: 2024-01-01\n";
  const { doc, at } = frontmatter(text);

  it("names the field an offset falls in", () => {
    const offset = text.indexOf("opens");
    expect(problemAt(doc, at, offset, "m")).toEqual({ line: 2, column: text.indexOf("opens") + 1, field: "title", message: "m" });
    expect(problemAt(doc, at, text.indexOf("date"), "m")).toMatchObject({ line: 3, column: 1, field: "date" });
  });

  it("moves an offset at the very end of a value back to where the value starts", () => {
    const end = text.indexOf("\ndate");
    expect(problemAt(doc, at, end, "m")).toMatchObject({ line: 2, column: "title: ".length + 1, field: "title" });
  });

  it("calls an offset outside every field the frontmatter's", () => {
    const { doc: list, at: listAt } = frontmatter("- a\n- b\n");
    expect(problemAt(list, listAt, 2, "m")).toEqual({ line: 2, column: 3, field: "frontmatter", message: "m" });
  });
});

describe("yamlProblems", () => {
  it("has none for valid YAML", () => {
    const { doc, at } = frontmatter("title: A\ntags: [a, b]\n");
    expect(yamlProblems(doc, at)).toEqual([]);
  });

  it("places an unclosed quote where its value opens, not where YAML noticed it", () => {
    const { doc, at } = frontmatter('title: "Mayor\ndate: 2024-01-01\n');
    expect(yamlProblems(doc, at)).toEqual([
      { line: 2, column: 8, field: "title", message: expect.stringMatching(/^expected valid YAML, found an error: .*quote/) },
    ]);
  });

  it("says a field given twice is given twice, at its second copy", () => {
    const { doc, at } = frontmatter("title: a\ntitle: b\n");
    expect(yamlProblems(doc, at)).toEqual([
      { line: 3, column: 1, field: "title", message: expect.stringMatching(/\(this field is given twice\)$/) },
    ]);
  });

  it("tells the author to quote text containing ': '", () => {
    const { doc, at } = frontmatter("title: Mayor: the bridge is open\n");
    const [problem] = yamlProblems(doc, at);
    expect(problem).toMatchObject({ line: 2, field: "title" });
    expect(problem?.message).toMatch(/\(text containing `: ` must be in quotes\)$/);
  });

  it("reports an unknown !tag, which YAML itself only warns about", () => {
    const { doc, at } = frontmatter("title: !shout bridge\n");
    expect(doc.errors).toEqual([]);
    expect(yamlProblems(doc, at)).toEqual([{ line: 2, column: 8, field: "title", message: expect.stringContaining("!shout") }]);
  });

  it("keeps one line of YAML's message", () => {
    const { doc, at } = frontmatter("title: ok\ndate: [a, b\nx: 1\n");
    const problems = yamlProblems(doc, at);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem.message).not.toContain("\n");
    expect(problems[0]?.field).toBe("date");
  });

  it("calls a stray line inside the frontmatter the frontmatter's, not a field named after its words", () => {
    for (const text of ["title: ok\nthis line is not a field\nmore: x\n", "title: ok\nstray words here\n"]) {
      const { doc, at } = frontmatter(text);
      expect(yamlProblems(doc, at)).toEqual([
        { line: 3, column: 1, field: "frontmatter", message: expect.stringMatching(/^expected valid YAML, found an error: /) },
      ]);
    }
  });
});

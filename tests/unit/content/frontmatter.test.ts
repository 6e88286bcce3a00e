import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { normaliseText, readPost } from "../../../lib/content/frontmatter.ts";

const problems = (text: string) => {
  const result = readPost(text);
  return result.ok ? [] : result.problems.map(({ line, column, field }) => `${line}:${column}: ${field}`);
};

describe("readPost", () => {
  it("reads a BOM + CRLF file exactly like its LF twin, lines and all", () => {
    const lf = "---\ntitle: Hello\ndate: 2024-01-01\n---\n\nBody line.\n";
    const crlf = `\uFEFF${lf.replace(/\n/g, "\r\n")}`;
    const [a, b] = [readPost(lf), readPost(crlf)];
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.post.data).toEqual({ title: "Hello", date: "2024-01-01" });
    expect(b.post.body).toBe(a.post.body);
    expect(b.post.bodyLine).toBe(5);
    expect(b.post.fields.get("date")).toEqual({ line: 3, column: 1 });
    expect(normaliseText("a\rb\r\nc")).toBe("a\nb\nc");
  });

  it("keeps dates as the text written (the schema decides what a date is)", () => {
    const result = readPost("---\ndate: 2024-01-01\nupdated: 2024-01-02T10:00:00Z\n---\nx\n");
    expect(result.ok && result.post.data).toEqual({ date: "2024-01-01", updated: "2024-01-02T10:00:00Z" });
  });

  it.each([
    [
      "an unclosed quote, at the field where it opens",
      '---\ntitle: Fine\ndescription: "never closed\ntags: [a]\n---\nx\n',
      ["3:14: description"],
    ],
    ["an unclosed list, at the field where it opens", "---\ntitle: Fine\ntags: [a, b\ndate: 2024-01-01\n---\nx\n", ["3:7: tags"]],
    ["a colon in unquoted text", "---\ntitle: Breaking: news\n---\nx\n", ["2:8: title"]],
    ["a field given twice", "---\ntitle: One\ntitle: Two\n---\nx\n", ["3:1: title"]],
    ["no opening line", "title: x\n---\nx\n", ["1:1: frontmatter"]],
    ["no closing line", "---\ntitle: x\n\nBody.\n", ["1:1: frontmatter"]],
    ["a list instead of fields", "---\n- a\n- b\n---\nx\n", ["2:1: frontmatter"]],
    // Only a warning to `yaml`; it would reach the page as text.
    ["an unknown tag", "---\ntitle: Fine\ndescription: !custom x\n---\nx\n", ["3:14: description"]],
    ["an alias to no anchor", "---\ntitle: *nope\n---\nx\n", ["2:8: title"]],
    // Issue 16: a second line that begins like a fence is YAML text, not the end of the frontmatter.
    ["a line that only begins like a fence", "---\ntitle: x\n---# not a fence\ndate: 2020-01-01\n---\nx\n", ["3:1: frontmatter"]],
    ["more aliases than the limit", `---\na: &a x\nb: [${Array(11).fill("*a").join(", ")}]\n---\nx\n`, ["3:45: b"]],
    ["nesting deeper than the limit", "---\na: [[[[[1]]]]]\n---\nx\n", ["2:7: a"]],
  ])("reports %s", (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it("says what YAML expected and what it found", () => {
    const result = readPost("---\ntitle: Breaking: news\n---\nx\n");
    expect(result.ok ? "" : result.problems[0]?.message).toBe(
      "expected valid YAML, found an error: Nested mappings are not allowed in compact mappings (text containing `: ` must be in quotes)",
    );
  });

  it("names an alias to no anchor", () => {
    const result = readPost("---\ntitle: *nope\n---\nx\n");
    expect(result.ok ? "" : result.problems[0]?.message).toBe(
      "expected valid YAML, found an error: the alias *nope names no anchor (&nope) before it",
    );
  });

  it("refuses an alias bomb at once, before any value is built (issue 16)", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 9; level++)
      levels.push(
        `l${level}: &l${level} [${Array(9)
          .fill(level === 1 ? "*a" : `*l${level - 1}`)
          .join(", ")}]`,
      );
    // Expanded, this is 9^9 copies of x; the test's own time-out is the bound.
    const result = readPost(`---\n${levels.join("\n")}\n---\nx\n`);
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toContain(
      "expected at most 10 YAML aliases (*name), found more",
    );
  });

  it("reads old-Mac CR line endings like LF: the body is not lost (issue 16)", () => {
    const result = readPost("---\rtitle: Hello\rdate: 2024-01-01\r---\rBody line.\r");
    expect(result.ok && result.post.body).toBe("Body line.\n");
  });

  it("reads every post of the site and of the tests as `yaml` reads it", () => {
    const files = [...markdownFiles("posts"), ...markdownFiles("tests/fixtures")];
    let compared = 0;
    for (const file of files) {
      const text = normaliseText(readFileSync(file, "utf8"));
      const close = text.indexOf("\n---\n", 3);
      if (!text.startsWith("---\n") || close === -1) continue;
      const doc = parseDocument(text.slice(4, close), { uniqueKeys: true, schema: "core" });
      const result = readPost(text);
      if (doc.errors.length > 0 || !result.ok) continue;
      expect(result.post.data, file).toEqual(doc.toJS() ?? {});
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => path.join(dir, name));
}

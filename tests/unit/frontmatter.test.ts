import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { normaliseText, readPost } from "../../lib/frontmatter.ts";

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
    ["an unclosed quote, at the field where it opens", '---\ntitle: Fine\ndescription: "never closed\ntags: [a]\n---\nx\n', ["3:14: description"]],
    ["an unclosed list, at the field where it opens", "---\ntitle: Fine\ntags: [a, b\ndate: 2024-01-01\n---\nx\n", ["3:7: tags"]],
    ["a colon in unquoted text", "---\ntitle: Breaking: news\n---\nx\n", ["2:8: title"]],
    ["a field given twice", "---\ntitle: One\ntitle: Two\n---\nx\n", ["3:1: title"]],
    ["no opening line", "title: x\n---\nx\n", ["1:1: frontmatter"]],
    ["no closing line", "---\ntitle: x\n\nBody.\n", ["1:1: frontmatter"]],
    ["a list instead of fields", "---\n- a\n- b\n---\nx\n", ["2:1: frontmatter"]],
    // Refused by js-yaml, which reads the posts, and accepted by `yaml`: js-yaml's reason, at the field.
    ["an unknown tag", "---\ntitle: Fine\ndescription: !custom x\n---\nx\n", ["3:22: description"]],
    // `yaml` only fails on this when asked for the values, with an exception.
    ["an alias to no anchor", "---\ntitle: *nope\n---\nx\n", ["2:8: title"]],
  ])("reports %s", (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it("says what YAML expected and what it found", () => {
    const result = readPost("---\ntitle: Breaking: news\n---\nx\n");
    expect(result.ok ? "" : result.problems[0]?.message).toBe(
      "expected valid YAML, found an error: Nested mappings are not allowed in compact mappings (text containing `: ` must be in quotes)",
    );
  });

  it("names js-yaml's reason where `yaml` sees nothing wrong", () => {
    const result = readPost("---\ntitle: *nope\n---\nx\n");
    expect(result.ok ? "" : result.problems[0]?.message).toBe('expected valid YAML, found an error: unidentified alias "nope"');
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
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md")).map((name) => path.join(dir, name));
}

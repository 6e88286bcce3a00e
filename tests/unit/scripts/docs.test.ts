/**
 * WRITING.md's frontmatter table is generated from lib/content/schema.ts; this keeps
 * them from drifting, and checks the table against what validation does.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { frontmatterFields, frontmatterSchema } from "../../../lib/content/schema.ts";
import { updateGuide } from "../../../scripts/docs.ts";

const guide = readFileSync(new URL("../../../WRITING.md", import.meta.url), "utf8");

/** The generated table's rows, between its markers (other tables in the guide are not the schema's): field name → cells. */
function tableRows(): Map<string, string[]> {
  const table = guide.slice(guide.indexOf("<!-- frontmatter-table:start"), guide.indexOf("<!-- frontmatter-table:end"));
  const rows = table.split("\n").filter((line) => line.startsWith("| `"));
  return new Map(
    rows.map((row) => {
      const cells = row.split(" | ").map((cell) => cell.replace(/^\| /, "").replace(/ \|$/, ""));
      return [(cells[0] ?? "").replace(/`/g, ""), cells];
    }),
  );
}

// Dated like the `date` example, so the `updated` example (a day later) is consistent with it.
const VALID = { title: "A headline", date: "2018-06-14", description: "A summary." };

describe("WRITING.md", () => {
  it("has the frontmatter table npm run docs would generate from the schema now", () => {
    // If this fails: run `npm run docs` and commit WRITING.md.
    expect(guide).toBe(updateGuide(guide));
  });

  it("lists every field the schema accepts, and no other", () => {
    expect([...tableRows().keys()]).toEqual(frontmatterFields);
  });

  it("marks a field required exactly when validation fails without it", () => {
    for (const [field, cells] of tableRows()) {
      const without: Record<string, unknown> = { ...VALID };
      delete without[field];
      expect(cells[1] === "**required**", field).toBe(!frontmatterSchema.safeParse(without).success);
    }
  });

  it("gives, for every field, an example that validation accepts", () => {
    for (const [field, cells] of tableRows()) {
      const example = /^`[a-z]+: (.*)`$/.exec(cells[5] ?? "")?.[1];
      expect(example, field).toBeDefined();
      const parsed = frontmatterSchema.safeParse({ ...VALID, ...yamlField(field, example!) });
      expect(parsed.success, `${field}: ${example} → ${parsed.error?.message}`).toBe(true);
    }
  });
});

/** An example as it would sit in a post's frontmatter. */
function yamlField(field: string, value: string): Record<string, unknown> {
  return parse(`${field}: ${value}`, { schema: "core" }) as Record<string, unknown>;
}

// lib/checks/known-fields.ts: the keys the frontmatter schema accepts at a path, read from the schema, for "did you mean" at any depth.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { knownFields } from "../../../lib/checks/known-fields.ts";
import { frontmatterFields, frontmatterSchema } from "../../../lib/content/schema.ts";

describe("knownFields", () => {
  it("gives the top-level fields, in the schema's order", () => {
    expect(knownFields(frontmatterSchema, [])).toEqual(frontmatterFields);
  });

  it("looks through an optional mapping, and through a list to its items", () => {
    expect(knownFields(frontmatterSchema, ["image"])).toEqual(["src", "alt", "decorative", "caption", "credit"]);
    expect(knownFields(frontmatterSchema, ["corrections", 3])).toEqual(["date", "kind", "text"]);
  });

  it("looks through defaults and transforms", () => {
    const schema = z.object({ a: z.object({ b: z.string() }).default({ b: "x" }), c: z.string().transform(Number) });
    expect(knownFields(schema, ["a"])).toEqual(["b"]);
    expect(knownFields(schema, ["c"])).toEqual([]);
  });

  it("has none where the schema holds no mapping", () => {
    expect(knownFields(frontmatterSchema, ["title"])).toEqual([]);
    expect(knownFields(frontmatterSchema, ["tags", 0])).toEqual([]);
    expect(knownFields(frontmatterSchema, ["corrections", "date"])).toEqual([]);
    expect(knownFields(frontmatterSchema, ["nothing", "here"])).toEqual([]);
  });
});

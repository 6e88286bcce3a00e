// lib/content/listed-fields.ts: the fields are the schema's, so a misspelt one
// does not type-check (tsc runs over the tests), and what the neighbours show
// is among what the listings show.
import { describe, expect, it } from "vitest";
import { LISTED_FIELDS, type ListedFields, listedFields, neighbourFields } from "../../../lib/content/listed-fields.ts";
import { frontmatterFields } from "../../../lib/content/schema.ts";

describe("the listed fields", () => {
  it("are frontmatter fields of the schema", () => {
    expect(frontmatterFields).toEqual(expect.arrayContaining(listedFields));
    // @ts-expect-error `titel` is no field of the schema.
    const misspelt = { titel: "listings" } satisfies ListedFields;
    expect(misspelt).toBeDefined();
  });

  it("name the neighbours' fields among the listings'", () => {
    expect(listedFields).toEqual(expect.arrayContaining(neighbourFields));
    expect(neighbourFields).toContain("title");
    expect(Object.keys(LISTED_FIELDS)).toEqual(listedFields);
  });
});

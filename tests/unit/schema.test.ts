import { describe, expect, it } from "vitest";
import { frontmatterSchema, parsePostDate } from "../../lib/schema.ts";

const base = { title: "A headline", date: "2024-01-01", description: "A summary." };
const issues = (data: Record<string, unknown>) => {
  const result = frontmatterSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("post dates", () => {
  it.each([
    ["2018-06-14", "2018-06-14T00:00:00.000Z"],
    ["2018-06-14T09:30:00-04:00", "2018-06-14T13:30:00.000Z"],
    ["2018-06-14T09:30Z", "2018-06-14T09:30:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
  ])("accepts %s", (text, iso) => {
    expect(parsePostDate(text)?.toISOString()).toBe(iso);
  });

  it.each(["June 14, 2018", "14/06/2018", "06/14/2018", "2018-6-14", "2018-02-30", "2023-02-29", "2018-06-14T09:30:00", "tomorrow", ""])(
    "refuses %j",
    (text) => {
      expect(parsePostDate(text)).toBeUndefined();
      expect(issues({ ...base, date: text })).toEqual(["date: a date like 2018-06-14 or 2018-06-14T09:30:00-04:00"]);
    },
  );
});

describe("the schema", () => {
  it("fills defaults: no tags, not a draft", () => {
    const data = frontmatterSchema.parse(base);
    expect(data.tags).toEqual([]);
    expect(data.draft).toBe(false);
    expect(data.date).toEqual(new Date("2024-01-01T00:00:00Z"));
  });

  it.each([
    ["draft as quoted text", { draft: "false" }, ["draft: true or false (not in quotes)"]],
    ["draft as yes", { draft: "yes" }, ["draft: true or false (not in quotes)"]],
    ["tags as one string", { tags: "politics" }, ["tags: a list of tags, like [politics, courts]"]],
    ["a tag with nothing to slug", { tags: ["ok", "???"] }, ["tags.1: a tag with letters or digits (it becomes part of a URL)"]],
    ["an empty title", { title: "  " }, ["title: a non-empty headline"]],
    ["a typo", { tittle: "x" }, [': Unrecognized key: "tittle"']],
  ])("refuses %s", (_name, extra, expected) => {
    expect(issues({ ...base, ...extra })).toEqual(expected);
  });
});

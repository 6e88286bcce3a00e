import { describe, expect, it } from "vitest";
import { LIMITS } from "../../../lib/content/limits.ts";
import { frontmatterSchema, parsePostDate } from "../../../lib/content/schema.ts";

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
    // YAML timestamps as Jekyll and Hugo posts write them; no zone is UTC.
    ["2018-06-14 09:30:00+00:00", "2018-06-14T09:30:00.000Z"],
    ["2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.100Z"],
    ["2018-06-14T09:30:00", "2018-06-14T09:30:00.000Z"],
  ])("accepts %s", (text, iso) => {
    expect(parsePostDate(text)?.toISOString()).toBe(iso);
    expect(frontmatterSchema.parse({ ...base, date: text, updated: text }).updated?.toISOString()).toBe(iso);
  });

  it.each(["June 14, 2018", "14/06/2018", "06/14/2018", "2018-6-14", "2018-06-14T09:30", "tomorrow", ""])("refuses %j", (text) => {
    expect(parsePostDate(text)).toBeUndefined();
    expect(issues({ ...base, date: text })).toEqual(["date: a date like 2018-06-14 or 2018-06-14T09:30:00-04:00"]);
  });

  it.each([
    ["a year 0, which no feed reader can parse", "0000-01-01", "a year from 1800 to 2200"],
    ["a far-future typo", "2918-06-14", "a year from 1800 to 2200"],
    ["30 February with a time", "2018-02-30T10:00:00Z", "a day from 1 to 28 for February 2018"],
    ["31 April with a time", "2018-04-31 09:00:00", "a day from 1 to 30 for April 2018"],
    ["29 February in a common year", "2023-02-29", "a day from 1 to 28 for February 2023"],
    ["hour 24", "2018-06-14T24:00:00Z", "an hour from 0 to 23"],
    ["minute 60", "2018-06-14T09:60:00Z", "minutes from 0 to 59"],
    ["an offset past 14 hours", "2018-06-14T09:30:00+14:30", "a time zone offset from -14:00 to +14:00"],
  ])("refuses %s, in date and in updated", (_name, text, message) => {
    expect(issues({ ...base, date: text })).toEqual([`date: ${message}`]);
    expect(issues({ ...base, updated: text })).toEqual([`updated: ${message}`]);
  });

  it("still refuses a revision before publication", () => {
    expect(issues({ ...base, updated: "2023-12-31 23:00:00 -2" })).toEqual([]);
    expect(issues({ ...base, updated: "2023-12-31 23:00:00" })).toEqual(["updated: a date no earlier than the post's `date`"]);
  });
});

describe("limits, each named in its message", () => {
  const tags = (count: number, name = (i: number) => `topic ${i}`) => Array.from({ length: count }, (_, i) => name(i));

  it.each([
    ["20 tags", { tags: tags(LIMITS.tagsPerPost) }],
    ["a tag of 60 characters, and blanks trimmed off", { tags: [` ${"t".repeat(LIMITS.tagLength)} `] }],
    ["one author's key", { author: "jane-doe" }],
    [`${LIMITS.authorsPerPost} authors' keys`, { author: Array.from({ length: LIMITS.authorsPerPost }, (_, i) => `writer-${i}`) }],
  ])("accepts %s", (_name, extra) => {
    expect(issues({ ...base, ...extra })).toEqual([]);
  });

  it.each([
    ["21 tags", { tags: tags(LIMITS.tagsPerPost + 1) }, ["tags: at most 20 tags"]],
    ["a tag of 61 characters", { tags: ["ok", "t".repeat(LIMITS.tagLength + 1)] }, ["tags.1: a tag of at most 60 characters"]],
    ["a 300-character tag", { tags: ["x".repeat(300)] }, ["tags.0: a tag of at most 60 characters"]],
    [
      `${LIMITS.authorsPerPost + 1} authors' keys`,
      { author: Array.from({ length: LIMITS.authorsPerPost + 1 }, (_, i) => `writer-${i}`) },
      [`author: at most ${LIMITS.authorsPerPost} authors`],
    ],
    ["an empty list of authors", { author: [] }, ["author: at least one author's key, or no author line"]],
    [
      "a name where a key belongs, in a list",
      { author: ["jane-doe", "Sam Lee"] },
      ["author.1: a key of lowercase letters, digits and single hyphens, like jane-doe"],
    ],
  ])("refuses %s", (_name, extra, expected) => {
    expect(issues({ ...base, ...extra })).toEqual(expected);
  });

  it("refuses 10,000 tags for their number, without reading one of them", () => {
    // Each of these tags alone is an error; one issue means none was parsed.
    expect(issues({ ...base, tags: tags(10_000, () => "???") })).toEqual(["tags: at most 20 tags"]);
  });
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

describe("corrections (issue 19)", () => {
  const corrections = (...items: Record<string, unknown>[]) => ({ ...base, corrections: items });

  it("reads each date as `date` is read, and makes an item a correction unless it says update", () => {
    const data = frontmatterSchema.parse(
      corrections(
        { date: "2024-01-02", text: " An earlier version misnamed the mayor. " },
        { date: "2024-01-03 09:30:00 +01:00", kind: "update", text: "The mayor has replied." },
      ),
    );
    expect(data.corrections).toEqual([
      { date: new Date("2024-01-02T00:00:00Z"), kind: "correction", text: "An earlier version misnamed the mayor." },
      { date: new Date("2024-01-03T08:30:00Z"), kind: "update", text: "The mayor has replied." },
    ]);
    expect(frontmatterSchema.parse(base).corrections).toBeUndefined();
  });

  it("accepts a correction dated the moment the story was published", () => {
    expect(issues(corrections({ date: "2024-01-01", text: "Fixed at once." }))).toEqual([]);
  });

  it("refuses a correction dated before the story, each at its own item, along with any other problem", () => {
    expect(
      issues({
        ...corrections(
          { date: "2024-01-05", text: "Fine." },
          { date: "2023-12-31T23:59:59Z", text: "Too early." },
          { date: "x", text: "" },
        ),
        title: "",
      }),
    ).toEqual([
      "title: a non-empty headline",
      "corrections.2.date: a date like 2018-06-14 or 2018-06-14T09:30:00-04:00",
      "corrections.2.text: a non-empty text saying what changed",
      "corrections.1.date: a date no earlier than the post's `date`",
    ]);
  });

  it.each([
    [
      "a list of text",
      { corrections: ["Fixed."] },
      ["corrections.0: a correction like { date: 2018-06-15, text: An earlier version misstated the bridge's length. }"],
    ],
    [
      "one mapping, not a list",
      { corrections: { date: "2024-01-02", text: "x" } },
      ["corrections: a list of corrections, each a `- date:` line with its `text:` below"],
    ],
    [
      "an unknown kind",
      { corrections: [{ date: "2024-01-02", kind: "erratum", text: "x" }] },
      ["corrections.0.kind: `correction` (the default) or `update`"],
    ],
    ["no date", { corrections: [{ text: "x" }] }, ["corrections.0.date: a date like 2018-06-14 or 2018-06-14T09:30:00-04:00"]],
    [
      "text too long",
      { corrections: [{ date: "2024-01-02", text: "x".repeat(LIMITS.correctionLength + 1) }] },
      [`corrections.0.text: a text of at most ${LIMITS.correctionLength} characters`],
    ],
    [
      "too many",
      { corrections: Array.from({ length: LIMITS.correctionsPerPost + 1 }, () => ({ date: "2024-01-02", text: "x" })) },
      [`corrections: at most ${LIMITS.correctionsPerPost} corrections and updates`],
    ],
  ])("refuses %s", (_name, extra, expected) => {
    expect(issues({ ...base, ...extra })).toEqual(expected);
  });
});

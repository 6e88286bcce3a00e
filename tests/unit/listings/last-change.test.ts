// lib/listings/last-change.ts: a post last changed at its revision if later than its publication, a listing at its newest post's change.
import { describe, expect, it } from "vitest";
import { lastChange, newestChange } from "../../../lib/listings/last-change.ts";
import { storedPost } from "../../support/unit-fixtures.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("lastChange", () => {
  it("is the publication date of a post never revised", () => {
    expect(lastChange(storedPost("a", { date: day("2024-06-01") }))).toEqual(day("2024-06-01"));
  });

  it("is the revision date of a post revised after publication", () => {
    expect(lastChange(storedPost("a", { date: day("2024-06-01") }, { updated: day("2024-06-03") }))).toEqual(day("2024-06-03"));
  });

  it("never goes back before publication, whatever the revision date says", () => {
    expect(lastChange(storedPost("a", { date: day("2024-06-01") }, { updated: day("2024-05-01") }))).toEqual(day("2024-06-01"));
    expect(lastChange(storedPost("a", { date: day("2024-06-01") }, { updated: day("2024-06-01") }))).toEqual(day("2024-06-01"));
  });
});

describe("newestChange", () => {
  const item = (date: string, updated?: string) => ({
    post: storedPost(date, { date: day(date) }, { updated: updated ? day(updated) : undefined }),
  });

  it("has no date for an empty listing", () => {
    expect(newestChange([])).toBeUndefined();
  });

  it("is the latest change of any item, in any order", () => {
    expect(newestChange([item("2024-01-01"), item("2024-03-01"), item("2024-02-01")])).toEqual(day("2024-03-01"));
  });

  it("counts an older post's revision when it is the latest change", () => {
    expect(newestChange([item("2024-03-01"), item("2024-01-01", "2024-04-15")])).toEqual(day("2024-04-15"));
  });
});

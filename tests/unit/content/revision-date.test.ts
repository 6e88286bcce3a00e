// lib/content/revision-date.ts: a post's last revision, from `updated` or git, moved forward by its newest correction, never back.
import { describe, expect, it } from "vitest";
import { newestCorrection, revisionDate } from "../../../lib/content/revision-date.ts";
import type { Correction } from "../../../lib/content/schema.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const correction = (iso: string, kind: Correction["kind"] = "correction"): Correction => ({ date: day(iso), kind, text: "x" });
const published = day("2024-06-01");

describe("newestCorrection", () => {
  it("is the latest date of any kind, whatever the order written, and none without corrections", () => {
    expect(
      newestCorrection({ corrections: [correction("2024-06-05", "update"), correction("2024-06-09"), correction("2024-06-03")] }),
    ).toEqual(day("2024-06-09"));
    expect(newestCorrection({ corrections: [] })).toBeUndefined();
    expect(newestCorrection({})).toBeUndefined();
  });
});

describe("revisionDate", () => {
  it("is `updated`, else a commit after publication, else none, for a story never corrected", () => {
    expect(revisionDate({ date: published, updated: day("2024-06-04") }, day("2024-06-08"))).toEqual(day("2024-06-04"));
    expect(revisionDate({ date: published }, day("2024-06-08"))).toEqual(day("2024-06-08"));
    expect(revisionDate({ date: published }, day("2024-05-30"))).toBeUndefined();
    expect(revisionDate({ date: published }, undefined)).toBeUndefined();
  });

  it("moves forward to the newest correction or update, past `updated` and git alike", () => {
    const corrections = [correction("2024-06-03"), correction("2024-06-10", "update")];
    expect(revisionDate({ date: published, corrections }, undefined)).toEqual(day("2024-06-10"));
    expect(revisionDate({ date: published, updated: day("2024-06-04"), corrections }, undefined)).toEqual(day("2024-06-10"));
    expect(revisionDate({ date: published, corrections }, day("2024-06-07"))).toEqual(day("2024-06-10"));
  });

  it("never moves back: a later `updated` or commit stands", () => {
    const corrections = [correction("2024-06-03")];
    expect(revisionDate({ date: published, updated: day("2024-06-04"), corrections }, undefined)).toEqual(day("2024-06-04"));
    expect(revisionDate({ date: published, corrections }, day("2024-06-07"))).toEqual(day("2024-06-07"));
  });
});

// lib/render/dates.ts: dates as pages write them.
import { describe, expect, it } from "vitest";
import { isoDate, readableDate } from "../../../lib/render/dates.ts";

describe("date filters", () => {
  it("formats in UTC so a date-only post never shifts a day", () => {
    const date = new Date("2018-06-14T00:00:00Z");
    expect(readableDate(date)).toBe("June 14, 2018");
    expect(isoDate(date)).toBe("2018-06-14T00:00:00.000Z");
  });
});

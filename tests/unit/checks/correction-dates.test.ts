// lib/checks/correction-dates.ts: a post's correction dates noted with their lines, whatever else is wrong, and judged against the run's time.
import { describe, expect, it } from "vitest";
import { correctionDates, futureCorrectionProblems } from "../../../lib/checks/correction-dates.ts";

const at = (field: string) => ({ line: Number(field.split(".")[1]) + 10, column: 5 });

describe("correctionDates", () => {
  it("reads each written date as `date` is read, at its item's line", () => {
    const data = {
      corrections: [
        { date: "2024-03-02", text: "x" },
        { date: "2024-03-03 10:00:00 -2", kind: "update" },
      ],
    };
    expect(correctionDates(data, at)).toEqual([
      { field: "corrections.0.date", line: 10, column: 5, date: new Date("2024-03-02T00:00:00Z"), written: "2024-03-02" },
      { field: "corrections.1.date", line: 11, column: 5, date: new Date("2024-03-03T12:00:00Z"), written: "2024-03-03 10:00:00 -2" },
    ]);
  });

  it("leaves out what the schema refuses on its own: no date, an impossible one, an item that is no mapping", () => {
    const data = { corrections: [{ text: "x" }, { date: "2024-02-30" }, "2024-03-02", null, { date: "2024-03-04" }] };
    expect(correctionDates(data, at).map((found) => found.field)).toEqual(["corrections.4.date"]);
    expect(correctionDates({ corrections: "2024-03-02" }, at)).toEqual([]);
    expect(correctionDates({}, at)).toEqual([]);
  });
});

describe("futureCorrectionProblems", () => {
  const now = new Date("2024-06-15T12:00:00Z");
  const outcome = {
    problems: [],
    correctionDates: correctionDates(
      { corrections: [{ date: "2024-06-15T12:00:00Z" }, { date: "2024-06-15T12:00:01Z" }, { date: "2199-01-01" }] },
      at,
    ),
  };

  it("refuses each correction dated after the run's time, at its line, with the date as written", () => {
    expect(futureCorrectionProblems("posts/a.md", outcome, now)).toEqual([
      {
        file: "posts/a.md",
        line: 11,
        column: 5,
        field: "corrections.1.date",
        message: 'expected a date that has passed (a correction is dated when it is published), found the text "2024-06-15T12:00:01Z"',
      },
      expect.objectContaining({ line: 12, field: "corrections.2.date" }),
    ]);
  });

  it("accepts them all once their time has come, and an outcome without corrections", () => {
    expect(futureCorrectionProblems("posts/a.md", outcome, new Date("2199-01-01T00:00:00Z"))).toEqual([]);
    expect(futureCorrectionProblems("posts/a.md", { problems: [] }, now)).toEqual([]);
  });
});

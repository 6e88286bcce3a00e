/**
 * Post dates as the YAML timestamp type defines them
 * (https://yaml.org/type/timestamp.html), and every date that cannot exist
 * refused with what is wrong, not rolled over to another day.
 */
import { describe, expect, it } from "vitest";
import { DATE_HINT, monthName, parsePostDate, readPostDate } from "../../../lib/content/post-date.ts";

describe("dates in every form YAML defines, and the forms accepted before", () => {
  it.each([
    // The examples of the YAML timestamp type.
    ["2001-12-14t21:59:43.10-05:00", "2001-12-15T02:59:43.100Z"],
    ["2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.100Z"],
    ["2001-12-15 2:59:43.10", "2001-12-15T02:59:43.100Z"],
    ["2001-12-15T02:59:43.1Z", "2001-12-15T02:59:43.100Z"],
    ["2002-12-14", "2002-12-14T00:00:00.000Z"],
    // As Jekyll and Hugo posts write them.
    ["2018-06-14 09:30:00+00:00", "2018-06-14T09:30:00.000Z"],
    ["2018-06-14 09:30:00 +02:00", "2018-06-14T07:30:00.000Z"],
    ["2018-06-14\t09:30:00", "2018-06-14T09:30:00.000Z"],
    ["2018-6-4 9:05:00", "2018-06-04T09:05:00.000Z"],
    ["2018-06-14T09:30:00", "2018-06-14T09:30:00.000Z"],
    ["2018-06-14T09:30:00.123456789Z", "2018-06-14T09:30:00.123Z"],
    ["2018-06-14T09:30:00.Z", "2018-06-14T09:30:00.000Z"],
    // Accepted before: a time without seconds, with its zone.
    ["2018-06-14T09:30Z", "2018-06-14T09:30:00.000Z"],
    ["2018-06-14T09:30:00-04:00", "2018-06-14T13:30:00.000Z"],
    ["2018-06-14T09:30+05:30", "2018-06-14T04:00:00.000Z"],
    // Calendar and range edges that exist.
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
    ["2000-02-29T12:00:00Z", "2000-02-29T12:00:00.000Z"],
    ["2018-12-31T23:59:59Z", "2018-12-31T23:59:59.000Z"],
    ["2018-06-14T00:00:00+14:00", "2018-06-13T10:00:00.000Z"],
    ["2018-06-14T00:00:00-14:00", "2018-06-14T14:00:00.000Z"],
    ["1800-01-01", "1800-01-01T00:00:00.000Z"],
    ["2200-12-31", "2200-12-31T00:00:00.000Z"],
  ])("reads %j as %s", (text, iso) => {
    expect(parsePostDate(text)?.toISOString()).toBe(iso);
  });
});

describe("text that is not a date in any accepted form", () => {
  it.each([
    "June 14, 2018",
    "14/06/2018",
    "06/14/2018",
    "2018-6-14",
    "20180614",
    "tomorrow",
    "",
    // A time with neither seconds nor zone: in neither YAML nor the forms accepted before.
    "2018-06-14T09:30",
    "2018-06-14 09:30",
    "2018-06-14T09:30:00+0530",
    "2018-06-14T09:30:00+05:3",
    "2018-06-14T09:30:00z",
    "2018-06-14T09:30:00 ",
    " 2018-06-14",
    "2018-06-14T",
    "2018-06-14T093000Z",
    "12018-06-14",
    "018-06-14",
  ])("refuses %j with the forms to use", (text) => {
    expect(readPostDate(text)).toEqual({ problem: DATE_HINT });
  });
});

describe("dates and times that cannot exist", () => {
  it.each([
    ["0000-01-01", "a year from 1800 to 2200"],
    ["0000-01-01T00:00:00Z", "a year from 1800 to 2200"],
    ["1799-12-31", "a year from 1800 to 2200"],
    ["2201-01-01 00:00:00", "a year from 1800 to 2200"],
    ["9999-12-31T23:59:59Z", "a year from 1800 to 2200"],
    ["2018-00-10", "a month from 1 to 12"],
    ["2018-13-01T00:00:00Z", "a month from 1 to 12"],
    ["2018-02-30", "a day from 1 to 28 for February 2018"],
    ["2018-02-30T10:00:00Z", "a day from 1 to 28 for February 2018"],
    ["2018-04-31 09:00:00", "a day from 1 to 30 for April 2018"],
    ["2023-02-29T09:30Z", "a day from 1 to 28 for February 2023"],
    ["1900-02-29T00:00:00Z", "a day from 1 to 28 for February 1900"],
    ["2024-02-30", "a day from 1 to 29 for February 2024"],
    ["2018-06-00", "a day from 1 to 30 for June 2018"],
    ["2018-01-32", "a day from 1 to 31 for January 2018"],
    ["2018-06-14T24:00:00Z", "an hour from 0 to 23"],
    ["2018-06-14 99:00:00", "an hour from 0 to 23"],
    ["2018-06-14T09:60Z", "minutes from 0 to 59"],
    ["2018-06-14T23:59:60Z", "seconds from 0 to 59"],
    ["2018-06-14T09:30:00+14:01", "a time zone offset from -14:00 to +14:00"],
    ["2018-06-14T09:30:00-15", "a time zone offset from -14:00 to +14:00"],
    ["2018-06-14T09:30:00+05:60", "a time zone offset from -14:00 to +14:00"],
    ["2018-06-14 09:30:00 +99", "a time zone offset from -14:00 to +14:00"],
  ])("refuses %j: expected %s", (text, problem) => {
    expect(readPostDate(text)).toEqual({ problem });
    expect(parsePostDate(text)).toBeUndefined();
  });
});

describe("month names, written once for messages and the archive alike", () => {
  it("names each month in English by default, and in a site's language when given one", () => {
    expect(Array.from({ length: 12 }, (_, index) => monthName(index + 1))).toEqual([
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ]);
    expect(monthName(6, "en-GB")).toBe("June");
    expect(monthName(6, "fr")).toBe("juin");
  });
});

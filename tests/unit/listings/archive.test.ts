// lib/listings/archive.ts: newest-first posts grouped by UTC month under years, each month a page linked to the months either side.
import { describe, expect, it } from "vitest";
import { groupByMonth, groupByYear, monthPages } from "../../../lib/listings/archive.ts";
import { addresses } from "../../../lib/site/addresses.ts";
import { storedPost } from "../../support/unit-fixtures.ts";

const item = (slug: string, iso: string, updated?: string) => ({
  post: storedPost(slug, { date: new Date(iso) }, { updated: updated ? new Date(updated) : undefined }),
});
const dateOf = (each: ReturnType<typeof item>) => each.post.data.date;

// Newest first, across a year boundary and a month boundary that local time would move.
const items = [
  item("new-year", "2024-01-01T00:30:00Z"),
  item("late-december", "2023-12-31T23:30:00Z"),
  item("first-of-december", "2023-12-01T00:00:00Z"),
  item("march-end", "2023-03-31T23:59:59Z"),
  item("april-in-tokyo", "2023-04-01T08:00:00+09:00"),
];

describe("groupByMonth", () => {
  it("starts a group at each new UTC month, keeping the items' order", () => {
    const months = groupByMonth(items, dateOf);
    expect(months.map((month) => [month.year, month.month, month.items.map((each) => each.post.slug)])).toEqual([
      [2024, 1, ["new-year"]],
      [2023, 12, ["late-december", "first-of-december"]],
      [2023, 3, ["march-end", "april-in-tokyo"]],
    ]);
  });

  it("makes no group of an empty list", () => {
    expect(groupByMonth([], dateOf)).toEqual([]);
  });
});

describe("groupByYear", () => {
  it("gathers the months under their years, newest first", () => {
    const years = groupByYear(groupByMonth(items, dateOf));
    expect(years.map((year) => [year.year, year.months.map((month) => month.month)])).toEqual([
      [2024, [1]],
      [2023, [12, 3]],
    ]);
  });
});

describe("monthPages", () => {
  const pages = monthPages(groupByMonth(items, dateOf));

  it("gives each month its archive address", () => {
    expect(pages.map((page) => page.url)).toEqual([
      addresses.archiveMonth(2024, 1),
      addresses.archiveMonth(2023, 12),
      addresses.archiveMonth(2023, 3),
    ]);
  });

  it("links each month to the next newer and older months that have posts, and none past the ends", () => {
    const link = (year: number, month: number) => ({ year, month, url: addresses.archiveMonth(year, month) });
    expect(pages.map((page) => [page.newer, page.older])).toEqual([
      [undefined, link(2023, 12)],
      [link(2024, 1), link(2023, 3)],
      [link(2023, 12), undefined],
    ]);
  });

  it("dates each month by the newest change among its posts, revisions included", () => {
    const revised = monthPages(
      groupByMonth([item("b", "2023-12-20T00:00:00Z"), item("a", "2023-12-02T00:00:00Z", "2024-02-01T00:00:00Z")], dateOf),
    );
    expect(revised[0]?.lastModified).toEqual(new Date("2024-02-01T00:00:00Z"));
    expect(pages[1]?.lastModified).toEqual(new Date("2023-12-31T23:30:00Z"));
  });

  it("keeps the month's items and numbers", () => {
    expect(pages[2]).toMatchObject({ year: 2023, month: 3, items: [items[3], items[4]] });
  });

  it("has one page with no neighbours for a single month", () => {
    const [only] = monthPages(groupByMonth([items[0]!], dateOf));
    expect([only?.newer, only?.older]).toEqual([undefined, undefined]);
  });
});

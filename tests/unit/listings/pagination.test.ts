// lib/listings/pagination.ts: a sorted list cut into pages that cover it once, and a short list of page links with gaps.
import { describe, expect, it } from "vitest";
import paginationPlugin, { pageLinks, paginate, type Page, type PageLink } from "../../../lib/listings/pagination.ts";
import { addresses } from "../../../lib/site/addresses.ts";
import { filterOf, recordingConfig } from "../../support/unit-fixtures.ts";

const BASE = addresses.tag("Courts");
const numbers = (links: PageLink[]) => links.map((link) => ("gap" in link ? "…" : link.current ? `[${link.pageNumber}]` : link.pageNumber));

describe("paginate", () => {
  it("cuts a list into pages of the size asked, the last one holding the rest", () => {
    const pages = paginate([1, 2, 3, 4, 5, 6, 7], 3, BASE);
    expect(pages.map((page) => page.items)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(pages.map((page) => [page.pageNumber, page.totalPages, page.baseUrl])).toEqual([
      [1, 3, BASE],
      [2, 3, BASE],
      [3, 3, BASE],
    ]);
  });

  it("makes no empty page after a list that fills its pages exactly", () => {
    expect(paginate([1, 2, 3, 4], 2, BASE).map((page) => page.items)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("gives an empty list one empty page, to say there is nothing", () => {
    expect(paginate([], 10, BASE)).toEqual([{ items: [], pageNumber: 1, totalPages: 1, url: BASE, baseUrl: BASE }]);
  });

  it("gives page 1 the listing's own address and every page its own", () => {
    const pages = paginate([1, 2, 3], 1, BASE);
    expect(pages[0]?.url).toBe(BASE);
    expect(pages.map((page) => page.url)).toEqual([1, 2, 3].map((number) => addresses.listingPage(BASE, number)));
    expect(new Set(pages.map((page) => page.url)).size).toBe(3);
  });

  it.each([0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses a page size of %s", (size) => {
    expect(() => paginate([1], size, BASE)).toThrow(/^Page size must be a positive whole number, found /);
  });
});

describe("pageLinks", () => {
  it("links the first, the last, and two pages either side of the current one, with gaps between", () => {
    expect(numbers(pageLinks(10, 20, BASE))).toEqual([1, "…", 8, 9, "[10]", 11, 12, "…", 20]);
  });

  it("puts no gap where the window meets either end", () => {
    expect(numbers(pageLinks(1, 10, BASE))).toEqual(["[1]", 2, 3, "…", 10]);
    expect(numbers(pageLinks(4, 10, BASE))).toEqual([1, 2, 3, "[4]", 5, 6, "…", 10]);
    expect(numbers(pageLinks(10, 10, BASE))).toEqual([1, "…", 8, 9, "[10]"]);
    expect(numbers(pageLinks(3, 5, BASE))).toEqual([1, 2, "[3]", 4, 5]);
  });

  it("has one link, the current one, for a single page", () => {
    expect(pageLinks(1, 1, BASE)).toEqual([{ pageNumber: 1, url: BASE, current: true }]);
  });

  it("takes another radius", () => {
    expect(numbers(pageLinks(5, 9, BASE, 0))).toEqual([1, "…", "[5]", "…", 9]);
    expect(numbers(pageLinks(5, 9, BASE, 4))).toEqual([1, 2, 3, 4, "[5]", 6, 7, 8, 9]);
  });

  it("links the same addresses the pages have", () => {
    const pages = paginate(
      Array.from({ length: 50 }, (_, index) => index),
      5,
      BASE,
    );
    for (const link of pageLinks(6, pages.length, BASE)) {
      if (!("gap" in link)) expect(link.url).toBe(pages[link.pageNumber - 1]?.url);
    }
  });

  it("stays short however many pages there are", () => {
    expect(pageLinks(5000, 10_000, BASE)).toHaveLength(9);
  });
});

describe("the pagination plugin", () => {
  it("gives templates the page links of a page", () => {
    const recorded = recordingConfig();
    paginationPlugin(recorded.config);
    const page: Page<number> = paginate([1, 2, 3, 4, 5, 6], 2, BASE)[1]!;
    expect(filterOf(recorded, "pageLinks")(page)).toEqual(pageLinks(2, 3, BASE));
  });
});

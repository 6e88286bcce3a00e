// The collection helpers on thousands of generated posts: right answers, and
// work that grows linearly with the number of posts (counted calls, never time).
import { describe, expect, it } from "vitest";
import { groupByMonth, groupByYear, monthPages } from "../../../lib/listings/archive.ts";
import { groupByTag, neighbours, sortNewestFirst, tagPages } from "../../../lib/listings/collections.ts";
import { listingPages } from "../../../lib/listings/pagination.ts";
import { pageLinks, paginate } from "../../../lib/listings/pagination.ts";
import type { StoredPost } from "../../../lib/content/post-store.ts";

interface Item {
  url: string;
  post: StoredPost;
}

const TAGS = ["Politics", "politics", "Courts", "Science", "Local News", "local news", "Weather"];

/** `count` posts, roughly one every 7 hours, in a shuffled (but reproducible) order. */
function generate(count: number): Item[] {
  const items: Item[] = [];
  for (let index = 0; index < count; index++) {
    const slug = `post-${String(index).padStart(5, "0")}`;
    const date = new Date(Date.UTC(2020, 0, 1) + index * 7 * 3_600_000);
    const tags = [TAGS[index % TAGS.length]!, TAGS[(index * 3 + 1) % TAGS.length]!];
    const post = {
      path: `/posts/${slug}.md`,
      file: `posts/${slug}.md`,
      slug,
      data: { title: slug, date, description: "d", tags, draft: false },
      updated: index % 10 === 0 ? new Date(date.getTime() + 86_400_000) : undefined,
      published: true,
      unpublished: undefined,
      pictureFiles: [] as string[],
    } as StoredPost;
    items.push({ url: `/posts/${slug}/`, post });
  }
  // Deterministic shuffle (LCG), so sorting has real work to do.
  let seed = 42;
  for (let index = items.length - 1; index > 0; index--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const other = seed % (index + 1);
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

function counted<A extends unknown[], R>(fn: (...args: A) => R): { fn: (...args: A) => R; calls: () => number } {
  let calls = 0;
  const wrapped = (...args: A) => {
    calls += 1;
    return fn(...args);
  };
  return { fn: wrapped, calls: () => calls };
}

const N = 3000;
const sorted = sortNewestFirst(generate(N));

describe("sortNewestFirst", () => {
  it("orders newest first and reads each date O(n log n) times", () => {
    let reads = 0;
    const items = generate(N).map((item) => {
      const data = item.post.data;
      const post = { ...item.post };
      Object.defineProperty(post, "data", {
        get: () => {
          reads += 1;
          return data;
        },
      });
      return { ...item, post };
    });
    const result = sortNewestFirst(items);
    for (let index = 1; index < result.length; index++) {
      expect(result[index - 1]!.post.data.date >= result[index]!.post.data.date).toBe(true);
    }
    expect(reads).toBeLessThanOrEqual(4 * N * Math.ceil(Math.log2(N)) + 2 * N);
  });
});

describe("neighbours", () => {
  it("links each post to the next newer and older one, calling the key once per post", () => {
    const key = counted((item: Item) => item.url);
    const map = neighbours(sorted, key.fn);
    expect(key.calls()).toBe(N);
    expect(map.size).toBe(N);
    expect(map.get(sorted[0]!.url)).toEqual({ newer: undefined, older: sorted[1] });
    expect(map.get(sorted[1500]!.url)).toEqual({ newer: sorted[1499], older: sorted[1501] });
    expect(map.get(sorted[N - 1]!.url)).toEqual({ newer: sorted[N - 2], older: undefined });
  });
});

describe("groupByTag", () => {
  it("folds case into one tag per slug, keeps newest-first order, names it by the commonest spelling", () => {
    const tagsOf = counted((item: Item) => item.post.data.tags);
    const groups = groupByTag(sorted, tagsOf.fn);
    expect(tagsOf.calls()).toBe(N);
    expect(groups.map((group) => group.slug)).toEqual(["courts", "local-news", "politics", "science", "weather"]);
    for (const group of groups) {
      const expected = sorted.filter((item) => item.post.data.tags.some((tag) => tag.toLowerCase().replace(" ", "-") === group.slug));
      expect(group.items).toEqual(expected);
      expect(new Set(group.items).size).toBe(group.items.length);
    }
    // "politics" and "Politics" are equally common here; the first spelling met wins a tie.
    const politics = groups.find((group) => group.slug === "politics")!;
    expect(["Politics", "politics"]).toContain(politics.name);
    const skewed = groupByTag(
      [...sorted.slice(0, 3)].map((item, index) => ({ ...item, t: index === 0 ? ["crime"] : ["Crime"] })),
      (item) => item.t,
    );
    expect(skewed[0]!.name).toBe("Crime");
  });

  it("does work proportional to the posts: twice the posts, twice the calls", () => {
    const small = counted((item: Item) => item.post.data.tags);
    const large = counted((item: Item) => item.post.data.tags);
    groupByTag(sorted.slice(0, N / 2), small.fn);
    groupByTag(sorted, large.fn);
    expect(large.calls()).toBe(2 * small.calls());
  });
});

describe("archive grouping", () => {
  it("groups newest-first posts into months under years, reading each date once", () => {
    const dateOf = counted((item: Item) => item.post.data.date);
    const years = groupByYear(groupByMonth(sorted, dateOf.fn));
    expect(dateOf.calls()).toBe(N);
    const flat = years.flatMap((year) => year.months.flatMap((month) => month.items));
    expect(flat).toEqual(sorted);
    expect(years.map((year) => year.year)).toEqual([2022, 2021, 2020]);
    for (const year of years) {
      for (const month of year.months) {
        expect(month.year).toBe(year.year);
        for (const item of month.items) {
          expect(item.post.data.date.getUTCFullYear()).toBe(year.year);
          expect(item.post.data.date.getUTCMonth() + 1).toBe(month.month);
        }
      }
      const months = year.months.map((month) => month.month);
      expect(months).toEqual([...months].sort((a, b) => b - a));
      expect(new Set(months).size).toBe(months.length);
    }
  });
});

describe("archive month pages", () => {
  it("give each month a zero-padded URL and the newest change among its posts", () => {
    const pages = monthPages(groupByMonth(sorted, (item) => item.post.data.date));
    expect(pages.flatMap((page) => page.items)).toEqual(sorted);
    expect(new Set(pages.map((page) => page.url)).size).toBe(pages.length);
    const march = pages.find((page) => page.year === 2021 && page.month === 3)!;
    expect(march.url).toBe("/archive/2021/03/");
    const newest = Math.max(...march.items.map((item) => Math.max(item.post.data.date.getTime(), item.post.updated?.getTime() ?? 0)));
    expect(march.lastModified?.getTime()).toBe(newest);
  });
});

describe("pagination", () => {
  it("splits into pages that cover every post once, with page URLs", () => {
    const pages = paginate(sorted, 10, "/");
    expect(pages).toHaveLength(N / 10);
    expect(pages.flatMap((page) => page.items)).toEqual(sorted);
    expect(pages.map((page) => page.url).slice(0, 3)).toEqual(["/", "/page/2/", "/page/3/"]);
    expect(pages.at(-1)).toMatchObject({ pageNumber: 300, totalPages: 300, url: "/page/300/" });
    expect(paginate(sorted.slice(0, 11), 10, "/tags/x/").map((page) => page.items.length)).toEqual([10, 1]);
    expect(paginate([], 10, "/")).toEqual([{ items: [], pageNumber: 1, totalPages: 1, url: "/", baseUrl: "/" }]);
  });

  it("touches each post a constant number of times", () => {
    const reads = (count: number) => {
      let gets = 0;
      const items = new Proxy(sorted.slice(0, count), {
        get(target, property, receiver) {
          if (typeof property === "string" && /^\d+$/.test(property)) gets += 1;
          return Reflect.get(target, property, receiver);
        },
      });
      paginate(items, 7, "/");
      return gets;
    };
    expect(reads(N)).toBe(2 * reads(N / 2));
    expect(reads(N)).toBeLessThanOrEqual(N);
  });

  it("links a short window of pages however many there are", () => {
    const links = pageLinks(500, 1000, "/");
    expect(links).toEqual([
      { pageNumber: 1, url: "/", current: false },
      { gap: true },
      ...[498, 499, 500, 501, 502].map((n) => ({ pageNumber: n, url: `/page/${n}/`, current: n === 500 })),
      { gap: true },
      { pageNumber: 1000, url: "/page/1000/", current: false },
    ]);
    expect(pageLinks(1, 3, "/tags/x/").map((link) => ("gap" in link ? "…" : link.url))).toEqual([
      "/tags/x/",
      "/tags/x/page/2/",
      "/tags/x/page/3/",
    ]);
    expect(pageLinks(4, 7, "/").some((link) => "gap" in link)).toBe(false);
  });

  it("gives tag pages their own URLs and the newest change on the listing", () => {
    const groups = groupByTag(sorted, (item) => item.post.data.tags);
    const pages = tagPages(groups, 50);
    const courts = groups.find((group) => group.slug === "courts")!;
    const courtPages = pages.filter((page) => page.tag.slug === "courts");
    expect(courtPages).toHaveLength(Math.ceil(courts.items.length / 50));
    expect(courtPages.map((page) => page.url).slice(0, 2)).toEqual(["/tags/courts/", "/tags/courts/page/2/"]);
    const newest = Math.max(...courts.items.map((item) => Math.max(item.post.data.date.getTime(), item.post.updated?.getTime() ?? 0)));
    for (const page of courtPages) expect(page.lastModified?.getTime()).toBe(newest);
    expect(listingPages([], 10, "/")[0]!.lastModified).toBeUndefined();
  });
});

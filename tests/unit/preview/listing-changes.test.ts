// Which listing pages a live-preview rebuild renders: signatures of what each
// page shows, compared with the last build that finished.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { groupByMonth, monthPages } from "../../../lib/listings/archive.ts";
import { listingPages } from "../../../lib/listings/pagination.ts";
import { changedPages, ListingChanges, pageSignature, type SignablePage } from "../../../lib/preview/listing-changes.ts";
import type { StoredPost } from "../../../lib/content/post-store.ts";
import { listedFields } from "../../../lib/content/listed-fields.ts";

interface Item {
  url: string;
  post: StoredPost;
}

function item(slug: string, day: number, overrides: Partial<StoredPost["data"]> = {}, post: Partial<StoredPost> = {}): Item {
  const data = {
    title: `Title ${slug}`,
    date: new Date(Date.UTC(2024, 0, day)),
    description: "About it.",
    tags: ["Courts"],
    draft: false,
    ...overrides,
  };
  return {
    url: `/posts/${slug}/`,
    post: {
      path: `/posts/${slug}.md`,
      file: `posts/${slug}.md`,
      slug,
      data,
      updated: undefined,
      published: true,
      unpublished: undefined,
      pictureFiles: [],
      ...post,
    } as StoredPost,
  };
}

const items = Array.from({ length: 9 }, (_, index) => item(`p${index}`, 28 - index * 3));
const pages = (list: Item[]) => listingPages(list, 3, "/");
const replace = (index: number, replacement: Item) => items.map((each, at) => (at === index ? replacement : each));

describe("pageSignature", () => {
  const base = pages(items)[0]!;
  const signatureWith = (replacement: Item) => pageSignature(pages(replace(0, replacement))[0]!);

  it("changes with anything a listing shows of a post", () => {
    const before = pageSignature(base);
    expect(signatureWith(item("p0", 28, { title: "New title" }))).not.toBe(before);
    expect(signatureWith(item("p0", 27))).not.toBe(before);
    expect(signatureWith(item("p0", 28, { description: "Other." }))).not.toBe(before);
    expect(signatureWith(item("p0", 28, { tags: ["Courts", "Science"] }))).not.toBe(before);
    expect(signatureWith(item("p0", 28, { draft: true }, { unpublished: "draft" }))).not.toBe(before);
    expect(signatureWith({ ...item("p0", 28), url: "/posts/renamed/" })).not.toBe(before);
  });

  it("changes with every field lib/content/listed-fields.ts declares", () => {
    const before = pageSignature(base);
    for (const field of listedFields) {
      // A value of another kind than the field's own, so it differs whatever the field holds.
      expect(signatureWith(item("p0", 28, { [field]: { changed: field } } as Partial<StoredPost["data"]>)), field).not.toBe(before);
    }
  });

  it("ignores what a listing does not show: the body, revision dates, the frontmatter's other fields", () => {
    const before = pageSignature(base);
    expect(signatureWith(item("p0", 28, { author: ["sam-lee"] }, { updated: new Date() }))).toBe(before);
    // The sitemap alone reads lastModified, from the complete lists.
    expect(pageSignature({ ...base, lastModified: new Date(0) })).toBe(before);
  });

  it("changes with the page's own place: its number, the total, the tag, the neighbouring months", () => {
    const before = pageSignature(base);
    expect(pageSignature(pages([...items, item("p9", 1)])[0]!)).not.toBe(before); // 4 pages now, not 3
    expect(pageSignature({ ...base, tag: { slug: "courts", name: "courts" } } as SignablePage)).not.toBe(
      pageSignature({ ...base, tag: { slug: "courts", name: "Courts" } } as SignablePage),
    );
    const months = (list: Item[]) => monthPages(groupByMonth(list, (each) => each.post.data.date));
    const january = months(items)[0]!;
    const withDecember = months([...items, item("old", -20)]).find((month) => month.url === january.url)!;
    expect(withDecember.older?.url).toBe("/archive/2023/12/");
    expect(pageSignature(withDecember)).not.toBe(pageSignature(january));
  });
});

describe("changedPages", () => {
  it("renders every page without a previous build, then only pages whose signature changed or whose file is gone", () => {
    const first = new Map<string, string>();
    expect(changedPages(pages(items), undefined, first)).toHaveLength(3);
    expect(first.size).toBe(3);

    const second = new Map<string, string>();
    const edited = pages(replace(4, item("p4", 16, { title: "Edited" })));
    expect(changedPages(edited, first, second).map((page) => page.url)).toEqual(["/page/2/"]);
    expect(second.size).toBe(3);

    const gone = (url: string) => url !== "/page/3/";
    expect(changedPages(edited, second, new Map(), gone).map((page) => page.url)).toEqual(["/page/3/"]);
  });
});

describe("ListingChanges", () => {
  const start = (tracker: ListingChanges, runMode: "build" | "watch" | "serve" = "watch") =>
    tracker.buildStarted({ runMode, outputMode: "fs", output: "unused" });
  // Every listing file "exists": the tracker stats real files only to notice a missing one.
  const tracked = () => new ListingChanges(() => true);
  const edited = pages(replace(0, item("p0", 28, { title: "Edited" })));

  it("always renders everything in a production build", () => {
    const tracker = tracked();
    for (let build = 0; build < 2; build++) {
      start(tracker, "build");
      expect(tracker.toRender(pages(items))).toHaveLength(3);
      tracker.buildFinished();
    }
  });

  it("in a watching process, renders only what changed since the last finished build", () => {
    const tracker = tracked();
    start(tracker);
    expect(tracker.toRender(pages(items))).toHaveLength(3);
    tracker.buildFinished();
    tracker.filesChanged(["./posts/p0.md"]);
    start(tracker);
    expect(tracker.toRender(edited).map((page) => page.url)).toEqual(["/"]);
    tracker.buildFinished();
    start(tracker);
    expect(tracker.toRender(edited)).toEqual([]);
  });

  it("renders everything after a change to anything but a post", () => {
    const tracker = tracked();
    start(tracker);
    tracker.toRender(pages(items));
    tracker.buildFinished();
    tracker.filesChanged(["./posts/p0.md", "./layouts/base.njk"]);
    start(tracker);
    expect(tracker.toRender(pages(items))).toHaveLength(3);
  });

  it("removes the file of a listing page the last finished build made and this one no longer makes", () => {
    const removed: string[] = [];
    const tracker = new ListingChanges(
      () => true,
      (file) => removed.push(file),
    );
    start(tracker);
    expect(tracker.toRender(pages(items))).toHaveLength(3);
    tracker.buildFinished();
    expect(removed).toEqual([]);
    // Three posts deleted: the six left fill two pages of three, so page 3 is gone.
    tracker.filesChanged(["./posts/p6.md", "./posts/p7.md", "./posts/p8.md"]);
    start(tracker);
    tracker.toRender(pages(items.slice(0, 6)));
    tracker.buildFinished();
    expect(removed).toEqual([path.join("unused", "page", "3", "index.html")]);
  });

  it("removes nothing in a production build, whose output starts empty", () => {
    const removed: string[] = [];
    const tracker = new ListingChanges(
      () => true,
      (file) => removed.push(file),
    );
    start(tracker, "build");
    tracker.toRender(pages(items));
    tracker.buildFinished();
    start(tracker, "build");
    tracker.toRender(pages(items.slice(0, 3)));
    tracker.buildFinished();
    expect(removed).toEqual([]);
  });

  it("renders everything after a build that never finished, since it may have written some pages", () => {
    const tracker = tracked();
    start(tracker);
    tracker.toRender(pages(items));
    tracker.buildFinished();
    start(tracker);
    expect(tracker.toRender(edited)).toHaveLength(1);
    // No buildFinished: the build failed after writing "/" with the edited title.
    start(tracker);
    expect(tracker.toRender(pages(items))).toHaveLength(3);
  });
});

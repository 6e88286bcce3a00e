// lib/publish/sitemap.ts: every public page once, sorted, with a last-modified date only where a true one is known.
import { afterEach, describe, expect, it } from "vitest";
import { replacePosts } from "../../../lib/content/post-store.ts";
import type { PostItem } from "../../../lib/listings/collections.ts";
import type { ListingPage } from "../../../lib/listings/pagination.ts";
import sitemapPlugin, { sitemapEntries, type SitemapEntry } from "../../../lib/publish/sitemap.ts";
import { addresses } from "../../../lib/site/addresses.ts";
import type { CollectionItem } from "../../../lib/types/eleventy.ts";
import { filterOf, recordingConfig, SITE_ORIGIN, storedPost, testSite } from "../../support/unit-fixtures.ts";

const site = testSite();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A page as Eleventy lists it in collections.all. */
const page = (url: string | false, inputPath: string, data: Record<string, unknown> = {}) =>
  ({ url, inputPath, date: day("2024-01-01"), data, content: "" }) as unknown as CollectionItem;
const postPage = (slug: string) => page(addresses.post(slug), `./posts/${slug}.md`);

const live = storedPost("live", { date: day("2024-06-01") });
const revised = storedPost("revised", { date: day("2024-05-01") }, { updated: day("2024-06-20") });
const draft = storedPost("draft", { draft: true }, { published: false, unpublished: "draft" });
const previewedDraft = storedPost("previewed", { draft: true }, { unpublished: "draft" });
const scheduled = storedPost("scheduled", { date: day("2030-01-01") }, { unpublished: "scheduled" });
afterEach(() => replacePosts([]));

/** The posts a listing shows, as collections hand them to the filter. */
const shown = [live, revised].map((post) => ({ post, url: addresses.post(post.slug) })) as unknown as PostItem[];
const listing = (url: string, lastModified: Date | undefined): Pick<ListingPage<unknown>, "url" | "lastModified"> => ({
  url,
  lastModified,
});

/** Each entry as [path, lastmod], after checking it is absolute on the site's origin. */
function paths(entries: SitemapEntry[]): [string, Date | undefined][] {
  return entries.map((entry) => {
    const url = new URL(entry.loc);
    expect(url.origin).toBe(SITE_ORIGIN);
    return [url.pathname, entry.lastmod];
  });
}

describe("sitemapEntries", () => {
  it("dates a post by its last change: its revision if revised, else its publication", () => {
    replacePosts([live, revised]);
    expect(paths(sitemapEntries(site, [postPage("live"), postPage("revised")], shown, []))).toEqual([
      [addresses.post("live"), day("2024-06-01")],
      [addresses.post("revised"), day("2024-06-20")],
    ]);
  });

  it("leaves out posts that are not live: drafts and scheduled posts, even where a preview publishes them", () => {
    replacePosts([live, draft, previewedDraft, scheduled]);
    const all = ["live", "draft", "previewed", "scheduled"].map(postPage);
    expect(paths(sitemapEntries(site, all, shown, [])).map(([path]) => path)).toEqual([addresses.post("live")]);
  });

  it("gives a page no date unless it shows every post, and then the newest change among them", () => {
    const all = [
      page(addresses.about, "./pages/about.njk"),
      page(addresses.archive, "./pages/archive.njk", { sitemapLastModified: "newest" }),
    ];
    expect(paths(sitemapEntries(site, all, shown, []))).toEqual([
      [addresses.about, undefined],
      [addresses.archive, day("2024-06-20")],
    ]);
    expect(paths(sitemapEntries(site, all, [], []))).toEqual([
      [addresses.about, undefined],
      [addresses.archive, undefined],
    ]);
  });

  it("takes only HTML pages at folder addresses, and none that opts out", () => {
    const all = [
      page(addresses.feeds.rss, "./pages/feed-rss.njk"),
      page(addresses.robots, "./pages/robots.njk"),
      page(addresses.notFound, "./pages/404.njk"),
      page(addresses.subscribe, "./pages/subscribe.njk", { sitemap: false }),
      page(addresses.about, "./pages/about.njk"),
    ];
    expect(paths(sitemapEntries(site, all, shown, [])).map(([path]) => path)).toEqual([addresses.about]);
  });

  it("skips what Eleventy does not write: in collections with its url false (https://www.11ty.dev/docs/permalinks/#permalink-false)", () => {
    replacePosts([live, draft]);
    const all = [postPage("live"), page(false, "./posts/draft.md"), page(false, "./pages/not-written.njk")];
    expect(paths(sitemapEntries(site, all, shown, [])).map(([path]) => path)).toEqual([addresses.post("live")]);
  });

  it("takes every page of the listings with its own date, each address once, and not a paginated template's page from `all`", () => {
    const second = addresses.listingPage(addresses.home, 2);
    const listings = [
      listing(addresses.home, day("2024-06-20")),
      listing(second, day("2024-06-20")),
      listing(addresses.home, day("2000-01-01")),
    ];
    const all = [
      page(addresses.home, "./pages/index.njk", { pagination: { size: 1 } }),
      page(addresses.tags, "./pages/tags.njk", { pagination: { size: 1 } }),
    ];
    expect(paths(sitemapEntries(site, all, shown, listings))).toEqual([
      [addresses.home, day("2024-06-20")],
      [second, day("2024-06-20")],
    ]);
  });

  it("lists each address once even when `all` holds it twice", () => {
    expect(sitemapEntries(site, [page(addresses.about, "./a.njk"), page(addresses.about, "./b.njk")], shown, [])).toHaveLength(1);
  });

  it("sorts entries by address, whatever order they came in", () => {
    replacePosts([live, revised]);
    const all = [postPage("revised"), page(addresses.about, "./pages/about.njk"), postPage("live")];
    const entries = sitemapEntries(site, all, shown, [listing(addresses.tag("Weather"), undefined), listing(addresses.home, undefined)]);
    const locs = entries.map((entry) => entry.loc);
    expect(locs).toEqual([...locs].sort());
    expect(locs).toHaveLength(5);
  });
});

describe("the sitemap plugin", () => {
  it("gives templates the entries from `all`, the posts, and any number of listings", () => {
    const recorded = recordingConfig();
    sitemapPlugin(recorded.config, { site });
    const entries = filterOf(recorded, "sitemapEntries")(
      [],
      shown,
      [listing(addresses.home, undefined)],
      [listing(addresses.tag("Courts"), undefined)],
    );
    expect(paths(entries as SitemapEntry[]).map(([path]) => path)).toEqual([addresses.home, addresses.tag("Courts")].sort());
  });
});

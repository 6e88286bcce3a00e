/**
 * The sitemap's entries: every public HTML page once, with a last-modified
 * date only where we know a true one (a post's revision, or the newest change
 * among the posts a listing shows). A page without a known date gets none
 * rather than the build time, which would claim every page changed daily.
 * https://www.sitemaps.org/protocol.html
 */
import type { CollectionItem, EleventyConfig } from "../types/eleventy.ts";
import type { PostItem } from "../listings/collections.ts";
import type { ListingPage } from "../listings/pagination.ts";
import { lastChange, newestChange } from "../listings/last-change.ts";
import { getPost } from "../content/post-store.ts";
import { absoluteUrl, type SiteMetadata } from "../site/settings.ts";

/** A page of a listing Eleventy paginated from a collection: its URL and the newest change it shows. */
type Listing = Pick<ListingPage<unknown>, "url" | "lastModified">;

export interface SitemapEntry {
  loc: string;
  lastmod: Date | undefined;
}

interface PageData {
  /** `false` keeps a page out (the 404 page, say). */
  sitemap?: boolean;
  /** "newest": the page shows every post, so it changed when the newest post did. */
  sitemapLastModified?: "newest";
  pagination?: unknown;
}

/**
 * `listings` are the pages of paginated listings (home, tags, archive months). Eleventy puts
 * only the first page of a template that pages through a collection into
 * collections.all, so every listing page is taken from the listing itself.
 */
export function sitemapEntries(site: SiteMetadata, all: CollectionItem[], posts: PostItem[], listings: Listing[]): SitemapEntry[] {
  const newest = newestChange(posts);
  const seen = new Set<string>();
  const entries: SitemapEntry[] = [];
  for (const page of listings) {
    if (seen.has(page.url)) continue;
    seen.add(page.url);
    entries.push({ loc: absoluteUrl(site, page.url), lastmod: page.lastModified });
  }
  for (const item of all) {
    const data = item.data as CollectionItem["data"] & PageData;
    // Only pages served as HTML at a folder URL; feeds, robots.txt and the 404 page are not pages to index.
    // (url is false, whatever the type says, for a page with `permalink: false`.)
    if (typeof item.url !== "string" || !item.url.endsWith("/") || data.sitemap === false || seen.has(item.url)) continue;
    const post = getPost(item.inputPath);
    if (post && (!post.published || post.unpublished)) continue;
    seen.add(item.url);
    if (data.pagination) continue;
    const lastmod = post ? lastChange(post) : data.sitemapLastModified === "newest" ? newest : undefined;
    entries.push({ loc: absoluteUrl(site, item.url), lastmod });
  }
  return entries.sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
}

export default function sitemapPlugin(eleventyConfig: EleventyConfig, options: { site: SiteMetadata }): void {
  eleventyConfig.addFilter("sitemapEntries", (all: CollectionItem[], posts: PostItem[], ...listings: Listing[][]) =>
    sitemapEntries(options.site, all, posts, listings.flat()),
  );
}

/**
 * Listing pages: splitting a sorted list into pages with stable URLs, and the
 * numbered links between them. Templates page through these with Eleventy's
 * own pagination (size 1 over a list of pages), so page size stays a build
 * setting (site.yaml's pageSize) rather than a number typed into each template.
 * https://www.11ty.dev/docs/pagination/
 */
import type { EleventyConfig } from "../types/eleventy.ts";
import { addresses } from "../site/addresses.ts";
import type { StoredPost } from "../content/post-store.ts";
import { newestChange } from "./last-change.ts";

export interface Page<T> {
  items: T[];
  /** 1-based. */
  pageNumber: number;
  totalPages: number;
  /** URL of this page: the listing's base for page 1 (addresses.listingPage). */
  url: string;
  /** URL of page 1; the page links are built from it. */
  baseUrl: string;
}

/** A page of a listing, with when anything on the whole listing last changed (for the sitemap). */
export interface ListingPage<T> extends Page<T> {
  lastModified: Date | undefined;
}

/** A listing's pages: the home page's, a topic's, a person's. */
export function listingPages<T extends { post: StoredPost }>(items: T[], size: number, baseUrl: string): ListingPage<T>[] {
  const lastModified = newestChange(items);
  return paginate(items, size, baseUrl).map((page) => ({ ...page, lastModified }));
}

/** A page link, or a gap standing for the pages left out between two links. */
export type PageLink = { pageNumber: number; url: string; current: boolean } | { gap: true };

/** Always at least one page, so an empty listing still has a page that says so. */
export function paginate<T>(items: T[], size: number, baseUrl: string): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Page size must be a positive whole number, found ${size}`);
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const pages: Page<T>[] = [];
  for (let index = 0; index < totalPages; index++) {
    const pageNumber = index + 1;
    pages.push({
      items: items.slice(index * size, pageNumber * size),
      pageNumber,
      totalPages,
      url: addresses.listingPage(baseUrl, pageNumber),
      baseUrl,
    });
  }
  return pages;
}

/**
 * Which page numbers to link: the first, the last, and `radius` either side
 * of the current one, with gaps between. A thousand pages still make a short,
 * readable list (and a page well inside its byte budget).
 */
export function pageLinks(current: number, totalPages: number, baseUrl: string, radius = 2): PageLink[] {
  const links: PageLink[] = [];
  let previous = 0;
  const add = (pageNumber: number) => {
    if (pageNumber <= previous || pageNumber < 1 || pageNumber > totalPages) return;
    if (pageNumber > previous + 1) links.push({ gap: true });
    links.push({ pageNumber, url: addresses.listingPage(baseUrl, pageNumber), current: pageNumber === current });
    previous = pageNumber;
  };
  add(1);
  for (let pageNumber = current - radius; pageNumber <= current + radius; pageNumber++) add(pageNumber);
  add(totalPages);
  return links;
}

export default function paginationPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("pageLinks", (page: Page<unknown>) => pageLinks(page.pageNumber, page.totalPages, page.baseUrl));
}

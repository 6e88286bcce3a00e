/**
 * The Google News sitemap: the stories published in the last two days, each
 * with the publication's name and language, its publication date and its
 * headline, as Google's news sitemap format defines them; at most 1,000, the
 * format's limit for one file. Only stories live in production: a deploy
 * preview shows drafts and scheduled stories, and lists none of them here.
 * robots.txt names this file in production only (pages/robots.njk).
 * https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
import type { PostItem } from "../listings/collections.ts";
import type { EleventyConfig } from "../types/eleventy.ts";
import { absoluteUrl, type SiteMetadata } from "../site/settings.ts";

/** Google News reads a story from this sitemap for two days after it is published. */
const WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
const MOST = 1000;

export interface NewsEntry {
  loc: string;
  published: Date;
  title: string;
}

export function newsSitemapEntries(site: SiteMetadata, posts: PostItem[], now: Date): NewsEntry[] {
  const since = now.getTime() - WINDOW_MS;
  return posts
    .filter(({ post }) => !post.unpublished && post.data.date.getTime() > since && post.data.date <= now)
    .sort((a, b) => b.post.data.date.getTime() - a.post.data.date.getTime())
    .slice(0, MOST)
    .map(({ url, post }) => ({ loc: absoluteUrl(site, url), published: post.data.date, title: post.data.title }));
}

/**
 * The language as the format wants it: an ISO 639 code of two or three
 * letters, Chinese written zh-cn (Simplified) or zh-tw (Traditional).
 * The site's language is a BCP 47 tag: en-GB is en, zh-Hant-TW is zh-tw.
 */
export function newsLanguage(tag: string): string {
  const [primary = "", ...rest] = tag.toLowerCase().split("-");
  if (primary !== "zh") return primary;
  return rest.some((subtag) => ["hant", "tw", "hk", "mo"].includes(subtag)) ? "zh-tw" : "zh-cn";
}

export default function newsSitemapPlugin(eleventyConfig: EleventyConfig, options: { site: SiteMetadata; now: Date }): void {
  eleventyConfig.addFilter("newsSitemapEntries", (posts: PostItem[]) => newsSitemapEntries(options.site, posts, options.now));
  eleventyConfig.addGlobalData("newsLanguage", newsLanguage(options.site.language));
}

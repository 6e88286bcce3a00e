/**
 * Template filters: dates, URLs and escaping that Nunjucks' own autoescape
 * does not cover (JSON inside <script>).
 * https://www.11ty.dev/docs/filters/
 */
import type { EleventyConfig } from "../types/eleventy.ts";
import { absoluteUrl, type SiteMetadata } from "../site/settings.ts";
import { monthName } from "../content/post-date.ts";
import { getPost } from "../content/post-store.ts";
import { isoDate, readableDate } from "./dates.ts";
import { creditsOf } from "../site/people.ts";
import { correctionsHtml } from "./corrections.ts";

/**
 * JSON that is safe inside <script type="application/ld+json">: a `</script>`
 * or `<!--` in a title must not end or comment out the block. U+2028 and
 * U+2029 are escaped too: valid in JSON, they end a line in older JavaScript
 * parsers that some consumers still read structured data with.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Minutes at an average adult's silent reading speed (230 words a minute); rounded up so nothing reads as "0 min". */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / 230));
}

export default function filtersPlugin(eleventyConfig: EleventyConfig, options: { site: SiteMetadata }): void {
  eleventyConfig.addFilter("readableDate", readableDate);
  eleventyConfig.addFilter("isoDate", isoDate);
  // The same few addresses (feeds, home, about) on every page: resolved once each.
  const urls = new Map<string, string>();
  eleventyConfig.addFilter("absoluteUrl", (path: string) => {
    let url = urls.get(path);
    if (url === undefined) urls.set(path, (url = absoluteUrl(options.site, path)));
    return url;
  });
  eleventyConfig.addFilter("jsonForScript", jsonForScript);
  eleventyConfig.addFilter("readingMinutes", readingMinutes);
  eleventyConfig.addFilter("monthName", (month: number) => monthName(month, options.site.language));
  eleventyConfig.addFilter("head", <T>(items: T[], count: number) => items.slice(0, count));
  eleventyConfig.addFilter("storedPost", getPost);
  // A post's byline: the people its `author:` names, or the newsroom.
  eleventyConfig.addFilter("credits", (keys: string[] | undefined) => creditsOf(options.site, keys));
  eleventyConfig.addFilter("correctionsHtml", correctionsHtml);
}

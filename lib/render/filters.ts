/**
 * Template filters: dates, URLs and escaping that Nunjucks' own autoescape
 * does not cover (JSON inside <script>).
 * https://www.11ty.dev/docs/filters/
 */
import type { EleventyConfig } from "../types/eleventy.ts";
import { absoluteUrl, type SiteMetadata } from "../site/settings.ts";
import { latin1Json } from "./latin1-text.ts";
import { slugifyTag } from "../content/slug.ts";
import { getPost } from "../content/post-store.ts";

const readable = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/**
 * Every page shows the dates of the posts it lists, so one date is formatted
 * on every listing that shows it: remembered by its time value.
 */
function byTime(format: (date: Date) => string): (date: Date) => string {
  const known = new Map<number, string>();
  return (date) => {
    const time = date.getTime();
    let text = known.get(time);
    if (text === undefined) known.set(time, (text = format(date)));
    return text;
  };
}

export const readableDate = byTime((date) => readable.format(date));

export const isoDate = byTime((date) => date.toISOString());

/**
 * JSON that is safe inside <script type="application/ld+json">: a `</script>`
 * or `<!--` in a title must not end or comment out the block. Characters
 * beyond U+00FF (U+2028 and U+2029 among them) are escaped too: character
 * references mean nothing inside a script (lib/render/latin1-text.ts).
 */
export function jsonForScript(value: unknown): string {
  return latin1Json(JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026"));
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
  eleventyConfig.addFilter("tagSlug", slugifyTag);
  eleventyConfig.addFilter("head", <T>(items: T[], count: number) => items.slice(0, count));
  eleventyConfig.addFilter("storedPost", getPost);
}

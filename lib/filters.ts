/**
 * Template filters: dates, URLs and escaping that Nunjucks' own autoescape
 * does not cover (JSON inside <script>).
 * https://www.11ty.dev/docs/filters/
 */
import type { EleventyConfig } from "./eleventy-config.ts";
import { absoluteUrl, type SiteMetadata } from "./site.ts";
import { slugifyTag } from "./slug.ts";
import { getPost } from "./post-store.ts";

const readable = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export function readableDate(date: Date): string {
  return readable.format(date);
}

export function isoDate(date: Date): string {
  return date.toISOString();
}

/**
 * JSON that is safe inside <script type="application/ld+json">: a `</script>`
 * or `<!--` in a title must not end or comment out the block.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Average adult silent reading speed; rounded up so nothing reads as "0 min". */
export function readingMinutes(html: string): number {
  const words = html.replace(/<[^>]*>/g, " ").split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / 230));
}

export default function filtersPlugin(eleventyConfig: EleventyConfig, options: { site: SiteMetadata }): void {
  eleventyConfig.addFilter("readableDate", readableDate);
  eleventyConfig.addFilter("isoDate", isoDate);
  eleventyConfig.addFilter("absoluteUrl", (path: string) => absoluteUrl(options.site, path));
  eleventyConfig.addFilter("jsonForScript", jsonForScript);
  eleventyConfig.addFilter("readingMinutes", readingMinutes);
  eleventyConfig.addFilter("tagSlug", slugifyTag);
  eleventyConfig.addFilter("head", <T>(items: T[], count: number) => items.slice(0, count));
  eleventyConfig.addFilter("storedPost", getPost);
}

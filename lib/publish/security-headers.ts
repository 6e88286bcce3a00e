/**
 * Writes <output>/_headers: the Content-Security-Policy for every path, with
 * the few paths that need more found in what the build actually wrote. Only
 * builds write it (npm run build, Netlify); the live preview does not.
 * Netlify reads _headers from the publish folder and merges it with the
 * [[headers]] of netlify.toml, which carry the headers that never change;
 * the feeds' headers are here, at the feeds' addresses (lib/publish/feed-headers.ts).
 * https://docs.netlify.com/manage/routing/headers/#syntax-for-the-headers-file
 *
 * The site runs no JavaScript, so there is no script-src and default-src is
 * 'none'. Styles come from the site's own files only ('self': the one
 * fingerprinted stylesheet that layouts/base.njk links). No inline style is
 * allowed, neither by hash nor by 'unsafe-inline', so a <style> or style=""
 * that reached a page would do nothing.
 *
 * connect-src 'self' lets nothing run (no script may), but Lighthouse reads
 * robots.txt from inside the page it audits, under that page's policy; with
 * connect-src falling back to default-src 'none', it reports robots.txt as
 * unreadable and marks the site down in SEO
 * (https://github.com/GoogleChrome/lighthouse/issues/4386). Crawlers fetch
 * robots.txt on their own and never see this policy.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../types/eleventy.ts";
import { isIndexable } from "../site/publication.ts";
import { feedHeaderLines } from "./feed-headers.ts";
import { addresses } from "../site/addresses.ts";
import type { SiteMetadata } from "../site/settings.ts";

export const HEADERS_FILE = "_headers";

/** Endings of the files that may name an XSL stylesheet: XML, and the RSS and Atom feeds' own wherever lib/site/addresses.ts puts them. */
const XSL_FEED_ENDINGS = new Set([".xml", path.extname(addresses.feeds.rss), path.extname(addresses.feeds.atom)]);

/** Feeds that name an XSL stylesheet for browsers: <?xml-stylesheet href="/feed.xsl"?>. */
function usesXslStylesheet(markup: string): boolean {
  return /<\?xml-stylesheet\b[^?]*type="text\/xsl"/.test(markup.slice(0, 1000));
}

export interface PolicyInput {
  /** Lets the document load an XSL stylesheet from the site (browsers treat XSLT as script). */
  xsl?: boolean;
}

export function contentSecurityPolicy({ xsl = false }: PolicyInput = {}): string {
  const directives = [
    "default-src 'none'",
    ...(xsl ? ["script-src 'self'"] : []),
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "upgrade-insecure-requests",
  ];
  return directives.join("; ");
}

/** What Eleventy wrote this build, by absolute path: read from memory rather than back from disk. */
export type WrittenContent = ReadonlyMap<string, string>;

/** The site path of every feed in the output folder that a browser shows through the XSL stylesheet. */
function feedsWithXsl(output: string, written: WrittenContent): string[] {
  return readdirSync(output, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && XSL_FEED_ENDINGS.has(path.extname(entry.name)))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((full) => usesXslStylesheet(written.get(full) ?? readFileSync(full, "utf8")))
    .map((full) => `/${path.relative(output, full).split(path.sep).join("/")}`)
    .sort();
}

/** Topic feeds by their pattern (/tags/:tag/feed.xml), so _headers has one block for them all, however many topics there are. */
const TOPIC_FEEDS = Object.values(addresses.tagFeedPatterns).map((pattern) => ({
  pattern,
  matches: new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(":tag", "[^/]+")}$`),
}));
const asTopicPattern = (feed: string) => TOPIC_FEEDS.find(({ matches }) => matches.test(feed))?.pattern ?? feed;

/**
 * Every feed in the output folder counts, copied ones included; those Eleventy
 * rendered this build are taken from `written` instead of being read back.
 */
export function headersFile(output: string, site: Pick<SiteMetadata, "context">, written: WrittenContent = new Map()): string {
  const lines = [
    "# Written by lib/publish/security-headers.ts on every build; edit that, not this.",
    "/*",
    `  Content-Security-Policy: ${contentSecurityPolicy()}`,
  ];
  // Previews and branch deploys are public URLs; search engines must not index them.
  if (!isIndexable(site.context)) lines.push("  X-Robots-Tag: noindex");
  for (const feed of new Set(feedsWithXsl(output, written).map(asTopicPattern))) {
    // Only these paths may load a script-like resource, and only from this site:
    // the XSL that turns the feed into a readable page.
    lines.push("", feed, `  Content-Security-Policy: ${contentSecurityPolicy({ xsl: true })}`);
  }
  lines.push(...feedHeaderLines());
  return `${lines.join("\n")}\n`;
}

export default function securityHeadersPlugin(eleventyConfig: EleventyConfig, options: { site: SiteMetadata }): void {
  eleventyConfig.on("eleventy.after", ({ directories, runMode, results }) => {
    // Only Netlify reads _headers; the live preview's server ignores it.
    if (runMode !== "build") return;
    const written = new Map<string, string>();
    for (const result of results ?? []) {
      if (typeof result.outputPath === "string" && typeof result.content === "string")
        written.set(path.resolve(result.outputPath), result.content);
    }
    const output = path.resolve(directories.output);
    writeFileSync(path.join(output, HEADERS_FILE), headersFile(output, options.site, written));
  });
}

/**
 * The headers the feeds and their XSL stylesheet are served with, as lines of
 * _headers at the addresses lib/site/addresses.ts gives them;
 * lib/publish/security-headers.ts writes them into _headers on every build.
 * They are not in netlify.toml because netlify.toml would spell each feed's
 * path a second time, and a feed that moved would lose its headers.
 * Netlify merges netlify.toml's [[headers]] with _headers, and where both set
 * the same header on one path netlify.toml's value wins: netlify.toml sets
 * neither Content-Type nor Cache-Control on /* or on these paths
 * (tests/site/publishing/netlify-config-preview.test.ts checks both files together).
 * https://docs.netlify.com/manage/routing/headers/
 */
import { addresses } from "../site/addresses.ts";

/** Short, so new posts reach readers soon. */
const SHORT_CACHE = "public, max-age=600, must-revalidate";

/**
 * The XML feeds go out as application/xml, not application/rss+xml or
 * application/atom+xml: Chromium shows those two as plain text and never
 * applies the feed's XSL page, while feed readers look at the document, not
 * the header. Pages still announce each feed's own type in
 * <link rel="alternate">. nosniff (netlify.toml, for /*) also keeps Safari
 * showing the XSL page instead of handing off to a feed app.
 * https://www.rfc-editor.org/rfc/rfc7303#section-4.1
 */
const XML_FEED = "application/xml; charset=utf-8";

/** Each path's headers: the site's feeds and every topic's, then the feeds' XSL face. */
function feedHeaders(): Array<{ path: string; headers: Record<string, string> }> {
  return [addresses.feeds, addresses.tagFeedPatterns]
    .flatMap((feeds) => [
      { path: feeds.rss, headers: { "Content-Type": XML_FEED, "Cache-Control": SHORT_CACHE } },
      { path: feeds.atom, headers: { "Content-Type": XML_FEED, "Cache-Control": SHORT_CACHE } },
      { path: feeds.json, headers: { "Content-Type": "application/feed+json; charset=utf-8", "Cache-Control": SHORT_CACHE } },
    ])
    .concat([
      // An XML media type, or browsers will not apply it.
      // https://www.iana.org/assignments/media-types/application/xslt+xml
      { path: addresses.feedStylesheet, headers: { "Content-Type": "application/xslt+xml; charset=utf-8", "Cache-Control": SHORT_CACHE } },
    ]);
}

/** The blocks of _headers for feedHeaders(), each after a blank line. */
export function feedHeaderLines(): string[] {
  return feedHeaders().flatMap(({ path, headers }, index) => [
    "",
    ...(index === 0
      ? ["# The feeds and their XSL page: a media type every reader and browser accepts, and a short cache (lib/publish/feed-headers.ts)."]
      : []),
    path,
    ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
  ]);
}

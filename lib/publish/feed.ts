/**
 * One typed feed model that the RSS, Atom and JSON Feed templates all render,
 * so the three always carry the same entries, order, ids and dates.
 * From @11ty/eleventy-plugin-rss we use only convertHtmlToAbsoluteUrls; the
 * templates are our own (see README: Feeds).
 */
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import type { EleventyConfig } from "../types/eleventy.ts";
import type { FeedSource, PostItem } from "../listings/collections.ts";
import { absoluteUrl, type SiteMetadata } from "../site/settings.ts";
import type { FeedName } from "../site/addresses.ts";
import { leadFigure, pictureBytes } from "../images/feed-pictures.ts";
import { socialImage } from "../images/social-image.ts";
import { creditsOf } from "../site/people.ts";
import { correctionsHtml } from "../render/corrections.ts";

export interface FeedEntry {
  /** Stable id: the post's permanent URL, which is its file name, so a new title keeps it. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** Full post HTML with every link and image URL made absolute. */
  contentHtml: string;
  published: Date;
  /** Set only when the post was revised after publication. */
  updated: Date | undefined;
  /** `updated` if revised, else `published`: Atom requires one on every entry. */
  lastChanged: Date;
  /** Each person on the byline, with their page here, or the newsroom: Atom and JSON Feed list them one by one. */
  authors: Array<{ name: string; url: string }>;
  /** The same names as one line ("Jane Doe and Sam Lee"): RSS readers show one dc:creator per item. */
  byline: string;
  /** One category per tag, as the author spelled it. */
  tags: string[];
  /** The lead picture's 16:9 crop, as an enclosure: absolute URL, media type, size in bytes. */
  image?: { url: string; type: string; length: number; width: number; height: number; alt: string };
}

export interface Feed {
  /** The URL of the page it follows (home, or a topic's): Atom's feed id. */
  id: string;
  title: string;
  description: string;
  language: string;
  author: string;
  /** Absolute URLs of the page it follows and of each of its formats. */
  links: { home: string } & Record<FeedName, string>;
  /** The newest entry's last change, never the build time: an unchanged site yields byte-identical feeds. */
  updated: Date;
  /** Newest first, at most `site.feedLimit`. */
  entries: FeedEntry[];
}

/**
 * Characters XML 1.0 forbids anywhere, even escaped. Validation already
 * refuses them in posts (lib/content/control-characters.ts); this keeps a feed
 * well-formed whatever else reaches it.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function stripXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, "");
}

/**
 * An attribute value for a double-quoted XML attribute. Nunjucks' autoescape
 * writes `'` as `&#39;`, which is valid XML but which some feed readers leave
 * undecoded in attributes; inside double quotes `'` needs no escaping at all.
 */
export function xmlAttribute(value: string): string {
  return stripXmlForbidden(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Plain text as HTML text: what a field needs when readers render it as HTML
 * but the value is text (a post's description). `&`, `<` and `>` are what
 * HTML's own serializer escapes in a text node
 * (https://html.spec.whatwg.org/multipage/parsing.html#escapingString);
 * quotes need nothing outside attributes. The template's autoescape then
 * escapes the result once more for XML, so a reader's XML parser yields this
 * HTML and its HTML renderer yields the original text, never an element.
 */
export function htmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** One story as every feed that carries it shows it: the same in the site's feed and in each of its topics'. */
async function feedEntry(site: SiteMetadata, item: PostItem): Promise<FeedEntry> {
  const url = absoluteUrl(site, item.url);
  const { data, updated } = item.post;
  const image = item.post.lead && socialImage(item.post);
  const authors = creditsOf(site, data.author).map((credit) => ({ name: stripXmlForbidden(credit.name), url: credit.url }));
  return {
    id: url,
    url,
    title: stripXmlForbidden(data.title),
    summary: stripXmlForbidden(data.description),
    // Corrections, then the lead picture, open the story in a feed reader as they do on the page:
    // an entry whose date moved says what changed.
    contentHtml: stripXmlForbidden(
      await convertHtmlToAbsoluteUrls(correctionsHtml(data.corrections) + leadFigure(item.post) + item.content, url),
    ),
    published: data.date,
    updated,
    lastChanged: updated ?? data.date,
    authors,
    byline: new Intl.ListFormat(site.language, { type: "conjunction" }).format(authors.map((author) => author.name)),
    tags: data.tags.map(stripXmlForbidden),
    ...(image && {
      image: {
        ...image,
        url: absoluteUrl(site, image.path),
        length: pictureBytes(image.path),
        alt: stripXmlForbidden(image.alt),
      },
    }),
  };
}

/**
 * The feed of `source`: the site's, or a topic's, titled and described as a
 * reader's list of feeds shows it. `entryOf` makes each entry; the plugin's
 * makes a story's once per build, however many topic feeds carry it.
 */
export async function buildFeed(
  site: SiteMetadata,
  source: FeedSource,
  entryOf: (item: PostItem) => Promise<FeedEntry> = (item) => feedEntry(site, item),
): Promise<Feed> {
  const entries = await Promise.all(source.items.slice(0, site.feedLimit).map(entryOf));
  const newest = Math.max(0, ...entries.map((entry) => entry.lastChanged.getTime()));
  const links = Object.fromEntries(Object.entries(source.feeds).map(([name, path]) => [name, absoluteUrl(site, path)])) as Record<
    FeedName,
    string
  >;
  const { topic } = source;
  return {
    // The page it follows: the site's home, or the topic's page, stable as long as the domain is.
    id: absoluteUrl(site, source.home),
    title: stripXmlForbidden(topic ? `${site.title}: ${topic}` : site.title),
    description: stripXmlForbidden(topic ? `The latest stories on ${topic} from ${site.title}.` : site.description),
    language: site.language,
    author: stripXmlForbidden(site.author.name),
    links: { home: absoluteUrl(site, source.home), ...links },
    updated: new Date(newest),
    entries,
  };
}

/**
 * JSON Feed 1.1 as an object; JSON.stringify does all the escaping
 * (quotes, backslashes, newlines), so no value is ever concatenated into JSON.
 * https://www.jsonfeed.org/version/1.1/
 */
export function jsonFeed(feed: Feed): Record<string, unknown> {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.links.home,
    feed_url: feed.links.json,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.author }],
    items: feed.entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.contentHtml,
      date_published: entry.published.toISOString(),
      ...(entry.updated && { date_modified: entry.updated.toISOString() }),
      authors: entry.authors,
      ...(entry.tags.length > 0 && { tags: entry.tags }),
      ...(entry.image && { image: entry.image.url }),
    })),
  };
}

export interface FeedPluginOptions {
  site: SiteMetadata;
}

export default function feedPlugin(eleventyConfig: EleventyConfig, options: FeedPluginOptions): void {
  // The three templates share one model per feed and build, keyed by its source in collections.feeds;
  // the feeds share each story's entry, keyed by its PostItem (made afresh each build).
  const built = new WeakMap<FeedSource, Promise<Feed>>();
  const entries = new WeakMap<PostItem, Promise<FeedEntry>>();
  const entryOf = (item: PostItem) => {
    let entry = entries.get(item);
    if (!entry) entries.set(item, (entry = feedEntry(options.site, item)));
    return entry;
  };
  eleventyConfig.addAsyncFilter("feedModel", (source: FeedSource) => {
    let feed = built.get(source);
    if (!feed) built.set(source, (feed = buildFeed(options.site, source, entryOf)));
    return feed;
  });
  // RSS 2.0 dates are RFC 822; toUTCString() is that format with a four-digit year and "GMT".
  // https://www.rssboard.org/rss-specification#ltpubdategtSubelementOfLtitemgt
  eleventyConfig.addFilter("rfc822", (date: Date) => date.toUTCString());
  eleventyConfig.addFilter("xmlAttribute", xmlAttribute);
  eleventyConfig.addFilter("htmlText", htmlText);
  eleventyConfig.addFilter("jsonFeed", (feed: Feed) => JSON.stringify(jsonFeed(feed), null, 2));
}

/**
 * One typed feed model that the RSS, Atom and JSON Feed templates all render,
 * so the three always carry the same entries, order, ids and dates.
 * Built on @11ty/eleventy-plugin-rss's URL helpers; the templates are our own
 * (see README: Feeds).
 */
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import type { EleventyConfig } from "./eleventy-config.ts";
import type { PostItem } from "./collections.ts";
import { absoluteUrl, type SiteMetadata } from "./site.ts";

export interface FeedEntry {
  /** Stable id: the post's permanent URL, which is its file name. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** Full post HTML with every link and image URL made absolute. */
  contentHtml: string;
  published: Date;
  updated: Date | undefined;
  author: string;
  tags: string[];
}

export interface Feed {
  title: string;
  description: string;
  language: string;
  homeUrl: string;
  author: string;
  /** The newest entry's last change: an unchanged site yields byte-identical feeds. */
  updated: Date;
  entries: FeedEntry[];
}

/** Characters XML 1.0 forbids anywhere, even escaped. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function stripXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, "");
}

export async function buildFeed(site: SiteMetadata, posts: PostItem[]): Promise<Feed> {
  const entries = await Promise.all(
    posts.slice(0, site.feedLimit).map(async (item): Promise<FeedEntry> => {
      const url = absoluteUrl(site, item.url);
      const { data } = item.post;
      return {
        id: url,
        url,
        title: stripXmlForbidden(data.title),
        summary: stripXmlForbidden(data.description),
        contentHtml: stripXmlForbidden(await convertHtmlToAbsoluteUrls(item.content, url)),
        published: data.date,
        updated: item.post.updated,
        author: data.author ?? site.author.name,
        tags: data.tags.map(stripXmlForbidden),
      };
    }),
  );
  const newest = entries.map((entry) => (entry.updated ?? entry.published).getTime());
  return {
    title: site.title,
    description: site.description,
    language: site.language,
    homeUrl: absoluteUrl(site, "/"),
    author: site.author.name,
    updated: new Date(newest.length > 0 ? Math.max(...newest) : 0),
    entries,
  };
}

export default function feedPlugin(eleventyConfig: EleventyConfig, options: { site: SiteMetadata }): void {
  // The three feed templates share one model per build, keyed by the posts array.
  const built = new WeakMap<PostItem[], Promise<Feed>>();
  eleventyConfig.addAsyncFilter("feedModel", (posts: PostItem[]) => {
    let feed = built.get(posts);
    if (!feed) built.set(posts, (feed = buildFeed(options.site, posts)));
    return feed;
  });
  eleventyConfig.addFilter("rfc822", (date: Date) => date.toUTCString());
}

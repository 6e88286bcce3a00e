/**
 * Every address the site publishes, spelled once: pages, posts, tag, author and
 * archive pages, the numbered pages of listings, the feeds and their XSL
 * stylesheet. Code imports it; templates read it as the global `addresses`
 * (lib/site/plugin.ts). Permalinks, links, the feeds' self links, the
 * sitemap, _headers and _redirects all come from here, so an address changed
 * here moves the file and everything that points at it together
 * (tests/site/publishing/addresses.test.ts moves the feeds to prove it).
 *
 * A leaf: it imports only the tag slug, so any module may import it.
 */
import { slugifyTag } from "../content/slug.ts";

const POSTS = "/posts/";
const TAGS = "/tags/";
const ARCHIVE = "/archive/";
const AUTHORS = "/authors/";

/** Where each of the site's feeds is published; pages announce them in <link rel="alternate">. */
const FEEDS = Object.freeze({
  rss: "/feed.xml",
  atom: "/atom.xml",
  json: "/feed.json",
});

export type FeedName = keyof typeof FEEDS;

/** A topic's feeds, named as the site's are, below the topic's first page: /tags/politics/feed.xml. */
const topicFeeds = (topicPage: string): Record<FeedName, string> => ({
  rss: `${topicPage}${FEEDS.rss.slice(1)}`,
  atom: `${topicPage}${FEEDS.atom.slice(1)}`,
  json: `${topicPage}${FEEDS.json.slice(1)}`,
});

/** The part of a post address that is the slug, undecoded: /posts/<slug>/, with or without the slash, a query or a fragment. */
const POST_HREF = new RegExp(`^${POSTS.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")}([^/?#]*)/?(?:[?#].*)?$`);

/** Where a year's months start on the archive index: the id of its heading. */
const archiveYearId = (year: number) => `y${year}`;

export const addresses = Object.freeze({
  home: "/",
  archive: ARCHIVE,
  /** The index of topics; each tag's pages sit below it. */
  tags: TAGS,
  /** The index of the people who write; each person's pages sit below it. */
  authors: AUTHORS,
  about: "/about/",
  subscribe: "/subscribe/",
  sitemap: "/sitemap.xml",
  /** The stories of the last two days, for Google News (lib/publish/news-sitemap.ts). */
  newsSitemap: "/news-sitemap.xml",
  robots: "/robots.txt",
  /** Netlify serves this file, with status 404, for every path nothing else answers: the name is Netlify's. */
  notFound: "/404.html",
  feeds: FEEDS,
  /** The XSL stylesheet that gives the XML feeds a readable face in a browser; same origin, or browsers refuse it. */
  feedStylesheet: "/feed.xsl",
  /** Pictures the image pipeline writes (lib/images/), named by a hash of what they are: below /assets/, so cached for good like the other assets. */
  images: "/assets/img/",
  /** Addresses feed readers and people guess for a feed: each redirects to the RSS feed (pages/redirects.njk). */
  feedGuesses: Object.freeze(["/rss", "/rss.xml", "/feed", "/index.xml"]),

  /** The post's file name is its address, so it never moves when other posts arrive. */
  post: (slug: string) => `${POSTS}${slug}/`,
  /** The slug a link to a post names, undecoded; undefined for any other address. */
  postSlugOf: (href: string): string | undefined => POST_HREF.exec(href)?.[1],
  /** A tag's first page, from any of its spellings: Politics and politics share one. */
  tag: (name: string) => `${TAGS}${slugifyTag(name)}/`,
  /** A person's first page, by their key in site.yaml's `authors:` (a key is already a slug). */
  author: (key: string) => `${AUTHORS}${key}/`,
  /** A tag's own feeds, for readers who follow one topic. */
  tagFeeds: (name: string) => topicFeeds(`${TAGS}${slugifyTag(name)}/`),
  /** The same, as patterns of Netlify's _headers (lib/publish/feed-headers.ts): :tag is any one tag's slug. */
  tagFeedPatterns: topicFeeds(`${TAGS}:tag/`),
  /** Page `pageNumber` of a listing whose first page is `baseUrl`: the home page, or a tag's. */
  listingPage: (baseUrl: string, pageNumber: number) => (pageNumber <= 1 ? baseUrl : `${baseUrl}page/${pageNumber}/`),
  /** One month of the archive: /archive/2024/06/. */
  archiveMonth: (year: number, month: number) => `${ARCHIVE}${year}/${String(month).padStart(2, "0")}/`,
  archiveYearId,
  /** A year's place on the archive index. */
  archiveYear: (year: number) => `${ARCHIVE}#${archiveYearId(year)}`,
});

export type Addresses = typeof addresses;

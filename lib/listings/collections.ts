/**
 * Collections, each computed once per build from one sorted list, so that
 * nothing (neighbours, related stories, tags, archive months, pages) costs
 * more than O(n) after the one sort.
 * https://www.11ty.dev/docs/collections-api/
 */
import type { CollectionApi, CollectionItem, EleventyConfig } from "../types/eleventy.ts";
import { trackListingChanges } from "../preview/listing-changes.ts";
import { listingPages, type ListingPage } from "./pagination.ts";
import { groupByMonth, groupByYear, monthPages } from "./archive.ts";
import { relatedStories } from "./related.ts";
import { getPost, type StoredPost } from "../content/post-store.ts";
import { slugifyTag } from "../content/slug.ts";
import { addresses, type FeedName } from "../site/addresses.ts";
import type { Person } from "../site/settings-schema.ts";
import { authorPages, groupByAuthor } from "./authors.ts";

export type { Page } from "./pagination.ts";

/**
 * A published post as listings, feeds and neighbours see it: the post and
 * its page. A class rather than a plain object on purpose: Eleventy 3.1
 * fills `templateContent` into every plain object with an `inputPath` in
 * every collection, each by a linear search over all templates, which for a
 * collection of every post costs time growing with the square of the posts.
 * The page this wraps is in `collections.all`, which Eleventy fills anyway.
 * Can be a plain object again once Eleventy looks templates up by path.
 */
export class PostItem {
  readonly page: CollectionItem;
  readonly post: StoredPost;

  constructor(page: CollectionItem, post: StoredPost) {
    this.page = page;
    this.post = post;
  }

  get url(): string {
    return this.page.url;
  }

  /** The rendered body, without the layout. */
  get content(): string {
    return this.page.content;
  }
}

/** What one feed carries (lib/publish/feed.ts): the whole site's stories, or one topic's. */
export interface FeedSource {
  /** The topic's name as listings show it; none for the site's own feed. */
  topic?: string;
  /** The page the feed follows, as a site path: the home page, or the topic's first page. */
  home: string;
  /** Where its RSS, Atom and JSON Feed are published. */
  feeds: Record<FeedName, string>;
  /** Newest first. */
  items: PostItem[];
}

export interface Neighbours<T> {
  newer: T | undefined;
  older: T | undefined;
}

export interface TagGroup<T> {
  slug: string;
  /** The spelling most posts use (the newest post's on a tie): `politics` ×1 and `Politics` ×3 show as Politics. */
  name: string;
  items: T[];
}

export interface TagPage<T> extends ListingPage<T> {
  tag: { slug: string; name: string };
}

/** Newest first; ties broken by slug so every build orders them the same way. */
export function sortNewestFirst<T extends { post: StoredPost }>(items: T[]): T[] {
  return [...items].sort((a, b) => b.post.data.date.getTime() - a.post.data.date.getTime() || a.post.slug.localeCompare(b.post.slug));
}

export function neighbours<T>(sorted: T[], key: (item: T) => string): Map<string, Neighbours<T>> {
  const map = new Map<string, Neighbours<T>>();
  for (const [index, item] of sorted.entries()) map.set(key(item), { newer: sorted[index - 1], older: sorted[index + 1] });
  return map;
}

/** Groups keep the order of `sorted`; groups are ordered by name. */
export function groupByTag<T>(sorted: T[], tags: (item: T) => string[]): TagGroup<T>[] {
  const groups = new Map<string, TagGroup<T> & { spellings: Map<string, number> }>();
  for (const item of sorted) {
    for (const name of new Set(tags(item))) {
      const slug = slugifyTag(name);
      let group = groups.get(slug);
      if (!group) groups.set(slug, (group = { slug, name, items: [], spellings: new Map() }));
      if (group.items[group.items.length - 1] !== item) group.items.push(item);
      const uses = (group.spellings.get(name) ?? 0) + 1;
      group.spellings.set(name, uses);
      if (uses > (group.spellings.get(group.name) ?? 0)) group.name = name;
    }
  }
  return [...groups.values()]
    .map(({ slug, name, items }) => ({ slug, name, items }))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
}

/** Every page of every tag, flattened, so one template can page through them all. */
export function tagPages<T extends { post: StoredPost }>(groups: TagGroup<T>[], size: number): TagPage<T>[] {
  return groups.flatMap((group) =>
    listingPages(group.items, size, addresses.tag(group.name)).map((page) => ({ ...page, tag: { slug: group.slug, name: group.name } })),
  );
}

/**
 * Eleventy hands every collection of one pass the same API object (and makes
 * a new one per build), so a result keyed by it is computed once per build.
 */
function oncePerPass<R>(build: (api: CollectionApi) => R): (api: CollectionApi) => R {
  const results = new WeakMap<CollectionApi, R>();
  return (api) => {
    if (!results.has(api)) results.set(api, build(api));
    return results.get(api) as R;
  };
}

/** Published posts, newest first, shared by every collection below. */
export const postItems = oncePerPass((api): PostItem[] => {
  const items: PostItem[] = [];
  for (const item of api.getAll()) {
    const post = getPost(item.inputPath);
    if (post?.published) items.push(new PostItem(item, post));
  }
  return sortNewestFirst(items);
});

const tagsOf = (item: PostItem) => item.post.data.tags;

/**
 * The complete listings feed the sitemap, the archive index and the topic
 * index; the `…ToRender` lists feed the paginated templates, and in a live
 * preview hold only the pages an edit changed (lib/preview/listing-changes.ts).
 */
export default function collectionsPlugin(
  eleventyConfig: EleventyConfig,
  options: { pageSize: number; people: Readonly<Record<string, Person>> },
): void {
  const { pageSize, people } = options;
  const listingChanges = trackListingChanges(eleventyConfig);
  const homePages = oncePerPass((api) => listingPages(postItems(api), pageSize, addresses.home));
  const tagGroups = oncePerPass((api) => groupByTag(postItems(api), tagsOf));
  const allTagPages = oncePerPass((api) => tagPages(tagGroups(api), pageSize));
  const authorGroups = oncePerPass((api) => groupByAuthor(postItems(api), people));
  const allAuthorPages = oncePerPass((api) => authorPages(authorGroups(api), pageSize));
  // One page per month keeps every archive page small however many years accumulate.
  const archiveMonths = oncePerPass((api) => monthPages(groupByMonth(postItems(api), (item) => item.post.data.date)));

  eleventyConfig.addCollection("posts", postItems);
  eleventyConfig.addCollection("postNeighbours", (api) => Object.fromEntries(neighbours(postItems(api), (item) => item.url)));
  // By page URL, as the neighbours: each story's page looks its own up (layouts/post.njk).
  eleventyConfig.addCollection("relatedStories", (api) =>
    Object.fromEntries([...relatedStories(postItems(api), tagsOf)].map(([item, related]) => [item.url, related])),
  );
  eleventyConfig.addCollection("tagList", tagGroups);
  // The site's feeds, then each topic's: one feed template per format renders them all.
  eleventyConfig.addCollection("feeds", (api): FeedSource[] => [
    { home: addresses.home, feeds: addresses.feeds, items: postItems(api) },
    ...tagGroups(api).map((group) => ({
      topic: group.name,
      home: addresses.tag(group.name),
      feeds: addresses.tagFeeds(group.name),
      items: group.items,
    })),
  ]);
  eleventyConfig.addCollection("homePages", homePages);
  eleventyConfig.addCollection("tagPages", allTagPages);
  eleventyConfig.addCollection("authorList", authorGroups);
  eleventyConfig.addCollection("authorPages", allAuthorPages);
  eleventyConfig.addCollection("archiveMonths", archiveMonths);
  eleventyConfig.addCollection("archive", (api) => groupByYear(archiveMonths(api)));
  eleventyConfig.addCollection("homePagesToRender", (api) => listingChanges.toRender(homePages(api)));
  eleventyConfig.addCollection("tagPagesToRender", (api) => listingChanges.toRender(allTagPages(api)));
  eleventyConfig.addCollection("authorPagesToRender", (api) => listingChanges.toRender(allAuthorPages(api)));
  eleventyConfig.addCollection("archiveMonthsToRender", (api) => listingChanges.toRender(archiveMonths(api)));
}

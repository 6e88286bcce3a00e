/**
 * Collections, each computed once per build from one sorted list, so that
 * nothing (neighbours, tags, archive months, pages) costs more than O(n).
 * https://www.11ty.dev/docs/collections-api/
 */
import type { CollectionApi, CollectionItem, EleventyConfig } from "./eleventy-config.ts";
import { getPost, type StoredPost } from "./post-store.ts";
import { slugifyTag } from "./slug.ts";

export interface PostItem extends CollectionItem {
  post: StoredPost;
}

export interface Neighbours<T> {
  newer: T | undefined;
  older: T | undefined;
}

export interface TagGroup<T> {
  slug: string;
  /** The first spelling met, newest post first. */
  name: string;
  items: T[];
}

export interface MonthGroup<T> {
  year: number;
  /** 1–12 */
  month: number;
  items: T[];
}

export interface Page<T> {
  items: T[];
  pageNumber: number;
  totalPages: number;
}

/** Newest first; ties broken by slug so every build orders them the same way. */
export function sortNewestFirst<T extends { post: StoredPost }>(items: T[]): T[] {
  return [...items].sort(
    (a, b) => b.post.data.date.getTime() - a.post.data.date.getTime() || a.post.slug.localeCompare(b.post.slug),
  );
}

export function neighbours<T>(sorted: T[], key: (item: T) => string): Map<string, Neighbours<T>> {
  const map = new Map<string, Neighbours<T>>();
  sorted.forEach((item, index) => map.set(key(item), { newer: sorted[index - 1], older: sorted[index + 1] }));
  return map;
}

/** Groups keep the order of `sorted`; groups are ordered by name. */
export function groupByTag<T>(sorted: T[], tags: (item: T) => string[]): TagGroup<T>[] {
  const groups = new Map<string, TagGroup<T>>();
  for (const item of sorted) {
    for (const name of new Set(tags(item))) {
      const slug = slugifyTag(name);
      let group = groups.get(slug);
      if (!group) groups.set(slug, (group = { slug, name, items: [] }));
      if (group.items[group.items.length - 1] !== item) group.items.push(item);
    }
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
}

/** Expects newest-first input and keeps it: months come out newest first. */
export function groupByMonth<T>(sorted: T[], date: (item: T) => Date): MonthGroup<T>[] {
  const groups: MonthGroup<T>[] = [];
  for (const item of sorted) {
    const when = date(item);
    const year = when.getUTCFullYear();
    const month = when.getUTCMonth() + 1;
    const last = groups[groups.length - 1];
    if (last && last.year === year && last.month === month) last.items.push(item);
    else groups.push({ year, month, items: [item] });
  }
  return groups;
}

export function paginate<T>(items: T[], size: number): Page<T>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: totalPages }, (_, index) => ({
    items: items.slice(index * size, (index + 1) * size),
    pageNumber: index + 1,
    totalPages,
  }));
}

export function postItems(api: CollectionApi): PostItem[] {
  const items: PostItem[] = [];
  for (const item of api.getAll()) {
    const post = getPost(item.inputPath);
    if (post?.published) items.push(Object.assign(item, { post }));
  }
  return sortNewestFirst(items);
}

export default function collectionsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addCollection("posts", postItems);
  eleventyConfig.addCollection("postNeighbours", (api) =>
    Object.fromEntries(neighbours(postItems(api), (item) => item.url)),
  );
  eleventyConfig.addCollection("tagList", (api) => groupByTag(postItems(api), (item) => item.post.data.tags));
}

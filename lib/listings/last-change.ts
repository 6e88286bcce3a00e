/**
 * When something last changed, as the sitemap, Open Graph and JSON-LD say:
 * a post's revision date, else its publication date; a listing's newest.
 */
import type { StoredPost } from "../content/post-store.ts";

/** When a post last changed: its revision date, else its publication date. */
export function lastChange(post: StoredPost): Date {
  return post.updated && post.updated > post.data.date ? post.updated : post.data.date;
}

/** Newest change among items: any post added, edited or removed reshuffles every page of a listing. */
export function newestChange<T extends { post: StoredPost }>(items: T[]): Date | undefined {
  let newest: Date | undefined;
  for (const item of items) {
    const when = lastChange(item.post);
    if (!newest || when > newest) newest = when;
  }
  return newest;
}

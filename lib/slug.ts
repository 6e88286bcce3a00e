/** URL slugs for posts and tags, memoised: the same tags recur across thousands of posts. */
import slugify from "@sindresorhus/slugify";

const cache = new Map<string, string>();

export function slugifyTag(name: string): string {
  let slug = cache.get(name);
  if (slug === undefined) {
    slug = slugify(name, { decamelize: false });
    cache.set(name, slug);
  }
  return slug;
}

/** What a post's file name must look like: it becomes the URL, forever. */
export const POST_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

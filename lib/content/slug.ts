/** URL slugs for posts and tags, memoised: the same tags recur across thousands of posts. */
import slugify from "slugify";

const cache = new Map<string, string>();

export function slugifyTag(name: string): string {
  let slug = cache.get(name);
  if (slug === undefined) {
    // strict mode drops punctuation without leaving a separator ("x/y" would
    // become "xy"), so every run of it becomes a space first.
    slug = slugify(name.replace(/[^\p{L}\p{N}&'’]+/gu, " "), { lower: true, strict: true, trim: true });
    cache.set(name, slug);
  }
  return slug;
}

/** What a post's file name must look like: it becomes the URL, forever. */
export const POST_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What names a person in site.yaml's `authors:` and in a post's `author:`: shaped as a post's file name, as it too becomes a URL. */
export const AUTHOR_KEY = new RegExp(POST_SLUG.source);
export const AUTHOR_KEY_HINT = "a key of lowercase letters, digits and single hyphens, like jane-doe";

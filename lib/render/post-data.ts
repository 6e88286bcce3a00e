/**
 * Defaults every post inherits through posts/posts.11tydata.js, so a post's
 * frontmatter carries only what is its own.
 * https://www.11ty.dev/docs/data-template-dir/
 */
import { getPost, tagSpellings } from "../content/post-store.ts";
import { addresses } from "../site/addresses.ts";

interface PostPageData {
  page: { inputPath: string };
}

/** The post's address (lib/site/addresses.ts): its file name, so it never moves when other posts arrive. */
function postPermalink(data: PostPageData): string | false {
  const post = getPost(data.page.inputPath);
  return post?.published ? addresses.post(post.slug) : false;
}

/**
 * A function, so Eleventy calls it after lib/checks/validate-plugin.ts has stored
 * this build's posts (it runs on eleventy.before).
 * https://www.11ty.dev/docs/data-js/#using-a-function
 */
export function postDirectoryData() {
  return {
    layout: "post.njk",
    // Unpublished posts (drafts, scheduled) get no file; lib/listings/collections.ts leaves them out too.
    // A plain permalink function, not eleventyComputed: Eleventy then builds no
    // computed-data graph for each post. https://www.11ty.dev/docs/permalinks/
    permalink: postPermalink,
    // Tag pages come from lib/listings/collections.ts, which merges spellings and
    // paginates. Eleventy's own collection per `tags` value would go unread,
    // and it fills each one with a linear search per post (quadratic in the
    // number of posts), so posts stay in `all` only.
    // https://www.11ty.dev/docs/collections/#how-to-exclude-content-from-collections
    eleventyExcludeFromCollections: tagSpellings(),
  };
}

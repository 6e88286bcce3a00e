/**
 * Defaults every post inherits through posts/posts.11tydata.js, so a post's
 * frontmatter carries only what is its own.
 * https://www.11ty.dev/docs/data-template-dir/
 */
import { getPost } from "./post-store.ts";

interface PostPageData {
  page: { inputPath: string };
}

/** /posts/<file name>/: the URL is the file name, so it never moves when other posts arrive. */
export function postPermalink(data: PostPageData): string | false {
  const post = getPost(data.page.inputPath);
  return post?.published ? `/posts/${post.slug}/` : false;
}

export const postDirectoryData = {
  layout: "post.njk",
  // Unpublished posts (drafts, scheduled) get no file; lib/collections.ts leaves them out too.
  // A plain permalink function, not eleventyComputed: Eleventy then builds no
  // computed-data graph for each post. https://www.11ty.dev/docs/permalinks/
  permalink: postPermalink,
};

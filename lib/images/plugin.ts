/**
 * Eleventy plugin: the pictures in templates, and their publishing. Posts'
 * pictures are made before the build, with the checks (lib/images/post-pictures.ts,
 * lib/images/post-cards.ts); templates print them through these filters, and
 * after the build the files the published posts show are copied into the
 * output (lib/images/publish-pictures.ts).
 */
import type { StoredPost } from "../content/post-store.ts";
import type { EleventyConfig } from "../types/eleventy.ts";
import { BODY_SIZES, pictureHtml } from "./picture.ts";
import { MEDIA_DIR } from "./pictures-folder.ts";
import { copyPublishedPictures } from "./publish-pictures.ts";
import { socialImage } from "./social-image.ts";

/** Listing thumbnails are drawn 8rem wide beside the headline (assets/site.css, .post-list .thumb). */
const THUMB_SIZES = "8rem";

export default function imagesPlugin(eleventyConfig: EleventyConfig): void {
  // The lead picture is what a reader sees first: fetched at once and before other images.
  eleventyConfig.addFilter("leadPicture", (post: StoredPost) =>
    post.lead ? pictureHtml(post.lead.picture, { alt: post.lead.alt, sizes: BODY_SIZES, loading: "eager", fetchPriority: "high" }) : "",
  );
  // Beside its headline a thumbnail repeats the link's story: decorative, so screen readers skip it.
  eleventyConfig.addFilter("listingPicture", (post: StoredPost) =>
    post.lead ? pictureHtml(post.lead.picture, { alt: "", sizes: THUMB_SIZES, loading: "lazy" }) : "",
  );
  eleventyConfig.addFilter("socialImage", (post: StoredPost) => socialImage(post));
  // A picture replaced in the live preview shows at once: the stories that show it are made again (lib/checks/validate-plugin.ts).
  eleventyConfig.addWatchTarget(`${MEDIA_DIR}/`);
  eleventyConfig.on("eleventy.after", ({ directories }) => copyPublishedPictures(directories.input, directories.output));
}

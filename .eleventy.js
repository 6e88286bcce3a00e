// The build, in pipeline order. Each step is a plugin in lib/ with one concern;
// this file only says which run and in what order.
// https://www.11ty.dev/docs/config/
import { loadSite } from "./lib/site.ts";
import sitePlugin from "./lib/site-plugin.ts";
import validatePlugin from "./lib/validate-plugin.ts";
import markdownPlugin from "./lib/markdown.ts";
import filtersPlugin from "./lib/filters.ts";
import collectionsPlugin from "./lib/collections.ts";
import feedPlugin from "./lib/feed.ts";
import paginationPlugin from "./lib/pagination.ts";
import seoPlugin from "./lib/seo.ts";
import videoPlugin from "./lib/video.ts";

/** @param {import("./lib/eleventy-config.ts").EleventyConfig} eleventyConfig */
export default function (eleventyConfig) {
  const site = loadSite(process.env);
  const now = new Date();

  // 1. Site metadata from one typed source, as global data.
  eleventyConfig.addPlugin(sitePlugin, { site });
  // 2. Every post checked against the frontmatter schema before anything renders.
  eleventyConfig.addPlugin(validatePlugin, { site, now });
  // 3. Markdown to HTML.
  eleventyConfig.addPlugin(markdownPlugin, { siteOrigin: site.url });
  // 4. Template filters (dates, URLs, escaping).
  eleventyConfig.addPlugin(filtersPlugin, { site });
  // 5. Collections: posts, neighbours, tags, archive, listing pages — each once per build.
  eleventyConfig.addPlugin(collectionsPlugin, { pageSize: site.pageSize });
  // 5a. Numbered page links for the paginated listings.
  eleventyConfig.addPlugin(paginationPlugin);
  // 5b. JSON-LD for posts and the home page.
  eleventyConfig.addPlugin(seoPlugin, { site });
  // 5c. Click-to-play video facades (a link; nothing loads from the host).
  eleventyConfig.addPlugin(videoPlugin);
  // 6. Feeds.
  eleventyConfig.addPlugin(feedPlugin, { site });

  // Only posts/ and pages/ are content; the rest of the repository is not.
  for (const glob of ["*.md", "tests/**", "scripts/**", "docs/**", ".ci/**"]) eleventyConfig.ignores.add(glob);
}

export const config = {
  // Input is the working directory (Eleventy finds posts/*.11tydata.js only
  // when it is named here). Output is left to the caller: scripts/build.ts
  // stages it so a failed build publishes nothing.
  dir: { input: ".", includes: "layouts", layouts: "layouts" },
  templateFormats: ["md", "njk"],
  // Posts are Markdown only: `{{` in an article is text, never template code.
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
};

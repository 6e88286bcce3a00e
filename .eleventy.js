// The build, in pipeline order. Each step is a plugin in lib/ with one concern;
// this file only says which run and in what order.
// https://www.11ty.dev/docs/config/
//
// The modules are loaded with import() rather than `import … from`: Eleventy's
// --serve watcher follows static imports with a JavaScript-only parser and
// stops at TypeScript syntax.
const plugin = async (name) => (await import(`./lib/${name}.ts`)).default;
const { loadSite } = await import("./lib/site/settings.ts");
const sitePlugin = await plugin("site/plugin");
const validatePlugin = await plugin("checks/validate-plugin");
const postTemplatePlugin = await plugin("render/post-template");
const filtersPlugin = await plugin("render/filters");
const collectionsPlugin = await plugin("listings/collections");
const feedPlugin = await plugin("publish/feed");
const paginationPlugin = await plugin("listings/pagination");
const seoPlugin = await plugin("publish/seo");
const videoPlugin = await plugin("render/video");
const sitemapPlugin = await plugin("publish/sitemap");
const assetsPlugin = await plugin("publish/assets");
const latin1PagesPlugin = await plugin("render/latin1-text");
const securityHeadersPlugin = await plugin("publish/security-headers");
const livePreviewPlugin = await plugin("preview/watch-plugin");

/** @param {import("./lib/types/eleventy.ts").EleventyConfig} eleventyConfig */
export default function (eleventyConfig) {
  const site = loadSite(process.env);
  const now = new Date();
  // Each post's outcome, published HTML included, is kept in .cache/ between
  // builds, which Netlify restores (netlify/plugins/build-cache). BUILD_CACHE=off: none.
  const buildCache = process.env.BUILD_CACHE !== "off";

  // 1. Site metadata from one typed source, as global data.
  eleventyConfig.addPlugin(sitePlugin, { site });
  // 2. Before the build: every post read once, checked, and rendered to the HTML that is judged and published.
  eleventyConfig.addPlugin(validatePlugin, { site, now, persist: buildCache });
  // 3. While rendering: a post's page takes that reading; Eleventy reads no Markdown itself.
  eleventyConfig.addPlugin(postTemplatePlugin);
  // 4. Template filters (dates, URLs, escaping).
  eleventyConfig.addPlugin(filtersPlugin, { site });
  // 5. Collections: posts, neighbours, tags, archive, listing pages — each once per build.
  eleventyConfig.addPlugin(collectionsPlugin, { pageSize: site.pageSize });
  // 6. Numbered page links for the paginated listings.
  eleventyConfig.addPlugin(paginationPlugin);
  // 7. JSON-LD for posts and the home page.
  eleventyConfig.addPlugin(seoPlugin, { site });
  // 8. Click-to-play video facades (a link; nothing loads from the host).
  eleventyConfig.addPlugin(videoPlugin);
  // 9. Sitemap entries with true last-modified dates.
  eleventyConfig.addPlugin(sitemapPlugin, { site });
  // 10. RSS, Atom and JSON Feed from one feed model.
  eleventyConfig.addPlugin(feedPlugin, { site });
  // 11. Static assets, published under content-hashed names (cached forever).
  eleventyConfig.addPlugin(assetsPlugin);
  // 12. Each HTML page one byte per character in memory (Eleventy keeps them all until the end).
  eleventyConfig.addPlugin(latin1PagesPlugin);
  // 13. After the build: _headers with a CSP hashed from the inline styles actually written.
  eleventyConfig.addPlugin(securityHeadersPlugin, { site });
  // The live preview (npm start) rebuilds as soon as a save has landed.
  eleventyConfig.addPlugin(livePreviewPlugin);

  // Only posts/ and pages/ are content; the rest of the repository is not.
  for (const glob of ["*.md", "tests/**", "scripts/**", "bench/**", "docs/**", ".ci/**"]) eleventyConfig.ignores.add(glob);
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

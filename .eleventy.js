// The build, as a table of contents: each step is a plugin from a stage folder
// of lib/ (content, checks, render, listings, publish, cache, preview, site),
// listed by when it runs. This file says which steps run; lib/ says how.
// https://www.11ty.dev/docs/config/
//
// The modules are loaded with import() rather than `import … from`: Eleventy's
// --serve watcher follows static imports with a JavaScript-only parser and
// stops at TypeScript syntax (Node's own modules it leaves alone). Can go once
// that watcher parses TypeScript or skips what it cannot parse.
import { fileURLToPath } from "node:url";

const plugin = async (name) => (await import(`./lib/${name}.ts`)).default;
const { loadSite } = await import("./lib/site/settings.ts");
const sitePlugin = await plugin("site/plugin");
const validatePlugin = await plugin("checks/validate-plugin");
const assetsPlugin = await plugin("publish/assets");
const imagesPlugin = await plugin("images/plugin");
const postTemplatePlugin = await plugin("render/post-template");
const filtersPlugin = await plugin("render/filters");
const collectionsPlugin = await plugin("listings/collections");
const paginationPlugin = await plugin("listings/pagination");
const videoPlugin = await plugin("render/video");
const seoPlugin = await plugin("publish/seo");
const sitemapPlugin = await plugin("publish/sitemap");
const newsSitemapPlugin = await plugin("publish/news-sitemap");
const feedPlugin = await plugin("publish/feed");
const securityHeadersPlugin = await plugin("publish/security-headers");
const livePreviewPlugin = await plugin("preview/watch-plugin");

// The project this file is in: its site.yaml holds the publication's settings.
const root = fileURLToPath(new URL(".", import.meta.url));

/** @param {import("./lib/types/eleventy.ts").EleventyConfig} eleventyConfig */
export default async function (eleventyConfig) {
  // site.yaml, for the deploy context the environment names; a bad file stops here, before any post is read.
  const site = await loadSite(process.env, root);
  const now = new Date();
  // Each post's outcome, published HTML included, is kept in .cache/ between
  // builds, which Netlify restores (netlify/plugins/build-cache). BUILD_CACHE=off: none.
  const buildCache = process.env.BUILD_CACHE !== "off";

  // ── Before the build: what every page depends on, settled once ───────────
  // The publication's settings and this deploy's address, as global data, and every address's shape.
  eleventyConfig.addPlugin(sitePlugin, { site });
  // Every post read once, checked, and rendered to the HTML that is judged and
  // published; a bad post stops the build here, before anything is written.
  eleventyConfig.addPlugin(validatePlugin, { site, now, persist: buildCache });
  // Static assets, the stylesheet among them, named by a hash of their content (cached forever).
  eleventyConfig.addPlugin(assetsPlugin);

  // ── While rendering: the templates in layouts/ and pages/, and what they use ─
  // A post's page takes the checked reading; Eleventy reads no Markdown itself.
  eleventyConfig.addPlugin(postTemplatePlugin);
  // Posts' pictures (made before the build, with the checks) in pages, and copied into the output after it.
  eleventyConfig.addPlugin(imagesPlugin);
  // Filters: dates, absolute URLs, escaping for each place a value is printed.
  eleventyConfig.addPlugin(filtersPlugin, { site });
  // Collections (posts, neighbours, related stories, tags, authors, archive, listing pages), each built once per build.
  eleventyConfig.addPlugin(collectionsPlugin, { pageSize: site.pageSize, people: site.authors });
  // Numbered page links for the paginated listings.
  eleventyConfig.addPlugin(paginationPlugin);
  // Click-to-play video facades: a link; nothing loads from the video's host.
  eleventyConfig.addPlugin(videoPlugin);
  // JSON-LD for posts and the home page.
  eleventyConfig.addPlugin(seoPlugin, { site });
  // Sitemap entries with true last-modified dates.
  eleventyConfig.addPlugin(sitemapPlugin, { site });
  // The stories of the last two days, for Google News.
  eleventyConfig.addPlugin(newsSitemapPlugin, { site, now });
  // RSS, Atom and JSON Feed from one feed model.
  eleventyConfig.addPlugin(feedPlugin, { site });

  // ── After the build ─────────────────────────────────────────────────────────
  // _headers: the CSP and the feeds' media types, at the addresses of this build.
  eleventyConfig.addPlugin(securityHeadersPlugin, { site });
  // The live preview (npm start) reloads the browser once a rebuild has landed.
  eleventyConfig.addPlugin(livePreviewPlugin);
  // A saved site.yaml is read again, with this whole configuration, and every page rebuilt.
  eleventyConfig.addWatchTarget("site.yaml", { resetConfig: true });

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

/**
 * What search engines and link previews read: JSON-LD for posts
 * (NewsArticle) and the home page (WebSite). Values come from validated
 * frontmatter and the site metadata; templates print them through
 * jsonForScript, which keeps a `</script>` in a headline inert.
 * https://developers.google.com/search/docs/appearance/structured-data/article
 * https://schema.org/NewsArticle
 */
import type { EleventyConfig } from "../types/eleventy.ts";
import { lastChange } from "../listings/last-change.ts";
import type { StoredPost } from "../content/post-store.ts";
import { absoluteUrl, type SiteMetadata } from "../site/settings.ts";
import { addresses } from "../site/addresses.ts";
import { structuredDataImages } from "../images/social-image.ts";
import { creditsOf } from "../site/people.ts";

type Json = Record<string, unknown>;

function publisher(site: SiteMetadata): Json {
  return { "@type": "NewsMediaOrganization", name: site.title, url: absoluteUrl(site, addresses.home) };
}

/** A Person for each name on the byline, with their page here; the newsroom itself when the story names nobody. */
function authors(site: SiteMetadata, post: StoredPost): Json[] {
  return creditsOf(site, post.data.author).map((credit) =>
    credit.key
      ? { "@type": "Person", name: credit.name, url: credit.url, ...(credit.link ? { sameAs: credit.link } : {}) }
      : { "@type": "Organization", name: credit.name, url: credit.url },
  );
}

export function articleJsonLd(site: SiteMetadata, post: StoredPost, path: string): Json {
  const url = absoluteUrl(site, path);
  const images = structuredDataImages(post);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: post.data.title,
    description: post.data.description,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    datePublished: post.data.date.toISOString(),
    dateModified: lastChange(post).toISOString(),
    author: authors(site, post),
    publisher: publisher(site),
    inLanguage: site.language,
    ...(images.length > 0 ? { image: images.map((image) => absoluteUrl(site, image)) } : {}),
    ...(post.data.tags.length > 0 ? { keywords: post.data.tags } : {}),
    ...(post.data.source?.url ? { isBasedOn: post.data.source.url } : {}),
    ...correctionsJsonLd(post),
  };
}

/**
 * Each correction as schema.org's CorrectionComment (https://schema.org/correction),
 * dated when it was made. Updates are news added, not mistakes put right:
 * they move dateModified (through lastChange) and are not corrections.
 */
function correctionsJsonLd(post: StoredPost): Json {
  const comments = (post.data.corrections ?? [])
    .filter((item) => item.kind === "correction")
    .map((item) => ({ "@type": "CorrectionComment", text: item.text, datePublished: item.date.toISOString() }));
  return comments.length > 0 ? { correction: comments } : {};
}

export function websiteJsonLd(site: SiteMetadata): Json {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.title,
    description: site.description,
    url: absoluteUrl(site, addresses.home),
    inLanguage: site.language,
    publisher: publisher(site),
  };
}

export default function seoPlugin(eleventyConfig: EleventyConfig, options: { site: SiteMetadata }): void {
  const { site } = options;
  eleventyConfig.addFilter("articleJsonLd", (post: StoredPost, path: string) => articleJsonLd(site, post, path));
  // A global function, not a filter: it describes the site, not a value piped into it.
  eleventyConfig.addNunjucksGlobal("websiteJsonLd", () => websiteJsonLd(site));
  eleventyConfig.addFilter("lastChange", lastChange);
}

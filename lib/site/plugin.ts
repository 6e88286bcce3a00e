/**
 * Eleventy plugin: publishes the site metadata (lib/site/settings.ts) to every template
 * as the global `site`, with what this deploy context allows, and every
 * address the site publishes (lib/site/addresses.ts) as the global `addresses`.
 * https://www.11ty.dev/docs/data-global-custom/
 */
import type { EleventyConfig } from "../types/eleventy.ts";
import { addresses } from "./addresses.ts";
import { isIndexable, showsUnpublished } from "./publication.ts";
import type { SiteMetadata } from "./settings.ts";

export default function sitePlugin(eleventyConfig: EleventyConfig, options: { site: SiteMetadata }): void {
  const { site } = options;
  eleventyConfig.addGlobalData("site", {
    ...site,
    indexable: isIndexable(site.context),
    showsUnpublished: showsUnpublished(site.context),
  });
  // Its own global rather than part of `site`, which is this deploy's settings:
  // addresses are the same in every build and every context. Templates write
  // {{ addresses.archive }}, {{ addresses.tag(name) }}, {{ addresses.feeds.rss | absoluteUrl }}.
  eleventyConfig.addGlobalData("addresses", addresses);
}

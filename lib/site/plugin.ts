/**
 * Eleventy plugin: publishes the site metadata (lib/site/settings.ts) to every template
 * as the global `site`, with what this deploy context allows.
 * https://www.11ty.dev/docs/data-global-custom/
 */
import type { EleventyConfig } from "../types/eleventy.ts";
import { isIndexable, showsUnpublished } from "./publication.ts";
import type { SiteMetadata } from "./settings.ts";

export default function sitePlugin(eleventyConfig: EleventyConfig, options: { site: SiteMetadata }): void {
  const { site } = options;
  eleventyConfig.addGlobalData("site", {
    ...site,
    indexable: isIndexable(site.context),
    showsUnpublished: showsUnpublished(site.context),
  });
}

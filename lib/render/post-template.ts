/**
 * Eleventy plugin: Markdown files are never read by Eleventy. A post's data
 * and HTML are those of the build's one reading of it (lib/content/frontmatter.ts),
 * which lib/checks/validate.ts judged, taken from lib/content/post-store.ts. So no second
 * frontmatter reader or Markdown renderer can publish something unchecked.
 * https://www.11ty.dev/docs/languages/custom/#overriding-an-existing-template-language
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { EleventyConfig } from "../types/eleventy.ts";
import { getPost } from "../content/post-store.ts";

/**
 * Markdown outside posts/ is not content (lib/content/post-files.ts lists the
 * posts): it is left unpublished by design, whatever folder it is in.
 */
const NOT_CONTENT = { permalink: false, eleventyExcludeFromCollections: true } as const;

export default async function postTemplatePlugin(eleventyConfig: EleventyConfig): Promise<void> {
  await lendExtensionMap();
  eleventyConfig.addExtension("md", {
    read: false,
    getData: (inputPath: string) => {
      const post = getPost(inputPath);
      return post ? { date: post.data.date } : NOT_CONTENT;
    },
    compile: (_content: string, inputPath: string) => () => getPost(inputPath)?.html ?? "",
    // Every template's content is "" here: a cache keyed by content would hand one post's page to all.
    compileOptions: { cache: false },
  });
}

/**
 * Eleventy 3.1.8 gives the engine that overrides a built-in language
 * (addExtension("md")) no extension map, so the live preview's first
 * incremental rebuild fails with "missing `extensionMap` in TemplateEngine".
 * The engine it overrides, which it keeps, has the map: lend it. Can go once
 * Eleventy's TemplateEngineManager sets the map on override engines too.
 */
let lent = false;
async function lendExtensionMap(): Promise<void> {
  if (lent) return;
  lent = true;
  const eleventyEntry = createRequire(import.meta.url).resolve("@11ty/eleventy");
  const customEngine = pathToFileURL(path.join(path.dirname(eleventyEntry), "Engines", "Custom.js")).href;
  const { default: CustomEngine } = (await import(customEngine)) as { default: { prototype: object } };
  const inherited = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(CustomEngine.prototype), "extensionMap");
  if (!inherited?.get || !inherited.set) return;
  const { get, set } = inherited;
  Object.defineProperty(CustomEngine.prototype, "extensionMap", {
    get(this: { _defaultEngine?: { extensionMap: unknown } }) {
      return this._defaultEngine?.extensionMap ?? get.call(this);
    },
    set,
  });
}

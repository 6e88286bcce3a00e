// lib/render/post-template.ts: Eleventy reads no Markdown; a post's page takes the data and HTML validation stored, other Markdown is never published.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { replacePosts } from "../../../lib/content/post-store.ts";
import postTemplatePlugin from "../../../lib/render/post-template.ts";
import { recordingConfig, storedPost } from "../../support/unit-fixtures.ts";

afterEach(() => replacePosts([]));

async function markdownExtension() {
  const recorded = recordingConfig();
  await postTemplatePlugin(recorded.config);
  const extension = recorded.extensions.get("md");
  if (!extension) throw new Error("the plugin registered no md extension");
  return extension;
}

describe("the md extension", () => {
  it("never has Eleventy read the file, and caches no compiled template by its (empty) content", async () => {
    const extension = await markdownExtension();
    expect(extension.read).toBe(false);
    expect(extension.compileOptions).toEqual({ cache: false });
  });

  it("gives a stored post's page its publication date", async () => {
    const date = new Date("2024-06-01T08:30:00Z");
    replacePosts([storedPost("harbour", { date })]);
    expect((await markdownExtension()).getData("./posts/harbour.md")).toEqual({ date });
  });

  it("renders the HTML validation judged, whatever content Eleventy passes", async () => {
    replacePosts([storedPost("harbour", {}, { html: "<p>Checked &amp; stored.</p>\n" })]);
    const render = (await markdownExtension()).compile("# Something else entirely", "./posts/harbour.md");
    expect(render()).toBe("<p>Checked &amp; stored.</p>\n");
  });

  it("reads the store when the page renders, so a rebuild's new HTML is the one published", async () => {
    replacePosts([storedPost("harbour", {}, { html: "<p>old</p>" })]);
    const render = (await markdownExtension()).compile("", "./posts/harbour.md");
    replacePosts([storedPost("harbour", {}, { html: "<p>new</p>" })]);
    expect(render()).toBe("<p>new</p>");
  });

  it("publishes no Markdown that is not a post: no permalink, in no collection, no HTML", async () => {
    const extension = await markdownExtension();
    for (const file of ["./README.md", "./layouts/notes.md", "./posts/not-validated.md"]) {
      expect(extension.getData(file)).toEqual({ permalink: false, eleventyExcludeFromCollections: true });
      expect(extension.compile("# Secret", file)()).toBe("");
    }
  });
});

describe("Eleventy's engine for an overridden language", () => {
  it("is lent the extension map of the engine it overrides", async () => {
    await markdownExtension();
    const entry = createRequire(import.meta.url).resolve("@11ty/eleventy");
    const url = pathToFileURL(path.join(path.dirname(entry), "Engines", "Custom.js")).href;
    const { default: CustomEngine } = (await import(url)) as { default: { prototype: object } };
    const map = { name: "the overridden engine's map" };
    const engine = Object.create(CustomEngine.prototype) as { _defaultEngine?: { extensionMap: unknown }; extensionMap: unknown };
    engine._defaultEngine = { extensionMap: map };
    expect(engine.extensionMap).toBe(map);
  });
});

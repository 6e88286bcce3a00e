/**
 * The one markdown-it instance every post is rendered with.
 * https://www.11ty.dev/docs/languages/markdown/#optional-set-your-own-library-instance
 */
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import type { Options, Renderer, Token } from "markdown-it/index.js";
import type { EleventyConfig } from "./eleventy-config.ts";
import { latin1Html } from "./latin1-text.ts";
import { RenderCache, rendererVersion } from "./render-cache.ts";
import { slugifyTag } from "./slug.ts";

export function createMarkdown(siteOrigin: string): MarkdownIt {
  // html: trusted authors may write raw HTML; lib/body-checks.ts refuses the dangerous parts.
  const md = new MarkdownIt({ html: true, typographer: true, linkify: false });
  md.use(anchor, { slugify: (text: string) => slugifyTag(text) || "section", tabIndex: false });

  const renderToken = (tokens: Token[], idx: number, options: Options, _env: unknown, self: Renderer) =>
    self.renderToken(tokens, idx, options);

  const linkOpen = md.renderer.rules.link_open ?? renderToken;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx] as Token;
    if (isExternal(token.attrGet("href"), siteOrigin)) {
      // noopener: a page we link to can never script or redirect this one.
      token.attrSet("rel", "noopener");
    }
    return linkOpen(tokens, idx, options, env, self);
  };

  const image = md.renderer.rules.image ?? renderToken;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx] as Token;
    token.attrSet("loading", "lazy");
    token.attrSet("decoding", "async");
    return image(tokens, idx, options, env, self);
  };
  return md;
}

/**
 * The same block and inline rules as the renderer, without the cosmetic core
 * rules (heading anchors, typography): for checks that read structure only.
 * Escaped characters stay separate tokens (no text_join), so `\[x\](y)` is not
 * read as a broken link. Parsed once per post and shared by every check.
 */
const structureParser = createMarkdown("http://localhost");
structureParser.core.ruler.disable(["text_join", "anchor", "replacements", "smartquotes"]);

export function parseStructure(body: string): Token[] {
  return structureParser.parse(body, {});
}

/** Renders tokens from parseStructure back to HTML. */
export function renderStructure(tokens: Token[]): string {
  return structureParser.renderer.render(tokens, structureParser.options, {});
}

export function isExternal(href: string | null, siteOrigin: string): boolean {
  if (!href || !/^https?:\/\//i.test(href)) return false;
  return new URL(href).origin !== siteOrigin;
}

export interface MarkdownPluginOptions {
  siteOrigin: string;
  /** Where rendered bodies are kept between builds (lib/render-cache.ts); none to render every post afresh. */
  cacheFile?: string;
}

/** Eleventy plugin: renders .md templates with our instance. */
export default function markdownPlugin(eleventyConfig: EleventyConfig, options: MarkdownPluginOptions): void {
  const md = createMarkdown(options.siteOrigin);
  // Curly quotes and dashes as character references: see lib/latin1-text.ts.
  const render = md.render.bind(md);
  md.render = (source, env) => latin1Html(render(source, env));
  if (options.cacheFile) {
    const cache = new RenderCache(options.cacheFile, rendererVersion(options.siteOrigin));
    md.render = cache.wrap(md.render);
    // Written after full builds only: a live preview keeps it in memory.
    eleventyConfig.on("eleventy.after", ({ runMode }) => {
      if (runMode !== "build") return;
      const { hits, misses } = cache.stats;
      console.log(`Post bodies: ${misses} rendered, ${hits} unchanged from the build cache.`);
      cache.save();
    });
  }
  eleventyConfig.setLibrary("md", md);
}

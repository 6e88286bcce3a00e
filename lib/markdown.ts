/**
 * The one markdown-it instance every post is rendered with.
 * https://www.11ty.dev/docs/languages/markdown/#optional-set-your-own-library-instance
 */
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import type { Options, Renderer, Token } from "markdown-it/index.js";
import type { EleventyConfig } from "./eleventy-config.ts";
import { latin1Html } from "./latin1-text.ts";
import { cacheWriteSchedule } from "./kept-map.ts";
import { RenderCache, rendererVersion } from "./render-cache.ts";
import { slugifyTag } from "./slug.ts";

// html: trusted authors may write raw HTML; lib/body-checks.ts refuses the dangerous parts.
const OPTIONS = { html: true, typographer: true, linkify: false } as const;

/**
 * markdown-it's core rules, split where the checks read a post: the rules
 * that build its structure, then the cosmetic ones (typography, text runs
 * joined, heading anchors). createMarkdown's chain is exactly the two halves
 * in this order; tests/unit/rendered-bodies.test.ts holds it so.
 */
export const STRUCTURE_RULES = ["normalize", "block", "inline", "linkify"];
export const COSMETIC_RULES = ["replacements", "smartquotes", "text_join", "anchor"];

export function createMarkdown(siteOrigin: string): MarkdownIt {
  const md = new MarkdownIt(OPTIONS);
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
 * rules: for checks that read structure only. Escaped characters stay
 * separate tokens (no text_join), so `\[x\](y)` is not read as a broken
 * link. Parsed once per post and shared by every check; createParsedRenderer
 * then carries the same tokens on to the page. Its renderer is markdown-it's own,
 * which leaves the tokens as the page's renderer expects to find them.
 */
const structureParser = new MarkdownIt(OPTIONS);
structureParser.core.ruler.disable(COSMETIC_RULES.filter((rule) => rule !== "anchor"));

export function parseStructure(body: string): Token[] {
  return structureParser.parse(body, {});
}

/** Renders tokens from parseStructure back to HTML, without the cosmetic rules: what the checks judge. */
export function renderStructure(tokens: Token[]): string {
  return structureParser.renderer.render(tokens, structureParser.options, {});
}

/**
 * A post's HTML from the tokens of parseStructure, once the checks are done
 * with them: the cosmetic rules, then the page's renderer. The same HTML as
 * createMarkdown(siteOrigin).render(body), for one parse instead of two.
 */
export function createParsedRenderer(siteOrigin: string): (tokens: Token[]) => string {
  const md = createMarkdown(siteOrigin);
  md.core.ruler.disable(STRUCTURE_RULES);
  return (tokens) => {
    const state = new md.core.State("", md, {});
    state.tokens = tokens;
    md.core.process(state);
    return latin1Html(md.renderer.render(state.tokens, md.options, {}));
  };
}

export function isExternal(href: string | null, siteOrigin: string): boolean {
  if (!href || !/^https?:\/\//i.test(href)) return false;
  return new URL(href).origin !== siteOrigin;
}

export interface MarkdownPluginOptions {
  siteOrigin: string;
  /** Where rendered bodies are kept between builds (lib/render-cache.ts); none to render every post afresh. */
  cacheFile?: string;
  /** Bodies the validator already parsed and rendered this build (lib/rendered-bodies.ts). */
  renderedBodies?: { take(inputPath: string, body: string): string | undefined; readonly taken: number };
}

/** Eleventy plugin: renders .md templates with our instance. */
export default function markdownPlugin(eleventyConfig: EleventyConfig, options: MarkdownPluginOptions): void {
  const md = createMarkdown(options.siteOrigin);
  // Curly quotes and dashes as character references: see lib/latin1-text.ts.
  const render = md.render.bind(md);
  const offered = (source: string, env: unknown) => {
    const inputPath = (env as { page?: { inputPath?: string } } | undefined)?.page?.inputPath;
    return inputPath ? options.renderedBodies?.take(inputPath, source) : undefined;
  };
  md.render = (source, env) => offered(source, env) ?? latin1Html(render(source, env));
  if (options.cacheFile) {
    const cache = new RenderCache(options.cacheFile, rendererVersion(options.siteOrigin));
    md.render = cache.wrap(md.render);
    const writeNow = cacheWriteSchedule();
    eleventyConfig.on("eleventy.after", ({ runMode }) => {
      if (!writeNow(runMode)) return;
      const { hits, misses } = cache.stats;
      const parsedOnce = options.renderedBodies ? ` (${options.renderedBodies.taken} from the checks' parse)` : "";
      console.log(`Post bodies: ${misses} rendered${parsedOnce}, ${hits} unchanged from the build cache.`);
      cache.save();
    });
  }
  eleventyConfig.setLibrary("md", md);
}

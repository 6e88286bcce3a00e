/**
 * The one markdown-it setup every post is parsed and rendered with.
 * https://github.com/markdown-it/markdown-it
 */
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import type { Options, Renderer, Token } from "markdown-it/index.js";
import { slugifyTag } from "../content/slug.ts";
import { footnotes } from "./footnotes.ts";

// html: authors may write raw HTML; lib/checks/html-allow-list.ts judges the HTML that results.
const OPTIONS = { html: true, typographer: true, linkify: false } as const;

/**
 * markdown-it's core rules, split where the checks read a post: the rules
 * that build its structure (footnotes gathered at its end included), then
 * the cosmetic ones (typography, text runs joined, heading anchors). createMarkdown's chain is exactly the two halves
 * in this order; tests/unit/render/markdown-render.test.ts holds it so.
 */
export const STRUCTURE_RULES = ["normalize", "block", "inline", "footnote_tail", "linkify"];
export const COSMETIC_RULES = ["replacements", "smartquotes", "text_join", "anchor"];

export function createMarkdown(siteOrigin: string): MarkdownIt {
  const md = new MarkdownIt(OPTIONS).use(footnotes);
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

  // A column's alignment as a class of the site's stylesheet: the inline
  // style markdown-it writes is what the Content-Security-Policy blocks.
  for (const cell of ["th_open", "td_open"]) {
    md.renderer.rules[cell] = (tokens, idx, options, _env, self) => {
      const token = tokens[idx] as Token;
      const align = /^text-align:(left|center|right)$/.exec(token.attrGet("style") ?? "")?.[1];
      if (align) token.attrs = [["class", `align-${align}`]];
      return self.renderToken(tokens, idx, options);
    };
  }
  return md;
}

/**
 * The same block and inline rules as the renderer, without the cosmetic core
 * rules: for checks that read structure only. Escaped characters stay
 * separate tokens (no text_join), so `\[x\](y)` is not read as a broken
 * link. Parsed once per post and shared by every check; createPostRenderer
 * then carries the same tokens on to the page.
 */
const structureParser = new MarkdownIt(OPTIONS).use(footnotes);
structureParser.core.ruler.disable(COSMETIC_RULES.filter((rule) => rule !== "anchor"));

export function parseStructure(body: string): Token[] {
  return structureParser.parse(body, {});
}

/** Where the HTML of one block starts, and the lines of the Markdown it came from (0-based, end excluded). */
export interface BlockSource {
  offset: number;
  line: number;
  endLine: number;
}

/** A post body as published, and where each block of it came from, to place a problem found in the HTML. */
export interface RenderedPost {
  html: string;
  blocks: BlockSource[];
}

/**
 * A post's HTML from the tokens of parseStructure, once the checks are done
 * with them: the cosmetic rules, then the page's renderer. The same HTML as
 * createMarkdown(siteOrigin).render(body), for one parse. markdown-it's own
 * render loop, token by token, so each block's place in the output is known.
 */
export function createPostRenderer(siteOrigin: string): (tokens: Token[]) => RenderedPost {
  const md = createMarkdown(siteOrigin);
  md.core.ruler.disable(STRUCTURE_RULES);
  const { rules } = md.renderer;
  return (tokens) => {
    const state = new md.core.State("", md, {});
    state.tokens = tokens;
    md.core.process(state);
    const blocks: BlockSource[] = [];
    let html = "";
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index] as Token;
      if (token.map && token.nesting !== -1) blocks.push({ offset: html.length, line: token.map[0], endLine: token.map[1] });
      const rule = rules[token.type];
      const piece =
        token.type === "inline"
          ? md.renderer.renderInline(token.children ?? [], md.options, {})
          : rule
            ? rule(tokens, index, md.options, {}, md.renderer)
            : md.renderer.renderToken(tokens, index, md.options);
      html += piece;
    }
    return { html, blocks };
  };
}

export function isExternal(href: string | null, siteOrigin: string): boolean {
  if (!href || !/^https?:\/\//i.test(href)) return false;
  return new URL(href).origin !== siteOrigin;
}

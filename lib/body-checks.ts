/**
 * Checks on a post's Markdown body that the schema cannot see: constructs that
 * would render as broken or raw text, and raw HTML that could attack a reader.
 * Lines are 1-based within the body.
 */
import type { Token } from "markdown-it/index.js";
import { checkRawHtml } from "./html-safety.ts";
import { inspectMarkdown, type PostLink } from "./markdown-checks.ts";
import { parseStructure } from "./markdown.ts";
import { countWords } from "./word-count.ts";

export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

export interface BodyReport {
  problems: BodyProblem[];
  /** Links to /posts/<slug>/, checked against every post by lib/validate.ts. */
  postLinks: PostLink[];
  /** For the reading time (lib/word-count.ts). */
  words: number;
  /** markdown-it's structure parse the checks read (lib/markdown.ts parseStructure), done with. */
  tokens: Token[];
}

/** Takes a valid post's body and its parse, to render the page from it (lib/rendered-bodies.ts). */
export type ParsedBodyListener = (body: string, tokens: Token[]) => void;

export function inspectBody(body: string): BodyReport {
  if (body.trim() === "") {
    return { problems: [{ line: 1, column: 1, message: "expected the article text after the closing `---`, found an empty body" }], postLinks: [], words: 0, tokens: [] };
  }
  const tokens = parseStructure(body);
  const markdown = inspectMarkdown(body, tokens);
  return { problems: [...markdown.problems, ...checkRawHtml(body, tokens)], postLinks: markdown.postLinks, words: countWords(tokens), tokens };
}

/**
 * Checks on a post's Markdown body that the schema cannot see: constructs
 * that would render as broken or raw text. The HTML the body renders to is
 * judged after it (lib/checks/published-html.ts). Lines are 1-based within the body.
 */
import type { Token } from "markdown-it/index.js";
import { inspectMarkdown } from "./markdown-checks.ts";
import { parseStructure } from "../render/markdown.ts";
import { countWords } from "../render/word-count.ts";

import type { BodyProblem } from "./problems.ts";

export interface BodyReport {
  problems: BodyProblem[];
  /** For the reading time (lib/render/word-count.ts). */
  words: number;
  /** markdown-it's structure parse the checks read (lib/render/markdown.ts parseStructure), to render the page from. */
  tokens: Token[];
}

export function inspectBody(body: string): BodyReport {
  if (body.trim() === "") {
    return {
      problems: [{ line: 1, column: 1, message: "expected the article text after the closing `---`, found an empty body" }],
      words: 0,
      tokens: [],
    };
  }
  const tokens = parseStructure(body);
  return { problems: inspectMarkdown(body, tokens).problems, words: countWords(tokens), tokens };
}

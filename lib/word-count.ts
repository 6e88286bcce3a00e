/**
 * How many words a reader meets in a post, counted once at validation from
 * the tokens the body checks already have, so it is kept in the build cache
 * with the rest of the outcome and no page re-reads its HTML for it.
 * Markup between two pieces of text separates them, as it does on the page.
 */
import type { Token } from "markdown-it/index.js";

const WORD = /\S+/g;
/** Inline tokens that are plain text (`text_special`: an escaped character). */
const TEXT = new Set(["text", "text_special"]);

function countIn(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Raw HTML counts for the text between its tags. */
const withoutTags = (html: string) => html.replace(/<[^>]*>/g, " ");

export function countWords(tokens: Token[]): number {
  let words = 0;
  for (const token of tokens) {
    if (token.type === "inline") {
      // Adjacent text tokens (an escape splits them) are one run of text.
      let run = "";
      for (const child of token.children ?? []) {
        if (TEXT.has(child.type)) run += child.content;
        else run += child.type === "code_inline" ? ` ${child.content} ` : " ";
      }
      words += countIn(run);
    } else if (token.type === "fence" || token.type === "code_block") {
      words += countIn(token.content);
    } else if (token.type === "html_block") {
      words += countIn(withoutTags(token.content));
    }
  }
  return words;
}

/**
 * How many words a reader meets in a post, counted once at validation from
 * the tokens the body checks already have, so it is kept in the build cache
 * with the rest of the outcome and no page re-reads its HTML for it.
 * Markup between two pieces of text separates them, as it does on the page.
 */
import type { Token } from "markdown-it/index.js";

/** Inline tokens that are plain text (`text_special`: an escaped character). */
const TEXT = new Set(["text", "text_special"]);

/** Beyond ASCII, what /\s/ says of each code unit met, asked once: 1 a space, 2 not. */
const wideSpace = new Uint8Array(0x10000);
/** JavaScript's `\s`: the characters /\S+/g splits words at. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  wideSpace[code] ||= /\s/.test(String.fromCharCode(code)) ? 1 : 2;
  return wideSpace[code] === 1;
}

/**
 * Counts words across pieces of text read one after another, like a regular
 * expression over their concatenation, without building it or an array of
 * matches: every post's words are counted on a first build.
 */
class WordCounter {
  words = 0;
  #inWord = false;

  add(text: string): void {
    let { words } = this;
    let inWord = this.#inWord;
    for (let index = 0; index < text.length; index++) {
      if (isSpace(text.charCodeAt(index))) inWord = false;
      else if (!inWord) {
        inWord = true;
        words++;
      }
    }
    this.words = words;
    this.#inWord = inWord;
  }

  /** Markup between two pieces of text. */
  break(): void {
    this.#inWord = false;
  }
}

/** Raw HTML counts for the text between its tags. */
const withoutTags = (html: string) => html.replace(/<[^>]*>/g, " ");

export function countWords(tokens: Token[]): number {
  const counter = new WordCounter();
  for (const token of tokens) {
    counter.break();
    if (token.type === "inline") {
      // Adjacent text tokens (an escape splits them) are one run of text.
      for (const child of token.children ?? []) {
        if (TEXT.has(child.type)) {
          counter.add(child.content);
          continue;
        }
        counter.break();
        if (child.type === "code_inline") {
          counter.add(child.content);
          counter.break();
        }
      }
    } else if (token.type === "fence" || token.type === "code_block") {
      counter.add(token.content);
    } else if (token.type === "html_block") {
      counter.add(withoutTags(token.content));
    }
  }
  return counter.words;
}

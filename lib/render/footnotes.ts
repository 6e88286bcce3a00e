/**
 * Footnotes, with markdown-it's own plugin (issue 19): `[^1]` in the text and
 * `[^1]: The note.` on a line of its own, or `^[the note]` inline. Notes are
 * numbered in the order they are first cited and listed at the story's end
 * under a heading, each with a link back to every place it is cited.
 *
 * The plugin's markup is rewritten for readers who cannot see the page: a
 * citation is a bare number, so its link is described by the notes' heading
 * (a screen reader says "1, Notes"); each way back says where it goes.
 * The notes are a section named by its heading rather than after a rule, and
 * a number is written as the number alone, without brackets.
 * https://github.com/markdown-it/markdown-it-footnote
 */
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it/index.js";
import footnote from "markdown-it-footnote";

/** The notes' heading, which describes every citation. */
const HEADING_ID = "footnote-label";

/** A note's number, and the number of a later citation of it (1:1 is the second place note 1 is cited). */
function numbers(token: Token): { note: string; citation: string } {
  const { id, subId } = token.meta as { id: number; subId: number };
  const note = String(id + 1);
  return { note, citation: subId > 0 ? `${note}:${subId}` : note };
}

export function footnotes(md: MarkdownIt): void {
  md.use(footnote);
  const { rules } = md.renderer;
  rules.footnote_ref = (tokens, idx) => {
    const { note, citation } = numbers(tokens[idx] as Token);
    return `<sup class="footnote-ref"><a href="#fn${note}" id="fnref${citation}" aria-describedby="${HEADING_ID}">${note}</a></sup>`;
  };
  rules.footnote_block_open = () =>
    `<section class="footnotes" aria-labelledby="${HEADING_ID}">\n<h2 id="${HEADING_ID}">Notes</h2>\n<ol class="footnotes-list">\n`;
  rules.footnote_block_close = () => "</ol>\n</section>\n";
  rules.footnote_anchor = (tokens, idx) => {
    const { citation } = numbers(tokens[idx] as Token);
    // U+FE0E keeps the arrow a glyph of the text's font: iOS would draw an emoji.
    return ` <a href="#fnref${citation}" class="footnote-backref" aria-label="Back to citation ${citation}">\u21a9\ufe0e</a>`;
  };
}

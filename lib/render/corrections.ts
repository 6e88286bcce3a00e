/**
 * A story's corrections and updates as readers see them: one box, headed by
 * what it holds ("Correction", "Updates", "Corrections and updates"), each
 * notice opening with its date. The same HTML stands on the page, under the
 * headline and byline and above the lead picture and the story, and at the
 * top of the story's entry in every feed: a reader who read the earlier
 * version, or arrives from a link to it, learns what changed before reading
 * on, as wire services and most news sites show corrections, and the feed
 * entry says what changed in the words the page uses.
 *
 * The text is plain text (lib/content/schema.ts), escaped here for HTML; a
 * feed template escapes the whole once more for XML, and JSON.stringify for
 * JSON Feed.
 */
import type { Correction } from "../content/schema.ts";
import { isoDate, readableDate } from "./dates.ts";

const LABELS = { correction: ["Correction", "Corrections"], update: ["Update", "Updates"] } as const;

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Oldest first: the notices read as the story's record of changes, in the order they were made. */
function inDateOrder(corrections: readonly Correction[]): Correction[] {
  return [...corrections].sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** What the box holds, in words: a kind's name, plural for more than one, or both kinds. */
export function correctionsHeading(corrections: readonly Correction[]): string {
  const kinds = new Set(corrections.map((item) => item.kind));
  if (kinds.size > 1) return "Corrections and updates";
  const [kind = "correction"] = kinds;
  return LABELS[kind][corrections.length === 1 ? 0 : 1];
}

/**
 * The box, or nothing for a story never corrected. In a box of one kind the
 * heading names it; in a mixed one each notice names its own kind in words,
 * never by colour alone.
 */
export function correctionsHtml(corrections: readonly Correction[] | undefined): string {
  if (!corrections?.length) return "";
  const mixed = new Set(corrections.map((item) => item.kind)).size > 1;
  const notices = inDateOrder(corrections).map((item) => {
    const kind = mixed ? `<strong>${LABELS[item.kind][0]}</strong>, ` : "";
    const when = `<time datetime="${isoDate(item.date)}">${readableDate(item.date)}</time>`;
    return `<p>${kind}${when}: ${escapeText(item.text)}</p>`;
  });
  return `<section class="corrections">\n<h2>${correctionsHeading(corrections)}</h2>\n${notices.join("\n")}\n</section>\n`;
}

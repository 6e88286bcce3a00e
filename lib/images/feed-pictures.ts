/**
 * Pictures as feeds carry them: the lead picture as a <figure> at the top of
 * the entry's HTML, as the page shows it, and the size in bytes that an RSS
 * enclosure and an Atom enclosure link must state.
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { StoredPost } from "../content/post-store.ts";
import { addresses } from "../site/addresses.ts";
import { BODY_SIZES, pictureHtml } from "./picture.ts";
import { PICTURES_FOLDER } from "./pictures-folder.ts";

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The lead picture and its caption and credit as HTML, or nothing; its URLs are site paths, made absolute with the rest of the entry. */
export function leadFigure(post: StoredPost): string {
  const { lead } = post;
  if (!lead) return "";
  const caption = [lead.caption, lead.credit]
    .filter(Boolean)
    .map((text) => escapeText(text as string))
    .join(" ");
  const picture = pictureHtml(lead.picture, { alt: lead.alt, sizes: BODY_SIZES, loading: "lazy" });
  return `<figure>${picture}${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>\n`;
}

/** The size of a published picture, read where the pipeline keeps it (the build runs in the project's root, as Eleventy resolves its input). */
export function pictureBytes(sitePath: string): number {
  return statSync(path.join(PICTURES_FOLDER, sitePath.slice(addresses.images.length))).size;
}

/**
 * The picture that stands for a story where it is shared or indexed: its
 * lead picture's crops when it has one, else its generated card. Link
 * previews take one picture (og:image); Google's article structured data
 * takes several crops; feeds take one, with its size in bytes.
 */
import type { StoredPost } from "../content/post-store.ts";

export interface SocialImage {
  /** A site path below addresses.images. */
  path: string;
  width: number;
  height: number;
  type: "image/jpeg" | "image/png";
  /** What it shows, for og:image:alt and media:description. */
  alt: string;
}

/** The one picture a link preview or a feed entry shows: the 16:9 crop, which every network shows uncut, or the card. */
export function socialImage(post: StoredPost): SocialImage | undefined {
  const crop = post.lead?.crops.find((candidate) => candidate.ratio === "16x9");
  // A decorative picture says nothing the story does not: the headline describes the preview.
  if (post.lead && crop)
    return { path: crop.url, width: crop.width, height: crop.height, type: "image/jpeg", alt: post.lead.alt || post.data.title };
  if (post.card) return { path: post.card.url, width: post.card.width, height: post.card.height, type: "image/png", alt: post.data.title };
  return undefined;
}

/** Every crop of the lead picture, widest ratio first, as Google's article guidelines ask; else the card. */
export function structuredDataImages(post: StoredPost): string[] {
  if (post.lead) return post.lead.crops.map((crop) => crop.url);
  return post.card ? [post.card.url] : [];
}

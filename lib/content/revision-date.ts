/**
 * When a post was last revised, which its page ("Updated"), the feeds, the
 * sitemap and the JSON-LD all say (through StoredPost.updated and
 * lib/listings/last-change.ts): the frontmatter's `updated`, else the last
 * commit that changed the file, and never earlier than its newest correction
 * or update. A correction is a revision readers are told about, so it moves
 * the date forward even past an `updated` written before it; it never moves
 * the date back.
 */
import type { Frontmatter } from "./schema.ts";

type RevisionFields = Pick<Frontmatter, "date" | "updated" | "corrections">;

/** The newest correction or update's date, if the post has any. */
export function newestCorrection(data: Pick<Frontmatter, "corrections">): Date | undefined {
  let newest: Date | undefined;
  for (const { date } of data.corrections ?? []) if (!newest || date > newest) newest = date;
  return newest;
}

/** `committed`: the post's last revision in git, if any. */
export function revisionDate(data: RevisionFields, committed: Date | undefined): Date | undefined {
  // An edit committed before the publication date is part of writing it, not a revision.
  const stated = data.updated ?? (committed && committed > data.date ? committed : undefined);
  const corrected = newestCorrection(data);
  return corrected && (!stated || corrected > stated) ? corrected : stated;
}

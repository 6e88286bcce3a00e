/**
 * Related stories: under each story, up to three others that share one of
 * its tags, in one pass over the newest-first list the listings use.
 *
 * The rule. A story is related by the rarest tag it shares with this one,
 * rarity being how many published stories carry the tag (tags are one tag
 * whatever their case, by slug, as the topic pages merge them). Sharing a
 * tag four stories carry says far more than sharing one half the site
 * carries, so the story with the rarer shared tag comes first; among stories
 * whose rarest shared tag is as rare, the newest comes first. Sharing more
 * tags does not lift a story: a score that added tags up would need a weight
 * nobody could justify, would let two common tags outrank one telling tag,
 * and could not be computed exactly without reading every carrier of a
 * common tag. This rule an editor can check on the topic pages (the newest
 * stories of the story's rarest topic, then of the next rarest), and a
 * bounded walk computes it exactly.
 *
 * The bound. Each of the story's tags is read only as far as its four newest
 * carriers: `limit` plus one, for the story itself. A story that a tag's
 * walk stops before has four newer stories ahead of it in that tag, at least
 * three of them other stories, and each ranks above it by that tag (as rare
 * and newer). So a story is among the three chosen only if it is within the
 * first four of its rarest shared tag, where the walk finds it with the
 * rarity it ranks by. A walk finds a story only under tags it does share, so
 * no story can look rarer than it is and overtake one of the three.
 * A tag on every story then costs four steps per story rather than one per
 * other story, and the whole computation is linear in the (story, tag) pairs
 * plus a sort of each story's few candidates.
 */
import { slugifyTag } from "../content/slug.ts";

/** How many related stories a story shows at most. */
export const RELATED_LIMIT = 3;

/**
 * For each item of `sorted` (newest first, as lib/listings/collections.ts
 * sorts the posts) that shares a tag with another, the related items, best
 * first. Items with none are left out of the map.
 */
export function relatedStories<T>(sorted: readonly T[], tags: (item: T) => readonly string[], limit = RELATED_LIMIT): Map<T, T[]> {
  // Positions in `sorted` stand for stories: a smaller one is newer.
  const storyTags: string[][] = [];
  const carriers = new Map<string, number[]>();
  for (const [position, item] of sorted.entries()) {
    const slugs = [...new Set(tags(item).map(slugifyTag))];
    storyTags.push(slugs);
    for (const slug of slugs) {
      const list = carriers.get(slug);
      // Appended in the order of `sorted`, so each list is newest first.
      if (list) list.push(position);
      else carriers.set(slug, [position]);
    }
  }

  const related = new Map<T, T[]>();
  const walk = limit + 1;
  for (const [position, item] of sorted.entries()) {
    // Candidate position → carriers of the rarest tag it was found under.
    const rarity = new Map<number, number>();
    for (const slug of storyTags[position] ?? []) {
      const list = carriers.get(slug) ?? [];
      for (let index = 0; index < Math.min(walk, list.length); index++) {
        const other = list[index] as number;
        if (other !== position && list.length < (rarity.get(other) ?? Number.POSITIVE_INFINITY)) rarity.set(other, list.length);
      }
    }
    if (rarity.size === 0) continue;
    const best = [...rarity].sort(([a, rarityA], [b, rarityB]) => rarityA - rarityB || a - b);
    const chosen = best.slice(0, limit).map(([other]) => sorted[other] as T);
    related.set(item, chosen);
  }
  return related;
}

/**
 * Gives every story this build publishes without a lead picture a social
 * card (lib/images/card.ts), so a link shared anywhere shows its headline
 * rather than a bare line of text. Cards are kept by what they show, so a
 * build makes only the cards of new or retitled stories.
 */
import type { StoredPost } from "../content/post-store.ts";

export async function addCards(root: string, site: { title: string; language: string }, posts: StoredPost[]): Promise<void> {
  const needing = posts.filter((post) => post.published && !post.lead);
  if (needing.length === 0) return;
  const { socialCard } = await import("./card.ts");
  for (const post of needing) {
    post.card = await socialCard(root, {
      headline: post.data.title,
      publication: site.title,
      date: post.data.date,
      language: site.language,
    });
  }
}

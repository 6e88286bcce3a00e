/**
 * The people who write, each with the stories that name them: their pages
 * (/authors/<key>/, paginated as topics are) and the index of people. Made
 * once per build from the one sorted list of posts (lib/listings/collections.ts),
 * in a single pass over the bylines.
 */
import type { StoredPost } from "../content/post-store.ts";
import { addresses } from "../site/addresses.ts";
import type { Person } from "../site/settings-schema.ts";
import { listingPages, type ListingPage } from "./pagination.ts";

/** A person as their page shows them: site.yaml's entry, with the key that is their address. */
export interface Writer extends Person {
  key: string;
}

export interface AuthorGroup<T> {
  person: Writer;
  /** Newest first, as given. */
  items: T[];
}

export interface AuthorPage<T> extends ListingPage<T> {
  person: Writer;
}

/**
 * Everyone with at least one story here, by name; each story keeps the
 * order of `sorted`. People listed in site.yaml with nothing published yet
 * get no page, as a topic with no story has none.
 */
export function groupByAuthor<T extends { post: StoredPost }>(sorted: T[], people: Readonly<Record<string, Person>>): AuthorGroup<T>[] {
  const groups = new Map<string, AuthorGroup<T>>();
  for (const item of sorted) {
    for (const key of item.post.data.author ?? []) {
      const person = people[key];
      if (!person) continue;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { person: { key, ...person }, items: [] }));
      group.items.push(item);
    }
  }
  return [...groups.values()].sort(
    (a, b) => a.person.name.localeCompare(b.person.name, "en", { sensitivity: "base" }) || (a.person.key < b.person.key ? -1 : 1),
  );
}

/** Every page of every person, flattened, so one template pages through them all. */
export function authorPages<T extends { post: StoredPost }>(groups: AuthorGroup<T>[], size: number): AuthorPage<T>[] {
  return groups.flatMap(({ person, items }) =>
    listingPages(items, size, addresses.author(person.key)).map((page) => ({ ...page, person })),
  );
}

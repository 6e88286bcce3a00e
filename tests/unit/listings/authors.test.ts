// lib/listings/authors.ts: each person with the stories that name them, and their pages.
import { describe, expect, it } from "vitest";
import { authorPages, groupByAuthor } from "../../../lib/listings/authors.ts";
import { addresses } from "../../../lib/site/addresses.ts";
import { storedPost } from "../../support/unit-fixtures.ts";

const PEOPLE = {
  "sam-lee": { name: "Sam Lee", bio: "Port." },
  "ana-ruiz": { name: "ana Ruiz", bio: "Courts.", link: "https://ana.example/" },
  "no-story": { name: "Newcomer", bio: "Soon." },
};

/** Newest first, as collections hand them over. */
const items = [
  { slug: "d", author: ["sam-lee"] },
  { slug: "c", author: ["ana-ruiz", "sam-lee"] },
  { slug: "b", author: undefined },
  { slug: "a", author: ["sam-lee"] },
].map(({ slug, author }) => ({ post: storedPost(slug, author ? { author } : {}) }));

describe("groupByAuthor", () => {
  const groups = groupByAuthor(items, PEOPLE);

  it("gives everyone with a story their stories in the order given, people by name whatever the case", () => {
    expect(groups.map((group) => [group.person.key, group.items.map((item) => item.post.slug)])).toEqual([
      ["ana-ruiz", ["c"]],
      ["sam-lee", ["d", "c", "a"]],
    ]);
    expect(groups[0]?.person).toEqual({ key: "ana-ruiz", ...PEOPLE["ana-ruiz"] });
  });

  it("gives no group to someone with no story, nor to the newsroom's stories", () => {
    expect(groups.some((group) => group.person.key === "no-story")).toBe(false);
    expect(groups.flatMap((group) => group.items).some((item) => item.post.slug === "b")).toBe(false);
  });
});

describe("authorPages", () => {
  it("pages each person's stories below their address, each page knowing whose it is", () => {
    const pages = authorPages(groupByAuthor(items, PEOPLE), 2);
    expect(pages.map((page) => [page.url, page.person.key, page.items.length])).toEqual([
      [addresses.author("ana-ruiz"), "ana-ruiz", 1],
      [addresses.author("sam-lee"), "sam-lee", 2],
      [`${addresses.author("sam-lee")}page/2/`, "sam-lee", 1],
    ]);
  });
});

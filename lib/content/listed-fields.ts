/**
 * What pages other than a post's own show of it: the listings (home, tag and
 * archive-month pages), and on other posts' pages the previous/next links of
 * the posts either side and the related stories of the posts that share a
 * tag (layouts/post.njk); both are its neighbours here. The live preview
 * renders a page again only when something it shows changed, and it learns
 * what that is here alone: lib/preview/listing-changes.ts signs each listing
 * page with these fields, and lib/preview/server.ts rebuilds every page when
 * a field the neighbours show or are chosen by changes (Eleventy's
 * incremental build would render the edited post alone). A field a listing
 * prints but this leaves out would leave those pages stale;
 * tests/site/preview/listed-fields.test.ts renders the site with every read
 * of a post recorded and fails on any such field.
 *
 * Types only are imported, so any module may import this one.
 */
import type { StoredPost } from "./post-store.ts";
import type { Frontmatter } from "./schema.ts";

/** Where a change to a field shows: on listing pages, or on the neighbouring posts' pages too. */
export type ShownOn = "listings" | "listings and neighbours";

/** Frontmatter fields, as the schema names them (a misspelt one is a type error). */
export type ListedFields = { readonly [Field in keyof Frontmatter]?: ShownOn };

/** The frontmatter listings show, as templates reach it: `post.data.<field>`. */
export const LISTED_FIELDS = {
  title: "listings and neighbours",
  // Also the order of every listing and which posts are neighbours; a future date makes a post scheduled.
  date: "listings and neighbours",
  description: "listings",
  // Also which stories are related, and in what order (lib/listings/related.ts).
  tags: "listings and neighbours",
  // Printed as the Draft badge (`unpublished` below), and a preview with CONTEXT=production lists no drafts.
  draft: "listings and neighbours",
  // The thumbnail beside the headline (`lead` below).
  image: "listings",
} as const satisfies ListedFields;

/** What listings show of a post beyond its frontmatter, `post.<name>`: values the build makes from the fields above. */
export const LISTED_POST_VALUES = ["unpublished", "lead"] as const satisfies readonly (keyof StoredPost)[];

export type ListedField = keyof typeof LISTED_FIELDS;

export const listedFields = Object.keys(LISTED_FIELDS) as ListedField[];

/** The fields an edit to which changes the pages of its neighbours: the posts either side, and those it is related to. */
export const neighbourFields = listedFields.filter((field) => LISTED_FIELDS[field] === "listings and neighbours");

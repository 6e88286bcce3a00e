// Every post field a listing or a neighbour link shows is declared in
// lib/content/listed-fields.ts, the one list the live preview decides from
// which pages an edit renders again (lib/preview/listing-changes.ts,
// lib/preview/server.ts). Found by rendering the site with every read of a
// post recorded (tests/support/listing-reads.ts), so a field is found however
// a template reaches it. The same check on templates that show more reports
// each field they add: the check can fail.
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturePosts, postMarkdown, type FixturePost, FIXTURE_PEOPLE } from "../../support/reader-fixtures.ts";
import {
  LISTING_COLLECTIONS,
  NEIGHBOUR_COLLECTION,
  RELATED_COLLECTION,
  readsOfPosts,
  undeclaredReads,
} from "../../support/listing-reads.ts";
import { createScratchSite, projectRoot, type ScratchSite } from "../../support/scratch-site.ts";

// Drafts and scheduled stories shown, as the live preview shows them.
const env = { CONTEXT: "dev" };
// A byline, a source and a video among them, a draft and a scheduled story: every branch of a listing that prints a field is taken.
const posts: FixturePost[] = [
  ...fixturePosts(8),
  { slug: "story-draft", title: "A story still in draft", date: "2024-10-02", tags: ["Courts"], extra: "draft: true\n" },
  { slug: "story-scheduled", title: "A story for later", date: "2199-05-01", tags: ["Science"] },
];

const sites: ScratchSite[] = [];

async function siteWith(posts: FixturePost[]): Promise<ScratchSite> {
  const site = await createScratchSite(Object.fromEntries(posts.map((post) => [`${post.slug}.md`, postMarkdown(post)])));
  await site.writeSettings({ authors: FIXTURE_PEOPLE });
  sites.push(site);
  // Several pages per listing, so the pages after the first render too.
  await site.writeSettings({ pageSize: 2 });
  return site;
}

/** Replaces `anchor`, which must be there, in a layout of the site's own copy of layouts/. */
async function editLayout(site: ScratchSite, file: string, anchor: string, replacement: string): Promise<void> {
  const layout = path.join(site.root, "layouts", file);
  const text = await readFile(layout, "utf8");
  if (!text.includes(anchor)) throw new Error(`${file} no longer has ${anchor}: choose another place for the edit`);
  await writeFile(layout, text.replace(anchor, replacement));
}

afterAll(async () => {
  for (const site of sites) await site.remove();
});

describe("the post fields the listings and neighbour links show", () => {
  let site: ScratchSite;
  beforeAll(async () => {
    site = await siteWith(posts);
  });

  it("are all declared in lib/content/listed-fields.ts", async () => {
    const reads = await readsOfPosts(site, env);
    // Not vacuous: the collections are still the ones wrapped, and their pages read the posts.
    expect(reads.collections).toEqual(expect.arrayContaining([...LISTING_COLLECTIONS, NEIGHBOUR_COLLECTION, RELATED_COLLECTION]));
    expect(reads.listings.data).toContain("title");
    expect(reads.listings.post).toContain("unpublished");
    expect(reads.neighbours.data).toContain("title");
    // Only the related stories show a date: their reads are recorded too.
    expect(reads.neighbours.data).toContain("date");
    expect(undeclaredReads(reads)).toEqual([]);
  });
});

describe("the same check on templates that show more", () => {
  it("reports each field they add, however the template reaches it", async () => {
    const site = await siteWith(posts);
    // The site's own copy of layouts/, not the link to the repository's.
    await rm(path.join(site.root, "layouts"));
    await cp(path.join(projectRoot, "layouts"), path.join(site.root, "layouts"), { recursive: true });
    // Through a variable set to the post, in the partial every paginated listing includes.
    const summary = '<p class="summary">{{ item.post.data.description }}</p>';
    await editLayout(site, "partials/post-list.njk", summary, `${summary}{% set story = item.post %}<p>{{ story.data.author }}</p>`);
    // A value the build makes, not frontmatter, on the archive's month pages.
    await editLayout(site, "archive-month.njk", "</a></li>", "</a> {{ item.post.words }} words</li>");
    // A field the listings show, but the neighbours did not.
    const older = "{{ nav.older.post.data.title }}</a>";
    await editLayout(site, "post.njk", older, `${older} {{ nav.older.post.data.description }}`);
    // A value the build makes, under the related stories.
    await editLayout(site, "partials/related-stories.njk", "</a>", "</a> {{ item.post.words }} words");

    expect(undeclaredReads(await readsOfPosts(site, env))).toEqual([
      "a listing shows post.data.author",
      "a listing shows post.words",
      "a neighbour link shows post.data.description",
      "a neighbour link shows post.words",
    ]);
  });
});

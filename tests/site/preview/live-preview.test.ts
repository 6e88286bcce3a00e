// The live preview (scripts/preview.ts, what `npm start` runs) rewrites only
// the listing pages an edit changes, and every one of those
// (lib/preview/listing-changes.ts); a deleted post leaves every page at once, and
// saves made while a post had a problem are written once it is fixed
// (lib/preview/server.ts). Through Eleventy's real watcher on a scratch site.
import { existsSync } from "node:fs";
import { cp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturePosts, postMarkdown, type FixturePost, FIXTURE_PEOPLE } from "../../support/reader-fixtures.ts";
import { createScratchSite, projectRoot, type ScratchSite } from "../../support/scratch-site.ts";
import { readSite, type BuiltSite } from "../../support/site-build.ts";
import { watchSite, type WatchingSite } from "../../support/watching-site.ts";

let scratch: ScratchSite;
let site: BuiltSite;
let watching: WatchingSite;
const posts = fixturePosts(23);
// Page size 4: six home pages, several pages per tag, one archive page per month.
const PAGE_SIZE = 4;

/** Every listing page written: home, tag and archive-month pages, by URL. */
function listingFiles(): string[] {
  return site
    .files()
    .filter((file) => /^\/(page\/\d+|tags\/[^/]+(\/page\/\d+)?|archive\/\d{4}\/\d{2})\/index\.html$/.test(file) || file === "/index.html");
}

async function modifiedTimes(): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const file of listingFiles()) times.set(file, (await stat(path.join(site.output, file))).mtimeMs);
  return times;
}

async function rewritten(before: Map<string, number>): Promise<string[]> {
  const after = await modifiedTimes();
  return [...after]
    .filter(([file, time]) => before.get(file) !== time)
    .map(([file]) => file)
    .sort();
}

const writePost = (post: FixturePost) => scratch.writePost(`${post.slug}.md`, postMarkdown(post));

/** The stories a story's page lists under Related stories, by slug, in order. */
const relatedOn = (post: FixturePost) =>
  [...site.document(`/posts/${post.slug}/`).querySelectorAll("section.related a")].map((link) =>
    (link.getAttribute("href") ?? "").replace(/^\/posts\/|\/$/g, ""),
  );

beforeAll(async () => {
  scratch = await createScratchSite(Object.fromEntries(posts.map((post) => [`${post.slug}.md`, postMarkdown(post)])));
  await scratch.writeSettings({ authors: FIXTURE_PEOPLE });
  // A copy of layouts/, not the link to the repository's: one test edits a layout.
  await rm(path.join(scratch.root, "layouts"));
  await cp(path.join(projectRoot, "layouts"), path.join(scratch.root, "layouts"), { recursive: true });
  await scratch.writeSettings({ pageSize: PAGE_SIZE });
  site = readSite(scratch.output);
  watching = await watchSite(scratch.root);
});

afterAll(async () => {
  await watching?.stop();
  await scratch?.remove();
});

describe("the live preview after editing one post", () => {
  it("shows the new headline on every listing of the post, and rewrites no other listing page", async () => {
    const edited = posts[9]!; // on home page 3, one tag's listing, and one month
    const before = await modifiedTimes();
    const shown = listingFiles().filter((file) => site.text(file).includes(`>${edited.title}<`));
    expect(shown.length, "the post is listed on its home page, tag page and month").toBeGreaterThanOrEqual(3);

    const related = posts.filter((post) => relatedOn(post).includes(edited.slug));
    expect(related.length, "stories that share its rarest tag list it under Related stories").toBeGreaterThan(0);

    const title = "A headline rewritten in the preview";
    const log = await watching.rebuildAfter(() => writePost({ ...edited, title }));

    expect(site.text(`/posts/${edited.slug}/`)).toContain(title);
    // The stories on either side name it in their previous/next links.
    for (const neighbour of [posts[8]!, posts[10]!]) {
      expect(site.text(`/posts/${neighbour.slug}/`), neighbour.slug).toContain(`>${title}</a>`);
      expect(site.text(`/posts/${neighbour.slug}/`), neighbour.slug).not.toContain(`>${edited.title}</a>`);
    }
    for (const story of related) {
      const section = site.document(`/posts/${story.slug}/`).querySelector("section.related");
      expect(section?.textContent, story.slug).toContain(title);
      expect(section?.textContent, story.slug).not.toContain(edited.title);
    }
    for (const file of shown) {
      expect(site.text(file), file).toContain(`>${title}<`);
      expect(site.text(file), file).not.toContain(`>${edited.title}<`);
    }
    expect(await rewritten(before), log).toEqual([...shown].sort());
  });

  it("leaves every listing alone when the edit changes nothing a listing shows", async () => {
    const before = await modifiedTimes();
    const edited = posts[5]!;
    const log = await watching.rebuildAfter(() =>
      scratch.writePost(`${edited.slug}.md`, `${postMarkdown(edited)}\nOne more sentence in the body.\n`),
    );
    expect(site.text(`/posts/${edited.slug}/`)).toContain("One more sentence in the body.");
    expect(await rewritten(before)).toEqual([]);
    expect(log, "an edit to the body renders the post alone").toMatch(/Wrote \d+ files? \(skipped \d+\)/);
  });

  it("shows a new summary on every listing of the post and on the 404 page's latest stories, and stays incremental", async () => {
    const edited = posts[0]!; // the newest: the 404 page lists it too
    const summary = `Summary of ${edited.title.toLowerCase()}.`;
    const before = await modifiedTimes();
    const listed = listingFiles().filter((file) => site.text(file).includes(`>${edited.title}<`));
    const shown = listingFiles().filter((file) => site.text(file).includes(summary));
    expect(site.text("/404.html")).toContain(summary);

    const log = await watching.rebuildAfter(() =>
      scratch.writePost(
        `${edited.slug}.md`,
        postMarkdown(edited).replace(/^description: .*$/m, "description: A summary rewritten in the preview."),
      ),
    );
    for (const file of [...shown, "/404.html"]) {
      expect(site.text(file), file).toContain("A summary rewritten in the preview.");
      expect(site.text(file), file).not.toContain(summary);
    }
    // Its month's page too, which shows no summary: every listing is signed with the same fields (lib/content/listed-fields.ts).
    expect(await rewritten(before)).toEqual([...listed].sort());
    expect(log, "the neighbours do not show a summary").toMatch(/Wrote \d+ files? \(skipped \d+\)/);
  });

  it("rewrites pages whose neighbours changed: a new post shifts every home page and adds a month", async () => {
    const before = await modifiedTimes();
    const newest: FixturePost = { slug: "story-new", title: "The newest story of all", date: "2025-02-03", tags: ["Science"] };
    await watching.rebuildAfter(() => writePost(newest));
    expect(site.text("/")).toContain(newest.title);
    // The story that was the newest now links to it as the next one.
    expect(site.text(`/posts/${posts[0]!.slug}/`)).toContain(`href="/posts/${newest.slug}/" rel="next"`);
    const homePages = listingFiles().filter((file) => file === "/index.html" || file.startsWith("/page/"));
    expect(await rewritten(before)).toEqual(expect.arrayContaining(homePages));
    // December 2024's "later month" link now leads to the new month (a link from the page objects, not from Eleventy's pagination).
    expect(await rewritten(before)).toContain("/archive/2024/12/index.html");
    expect(site.text("/archive/2024/12/")).toContain('href="/archive/2025/02/"');
    // The indexes of months and of topics count it too.
    expect(site.text("/archive/")).toContain('href="/archive/2025/02/"');
    const science = posts.filter((post) => post.tags.some((tag) => tag.toLowerCase() === "science")).length + 1;
    expect(site.text("/tags/")).toContain(`<a href="/tags/science/">Science</a> <span class="count">(${science} stories)</span>`);
  });

  it("relates stories anew when tags change, on the pages of stories the save did not touch", async () => {
    // Weather, and Courts with Local News: no tag in common.
    const [first, second] = [posts[13]!, posts[16]!];
    const withTidalPower = (post: FixturePost) => writePost({ ...post, tags: [...post.tags, "Tidal Power"] });
    await watching.rebuildAfter(() => withTidalPower(first));
    expect(relatedOn(first)).not.toContain(second.slug);

    const log = await watching.rebuildAfter(() => withTidalPower(second));
    // The tag the two alone carry is the rarest either has.
    expect(relatedOn(first)[0]).toBe(second.slug);
    expect(relatedOn(second)[0]).toBe(first.slug);
    expect(log, "a change of tags rebuilds every page").not.toMatch(/skipped/);
  });
});

describe("the live preview after saving a post with a problem", () => {
  it("reports it by file, line and field, keeps the last good build, and rebuilds once it is fixed", async () => {
    const broken = posts[7]!;
    const before = await modifiedTimes();
    const page = site.text(`/posts/${broken.slug}/`);
    const log = await watching.rebuildAfter(() =>
      scratch.writePost(`${broken.slug}.md`, postMarkdown(broken).replace(/^title: .*$/m, "title: 42")),
    );
    expect(log).toContain(`posts/${broken.slug}.md:2:1: title: expected the headline as text, found the number 42`);
    expect(site.text(`/posts/${broken.slug}/`)).toBe(page);
    expect(await rewritten(before)).toEqual([]);

    // Saving another post checks only that one again, and the build still stops on the first.
    const other = posts[8]!;
    const again = await watching.rebuildAfter(() => scratch.writePost(`${other.slug}.md`, `${postMarkdown(other)}\nOne more line.\n`));
    expect(again).toContain(`posts/${broken.slug}.md:2:1: title: expected the headline as text, found the number 42`);
    expect(site.text(`/posts/${other.slug}/`)).not.toContain("One more line.");

    // The fix writes every page, so the save made while the build was failing is published too.
    const fixed = await watching.rebuildAfter(() => writePost(broken));
    expect(fixed).toMatch(/Wrote \d+ files/);
    expect(fixed, "the first build after a failed one writes every page").not.toMatch(/skipped/);
    expect(site.text(`/posts/${broken.slug}/`)).toContain(broken.title);
    expect(site.text(`/posts/${other.slug}/`)).toContain("One more line.");
    // And the next edit is incremental again.
    expect(await watching.rebuildAfter(() => writePost(other))).toMatch(/Wrote \d+ files? \(skipped \d+\)/);
  });
});

describe("the live preview started while a post has a problem", () => {
  it("reports it, waits for the fix instead of stopping, then builds and watches as usual", async () => {
    const few = fixturePosts(4);
    const [broken, other] = [few[0]!, few[1]!];
    const own = await createScratchSite(Object.fromEntries(few.map((post) => [`${post.slug}.md`, postMarkdown(post)])));
    await own.writeSettings({ authors: FIXTURE_PEOPLE });
    await own.writePost(`${broken.slug}.md`, postMarkdown(broken).replace(/^title: .*$/m, "title: 42"));
    const ownSite = readSite(own.output);
    const preview = await watchSite(own.root);
    try {
      expect(preview.startLog()).toContain(`posts/${broken.slug}.md:2:1: title: expected the headline as text, found the number 42`);
      expect(preview.startLog()).toContain("the first build failed; it runs again when you save a file");
      expect(existsSync(path.join(own.output, "posts", broken.slug)), "nothing is written").toBe(false);

      const fixed = await preview.rebuildAfter(() => own.writePost(`${broken.slug}.md`, postMarkdown(broken)));
      expect(fixed).toMatch(/Wrote \d+ files/);
      expect(ownSite.text(`/posts/${broken.slug}/`)).toContain(broken.title);

      // From here on it is the usual live preview: a save rebuilds incrementally.
      const edited = await preview.rebuildAfter(() => own.writePost(`${other.slug}.md`, `${postMarkdown(other)}\nA later edit.\n`));
      expect(edited).toMatch(/Wrote \d+ files? \(skipped \d+\)/);
      expect(ownSite.text(`/posts/${other.slug}/`)).toContain("A later edit.");
    } finally {
      await preview.stop();
      await own.remove();
    }
  });
});

describe("the live preview after deleting a post", () => {
  it("takes it off every listing and removes its page, without waiting for another save; edits stay incremental", async () => {
    const deleted = posts[2]!;
    const listed = listingFiles().filter((file) => site.text(file).includes(`>${deleted.title}<`));
    expect(listed.length, "the post is listed on its home page, tag page and month").toBeGreaterThanOrEqual(3);
    expect(existsSync(path.join(site.output, "posts", deleted.slug, "index.html"))).toBe(true);
    expect(
      posts.some((post) => relatedOn(post).includes(deleted.slug)),
      "a story lists it under Related stories",
    ).toBe(true);

    const log = await watching.rebuildAfter(() => rm(path.join(scratch.root, "posts", `${deleted.slug}.md`)));

    expect(log).toMatch(/Wrote \d+ files/);
    const remaining = listed.filter((file) => existsSync(path.join(site.output, file)));
    for (const file of remaining) expect(site.text(file), file).not.toContain(`>${deleted.title}<`);
    // It was its month's only story: the month's page is gone, and the archive no longer links to it.
    expect(listed).toContain("/archive/2024/11/index.html");
    expect(remaining).not.toContain("/archive/2024/11/index.html");
    expect(site.text("/archive/")).not.toContain('href="/archive/2024/11/"');
    expect(existsSync(path.join(site.output, "posts", deleted.slug)), "the deleted post's page").toBe(false);
    // The stories before and after it no longer link to it.
    for (const neighbour of [posts[1]!, posts[3]!]) expect(site.text(`/posts/${neighbour.slug}/`)).not.toContain(`/posts/${deleted.slug}/`);
    // Nor does any story list it under Related stories.
    for (const post of posts.filter((each) => each !== deleted)) expect(relatedOn(post), post.slug).not.toContain(deleted.slug);
    expect(log, "a deletion rebuilds every page").not.toMatch(/skipped/);

    // The next edit is incremental again.
    const edited = posts[5]!;
    const next = await watching.rebuildAfter(() =>
      scratch.writePost(`${edited.slug}.md`, `${postMarkdown(edited)}\nAn edit after the deletion.\n`),
    );
    expect(next).toMatch(/Wrote \d+ files? \(skipped \d+\)/);
  });
});

describe("the live preview after editing a layout", () => {
  it("rewrites every listing page", async () => {
    const before = await modifiedTimes();
    const layout = path.join(scratch.root, "layouts", "base.njk");
    const marker = "<!-- layout edited in the preview -->";
    await watching.rebuildAfter(async () => writeFile(layout, `${await readFile(layout, "utf8")}${marker}\n`));
    const files = listingFiles();
    expect(await rewritten(before)).toEqual([...files].sort());
    for (const file of files) expect(site.text(file), file).toContain(marker);
  });

  it("serves a post edited in the same save even when the edit keeps its size and time: it decides on the bytes (issue 16)", async () => {
    const post = posts[5]!;
    const file = path.join(scratch.root, "posts", `${post.slug}.md`);
    const { atime, mtime } = await stat(file);
    const text = await readFile(file, "utf8");
    const edited = text.replace("which is a generated test story.", "which is a generated test STORY.");
    expect(edited.length).toBe(text.length);
    const layout = path.join(scratch.root, "layouts", "base.njk");
    await watching.rebuildAfter(async () => {
      await writeFile(layout, `${await readFile(layout, "utf8")}<!-- edited again -->\n`);
      await writeFile(file, edited);
      await utimes(file, atime, mtime);
    });
    expect(site.text(`/posts/${post.slug}/`)).toContain("which is a generated test STORY.");
  });
});

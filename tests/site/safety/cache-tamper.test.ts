// Issue 16: the build cache cannot change what is published. Without a key,
// an entry whose HTML was rewritten after the build that stored it (by hand,
// a faulty disk, a build of other code) is judged again before it is
// published: refused, it is dropped and the post is checked afresh from its
// own file. With BUILD_CACHE_KEY, a cache altered in any way is ignored whole.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileOutcome } from "../../../lib/checks/outcome.ts";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";
import { fixturePosts, postMarkdown } from "../../support/reader-fixtures.ts";

const posts = fixturePosts(6).filter((post) => !post.extra && !post.title.includes("<"));
const ENV = { CONTEXT: "production", SITE_URL: "https://news.example.org" };
const CACHE = (root: string) => path.join(root, ".cache", "validation.v8");
type StoredCache = { version: string; payload: Uint8Array; seal?: string };

/** Rewrites one stored outcome's HTML in place, as a tamperer would, leaving the rest of the file as it was. */
async function tamper(root: string, slug: string, edit: (html: string) => string): Promise<void> {
  const stored = deserialize(await readFile(CACHE(root))) as StoredCache;
  const entries = deserialize(stored.payload) as Map<string, { outcome: FileOutcome }>;
  const outcome = entries.get(`posts/${slug}.md`)?.outcome;
  expect(outcome?.post?.html).toContain("<p>");
  outcome!.post!.html = edit(outcome!.post!.html);
  await writeFile(CACHE(root), serialize({ ...stored, payload: serialize(entries) }));
}
const PAYLOAD = `<script>alert("from the cache")</script><img src="https://evil.example/x.png" alt="x">`;
let site: ScratchSite;

beforeAll(async () => {
  site = await createScratchSite(Object.fromEntries(posts.map((post) => [`${post.slug}.md`, postMarkdown(post)])));
  const first = await site.build(ENV);
  expect(first.code, first.stderr).toBe(0);
});
afterAll(() => site?.remove());

describe("a tampered build cache", () => {
  it("publishes what the post says, not what the cache was made to say", async () => {
    await tamper(site.root, posts[0]!.slug, (html) => `${PAYLOAD}${html}`);

    const again = await site.build(ENV);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Posts checked: 1 validated, ${posts.length - 1} unchanged from the build cache.`);
    const page = await readFile(path.join(site.output, "posts", posts[0]!.slug, "index.html"), "utf8");
    expect(page).not.toContain("from the cache");
    expect(page).not.toContain("evil.example");
    expect(page).toContain(`The first paragraph of ${posts[0]!.slug}`);
    for (const feed of ["feed.xml", "atom.xml", "feed.json"]) {
      expect(await readFile(path.join(site.output, feed), "utf8"), feed).not.toContain("from the cache");
    }
  });
});

describe("a build cache sealed with BUILD_CACHE_KEY", () => {
  it("is ignored whole once altered, even where the new HTML would pass every check", async () => {
    const keyed = { ...ENV, BUILD_CACHE_KEY: "a secret of the newsroom's" };
    const sealed = await site.build(keyed);
    expect(sealed.code, sealed.stderr).toBe(0);
    const trusted = await site.build(keyed);
    expect(trusted.stdout).toContain(`Posts checked: 0 validated, ${posts.length} unchanged from the build cache.`);

    await tamper(site.root, posts[0]!.slug, (html) => html.replace(/The first paragraph/g, "A defaced paragraph"));
    const again = await site.build(keyed);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Posts checked: ${posts.length} validated, 0 unchanged from the build cache.`);
    const page = await readFile(path.join(site.output, "posts", posts[0]!.slug, "index.html"), "utf8");
    expect(page).not.toContain("A defaced paragraph");
    expect(page).toContain(`The first paragraph of ${posts[0]!.slug}`);
  });
});

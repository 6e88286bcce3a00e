// Issue 16: the build cache cannot change what is published. An entry whose
// HTML was rewritten after the build that stored it (by hand, a faulty
// disk, or a build of other code) is judged again before it is published:
// it is dropped and the post is checked afresh from its own file.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileOutcome } from "../lib/post-set-checks.ts";
import { createScratchSite, type ScratchSite } from "./support/scratch-site.ts";
import { fixturePosts, postMarkdown } from "./support/reader-fixtures.ts";

const posts = fixturePosts(6).filter((post) => !post.extra && !post.title.includes("<"));
const ENV = { CONTEXT: "production", URL: "https://news.example.org" };
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
    const file = path.join(site.root, ".cache", "validation.v8");
    const stored = deserialize(await readFile(file)) as { version: string; entries: Map<string, { outcome: FileOutcome }> };
    const target = `posts/${posts[0]!.slug}.md`;
    const entry = stored.entries.get(target);
    expect(entry?.outcome.post?.html).toContain("<p>");
    entry!.outcome.post!.html = `${PAYLOAD}${entry!.outcome.post!.html}`;
    await writeFile(file, serialize(stored));

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

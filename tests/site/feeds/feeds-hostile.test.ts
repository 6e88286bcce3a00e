/**
 * Feeds built from posts whose titles, tags, summaries and bodies carry every
 * character that XML, HTML or JSON treats specially. Each feed is read back by
 * two independent parsers and must say exactly what the posts said; rebuilds
 * must be byte-identical and a new post must change only what it should.
 */
import { readFileSync, readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseRssFeed } from "feedsmith";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadSite } from "../../../lib/site/settings.ts";
import { readSite, type BuiltSite } from "../../support/site-build.ts";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";
import { transparentPng } from "../../support/test-images.ts";
import {
  jsonFeedProblems,
  linkedUrls,
  readAtom,
  readJson,
  readRss,
  visibleText,
  xmlProblems,
  type ReadFeed,
} from "../../fixtures/feeds/feed-readers.ts";

const BASE = "https://news.example.org";
const ENV = { CONTEXT: "production", SITE_URL: BASE };
const FIXTURES = new URL("../../fixtures/feeds/", import.meta.url);
const FEEDS = ["/feed.xml", "/atom.xml", "/feed.json"] as const;
// The one source of site metadata: the default byline and title come from there.
const site = await loadSite(ENV);

const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));
const hostilePosts = Object.fromEntries(readdirSync(new URL("hostile/", FIXTURES)).map((name) => [name, fixture(`hostile/${name}`)]));

/** The people bylines name, as site.yaml lists them: names with characters each format treats specially. */
const PEOPLE: Record<string, { name: string; bio: string }> = {
  "siobhan-obrien": { name: "Siobhán O'Brien & <Sons>", bio: "Reports on R&D." },
};

/** What a post says, read straight from its file with a plain YAML parser (a byline's key read in site.yaml). */
interface Said {
  slug: string;
  title: string;
  summary: string;
  author: string;
  tags: string[];
  published: string;
  updated: string | undefined;
}

function said(name: string, source: Uint8Array): Said {
  const text = new TextDecoder().decode(source);
  const data = parseYaml(text.split(/^---$/m)[1] ?? "") as Record<string, unknown>;
  const trimmed = (value: unknown) => String(value).trim(); // the schema trims text fields
  return {
    slug: name.replace(/\.md$/, ""),
    title: trimmed(data.title),
    summary: trimmed(data.description),
    author: data.author ? (PEOPLE[trimmed(data.author)]?.name ?? "unknown") : site.author.name,
    tags: ((data.tags as unknown[]) ?? []).map(trimmed),
    published: new Date(String(data.date)).toISOString(),
    updated: data.updated ? new Date(String(data.updated)).toISOString() : undefined,
  };
}

/** All three feeds, each through both of its parsers. */
async function readAll(built: BuiltSite): Promise<Record<(typeof FEEDS)[number], ReadFeed[]>> {
  return {
    "/feed.xml": await readRss(built.text("/feed.xml")),
    "/atom.xml": await readAtom(built.text("/atom.xml")),
    "/feed.json": readJson(built.text("/feed.json")),
  };
}

async function buildOrFail(scratch: ScratchSite, env: NodeJS.ProcessEnv = ENV): Promise<BuiltSite> {
  const result = await scratch.build(env);
  if (result.code !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return readSite(scratch.output);
}

const ROWAN = "@rowanmanning/feed-parser";

/**
 * That parser returns content HTML with its entities decoded a second time
 * (its documented "normalized" text), so `&lt;` in an article's text comes
 * back as `<`: a trait of that reader, the same for any feed. This is that
 * one extra decode, for the entities markdown-it and Nunjucks write.
 */
function decodeEntitiesOnce(html: string): string {
  const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
  return html.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/gi, (all, hex: string, decimal: string, name: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : decimal ? String.fromCodePoint(Number(decimal)) : (named[name] ?? all),
  );
}

/**
 * An HTML field as a reader's HTML parser builds it: the text it shows and
 * every element it makes.
 */
function asHtml(html: string): { text: string; elements: string[] } {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { text: document.body.textContent ?? "", elements: [...document.body.querySelectorAll("*")].map((el) => el.outerHTML) };
}

/**
 * RSS <description> is HTML (pages/feed-rss.njk says why): rss-parser hands
 * it back as that HTML, @rowanmanning/feed-parser as its decoded text.
 */
const summaryText = (path: string, parser: string, summary: string) =>
  path === "/feed.xml" && parser === "rss-parser" ? asHtml(summary).text : summary;

const snapshot = (built: BuiltSite) => Object.fromEntries(FEEDS.map((feed) => [feed, built.text(feed)]));

let scratch: ScratchSite;
let first: Record<string, string>;
let firstSite: BuiltSite;
let expected: Said[];
beforeAll(async () => {
  scratch = await createScratchSite(hostilePosts);
  await scratch.writeSettings({ authors: PEOPLE });
  // The picture one post shows, which the image pipeline needs to find.
  await mkdir(path.join(scratch.root, "media"));
  await writeFile(path.join(scratch.root, "media", "photo.png"), await transparentPng(320, 200));
  firstSite = await buildOrFail(scratch);
  first = snapshot(firstSite);
  expected = Object.entries(hostilePosts)
    .map(([name, source]) => said(name, source))
    .sort((a, b) => b.published.localeCompare(a.published));
});
afterAll(() => scratch?.remove());

describe("hostile posts", () => {
  it("yield strictly well-formed XML feeds and a complete JSON Feed", () => {
    expect(xmlProblems(first["/feed.xml"]!)).toEqual([]);
    expect(xmlProblems(first["/atom.xml"]!)).toEqual([]);
    expect(jsonFeedProblems(JSON.parse(first["/feed.json"]!))).toEqual([]);
  });

  it("round-trip every field through both parsers of every format", async () => {
    const feeds = await readAll(firstSite);
    for (const [path, readings] of Object.entries(feeds)) {
      for (const feed of readings) {
        const where = `${path} via ${feed.parser}`;
        expect(feed.title, where).toBe(site.title);
        expect(feed.homeUrl, where).toBe(`${BASE}/`);
        expect(
          feed.entries.map((entry) => entry.id),
          where,
        ).toEqual(expected.map((post) => `${BASE}/posts/${post.slug}/`));
        feed.entries.forEach((entry, index) => {
          const post = expected[index]!;
          const what = `${where}, ${post.slug}`;
          expect(entry.url, what).toBe(entry.id);
          expect(entry.title, what).toBe(post.title);
          expect(summaryText(path, feed.parser, entry.summary), what).toBe(post.summary);
          expect(entry.authors, what).toEqual([post.author]);
          expect(entry.tags, what).toEqual(post.tags);
          expect(entry.published, what).toBe(post.published);
        });
      }
    }
  });

  it("give RSS readers each description as HTML that shows exactly its text and builds no element", async () => {
    // The fixture's text would build an element if it reached a reader as HTML unescaped.
    expect(expected.flatMap((post) => asHtml(post.summary).elements)).not.toEqual([]);
    const smith = parseRssFeed(first["/feed.xml"]!);
    const [rssParser] = await readRss(first["/feed.xml"]!);
    const readings = {
      "rss-parser": rssParser!.entries.map((entry) => entry.summary),
      feedsmith: (smith.items ?? []).map((item) => item.description ?? ""),
    };
    for (const [parser, summaries] of Object.entries(readings)) {
      expect(summaries.map(asHtml), parser).toEqual(expected.map((post) => ({ text: post.summary, elements: [] })));
    }
    expect(asHtml(smith.description ?? ""), "channel").toEqual({ text: site.description, elements: [] });
  });

  it("carry a revision date where the post was revised: Atom updated, JSON date_modified", async () => {
    const feeds = await readAll(firstSite);
    for (const feed of feeds["/atom.xml"]) {
      expect(
        feed.entries.map((entry) => entry.updated),
        feed.parser,
      ).toEqual(expected.map((post) => post.updated ?? post.published));
    }
    for (const feed of feeds["/feed.json"]) {
      expect(
        feed.entries.map((entry) => entry.updated),
        feed.parser,
      ).toEqual(expected.map((post) => post.updated));
    }
    expect(expected.some((post) => post.updated) && expected.some((post) => !post.updated)).toBe(true);
  });

  it("carry the same content the post page shows, with ]]>, emoji and code intact and every URL absolute", async () => {
    const feeds = await readAll(firstSite);
    const source = new TextDecoder().decode(hostilePosts["markup-in-every-field.md"]);
    const code = /```html\n([\s\S]*?)```/.exec(source)?.[1];
    expect(code).toBeDefined();
    for (const [path, readings] of Object.entries(feeds)) {
      for (const feed of readings.filter((reading) => reading.parser !== ROWAN)) {
        for (const [index, entry] of feed.entries.entries()) {
          const where = `${path} via ${feed.parser}, ${expected[index]!.slug}`;
          const page = firstSite.document(`/posts/${expected[index]!.slug}/`).querySelector(".post-body");
          expect(visibleText(entry.contentHtml), where).toBe(visibleText(page?.innerHTML ?? "missing"));
          for (const url of linkedUrls(entry.contentHtml)) expect(url, where).toMatch(/^https?:\/\//);
        }
        const hostile = feed.entries[0]!;
        expect(visibleText(hostile.contentHtml)).toContain("]]> and ]]]]><![CDATA[> must arrive as text");
        expect(visibleText(hostile.contentHtml)).toContain("🦊 🎉 👩🏽‍💻");
        const [link, ...picture] = linkedUrls(hostile.contentHtml);
        expect(link).toBe(`${BASE}/posts/backslashes-and-newlines/`);
        expect(picture.length).toBeGreaterThan(0);
        for (const url of picture) expect(url).toMatch(new RegExp(`^${BASE.replace(/[.]/g, "\\.")}/assets/img/photo-`));
        const { document } = parseHTML(`<!doctype html><html><body>${hostile.contentHtml}</body></html>`);
        expect(document.querySelector("pre code")?.textContent, `${path} via ${feed.parser}`).toBe(code);
      }
    }
  });

  it("reach @rowanmanning/feed-parser as the same HTML, which it entity-decodes once more than XML does", async () => {
    const feeds = await readAll(firstSite);
    for (const path of ["/feed.xml", "/atom.xml"] as const) {
      const [reference, rowan] = feeds[path];
      expect(rowan!.parser).toBe(ROWAN);
      expect(
        rowan!.entries.map((entry) => entry.contentHtml),
        path,
      ).toEqual(reference!.entries.map((entry) => decodeEntitiesOnce(entry.contentHtml.trim())));
    }
  });

  it("give each feed's last-updated as the newest entry's change, not the build time", async () => {
    const newest = expected
      .map((post) => post.updated ?? post.published)
      .sort()
      .at(-1);
    const feeds = await readAll(firstSite);
    for (const feed of [...feeds["/feed.xml"], ...feeds["/atom.xml"]]) expect(feed.updated, feed.parser).toBe(newest);
  });
});

describe("rebuilding", () => {
  let again: Record<string, string>;
  let added: BuiltSite;
  const newPost = said("a-newer-post.md", fixture("later/a-newer-post.md"));
  beforeAll(async () => {
    again = snapshot(await buildOrFail(scratch));
    await scratch.writePost("a-newer-post.md", fixture("later/a-newer-post.md"));
    added = await buildOrFail(scratch);
  });

  it("the same posts twice gives byte-identical feeds", () => {
    for (const feed of FEEDS) expect(again[feed], feed).toBe(first[feed]);
  });

  it("a new post adds its entry on top and changes nothing else but the feed's last-updated date", () => {
    const rss = added.text("/feed.xml");
    const newItem = /\n\s*<item>[\s\S]*?<\/item>/.exec(rss)?.[0] ?? "";
    expect(newItem).toContain(`<guid isPermaLink="true">${BASE}/posts/a-newer-post/</guid>`);
    expect(rss).toContain(`<lastBuildDate>${new Date(newPost.published).toUTCString()}</lastBuildDate>`);
    const oldDate = /<lastBuildDate>.*<\/lastBuildDate>/.exec(first["/feed.xml"]!)![0];
    expect(rss.replace(newItem, "").replace(/<lastBuildDate>.*<\/lastBuildDate>/, oldDate)).toBe(first["/feed.xml"]);

    const atom = added.text("/atom.xml");
    const newEntry = /\n\s*<entry>[\s\S]*?<\/entry>/.exec(atom)?.[0] ?? "";
    expect(newEntry).toContain(`<id>${BASE}/posts/a-newer-post/</id>`);
    const feedUpdated = /<updated>.*<\/updated>/;
    expect(atom.match(feedUpdated)?.[0]).toBe(`<updated>${newPost.published}</updated>`);
    expect(atom.replace(newEntry, "").replace(feedUpdated, first["/atom.xml"]!.match(feedUpdated)![0])).toBe(first["/atom.xml"]);

    const json = JSON.parse(added.text("/feed.json")) as { items: { id: string }[] };
    expect(json.items[0]!.id).toBe(`${BASE}/posts/a-newer-post/`);
    expect(`${JSON.stringify({ ...json, items: json.items.slice(1) }, null, 2)}\n`).toBe(first["/feed.json"]);
  });

  it("a new title keeps the entry's id in every feed", async () => {
    const before = await readAll(added);
    const original = new TextDecoder().decode(hostilePosts["an-ordinary-older-post.md"]);
    await scratch.writePost("an-ordinary-older-post.md", original.replace(/^title: .*$/m, "title: A better headline"));
    const after = await readAll(await buildOrFail(scratch));
    for (const feed of FEEDS) {
      const ids = (readings: ReadFeed[]) => readings[0]!.entries.map((entry) => entry.id);
      expect(ids(after[feed]), feed).toEqual(ids(before[feed]));
      const retitled = after[feed][0]!.entries.find((entry) => entry.id === `${BASE}/posts/an-ordinary-older-post/`);
      expect(retitled?.title, feed).toBe("A better headline");
    }
  });

  it("site.yaml's feedLimit caps every feed at the newest entries, in the same order", async () => {
    const all = await readAll(readSite(scratch.output));
    await scratch.writeSettings({ feedLimit: 2 });
    const limited = await readAll(await buildOrFail(scratch));
    await scratch.writeSettings({ feedLimit: site.feedLimit });
    for (const feed of FEEDS) {
      const ids = (readings: ReadFeed[]) => readings[1]!.entries.map((entry) => entry.id);
      expect(ids(limited[feed]), feed).toEqual(ids(all[feed]).slice(0, 2));
    }
  });
});

describe("a post with control characters", () => {
  it("is refused before the build, with the file, line and column of each", async () => {
    const refused = await createScratchSite({
      "an-ordinary-older-post.md": hostilePosts["an-ordinary-older-post.md"]!,
      "control-characters.md": fixture("control-characters.md"),
    });
    try {
      const result = await refused.build(ENV);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/posts\/control-characters\.md:2:\d+: title: .*U\+0007/);
      expect(result.stderr).toMatch(/posts\/control-characters\.md:7:15: body: .*U\+000B/);
    } finally {
      await refused.remove();
    }
  });
});

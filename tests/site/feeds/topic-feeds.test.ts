// Issue 19: a feed per topic. Every tag page announces its own RSS, Atom and
// JSON Feed, made from the site's feed model: read back by two parsers per
// format with the strict checks the site's feeds pass, served with the same
// headers, and holding exactly that topic's stories.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonFeedProblems, readAtom, readJson, readRss, xmlProblems, type ReadFeed } from "../../fixtures/feeds/feed-readers.ts";
import { BASE_URL, buildFixtureSite, type FixtureSite } from "../../support/reader-fixtures.ts";
import { startStaticServer, type StaticServer } from "../../support/static-server.ts";

let fixture: FixtureSite;
let server: StaticServer;
const TOPIC = "/tags/local-news/";
const FEEDS = { rss: `${TOPIC}feed.xml`, atom: `${TOPIC}atom.xml`, json: `${TOPIC}feed.json` };

beforeAll(async () => {
  fixture = await buildFixtureSite(12);
  server = await startStaticServer(fixture.site.output);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await fixture?.scratch.remove();
});

async function readings(): Promise<ReadFeed[]> {
  const { site } = fixture;
  return [...(await readRss(site.text(FEEDS.rss))), ...(await readAtom(site.text(FEEDS.atom))), ...readJson(site.text(FEEDS.json))];
}

describe("a topic's feeds (issue 19)", () => {
  it("are announced first on every page of the topic, and linked for readers", () => {
    const doc = fixture.site.document(TOPIC);
    const announced = [...doc.querySelectorAll('head link[rel="alternate"]')].slice(0, 3);
    expect(announced.map((link) => link.getAttribute("href"))).toEqual(Object.values(FEEDS).map((path) => `${BASE_URL}${path}`));
    expect(announced.map((link) => link.getAttribute("title"))).toEqual(
      ["RSS", "Atom", "JSON Feed"].map((format) => `The Commit Ledger: Local News (${format})`),
    );
    const follow = [...doc.querySelectorAll("main a")].map((link) => link.getAttribute("href"));
    for (const path of Object.values(FEEDS)) expect(follow).toContain(path);
  });

  it("pass the strict checks the site's feeds pass", () => {
    expect(xmlProblems(fixture.site.text(FEEDS.rss))).toEqual([]);
    expect(xmlProblems(fixture.site.text(FEEDS.atom))).toEqual([]);
    expect(jsonFeedProblems(JSON.parse(fixture.site.text(FEEDS.json)))).toEqual([]);
  });

  it("hold exactly the topic's stories, newest first, in every format and parser, and name the topic", async () => {
    const expected = fixture.posts
      .filter((post) => post.tags.includes("Local News"))
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((post) => `${BASE_URL}/posts/${post.slug}/`);
    expect(expected.length).toBeGreaterThan(1);
    const feeds = await readings();
    expect(feeds).toHaveLength(6);
    for (const feed of feeds) {
      expect(
        feed.entries.map((entry) => entry.id),
        feed.parser,
      ).toEqual(expected);
      expect(feed.title, feed.parser).toBe("The Commit Ledger: Local News");
      expect(feed.homeUrl, feed.parser).toBe(`${BASE_URL}${TOPIC}`);
      for (const entry of feed.entries)
        expect(entry.contentHtml.length, `${feed.parser} ${entry.id}`).toBeGreaterThan(entry.summary.length);
    }
  });

  it("declare their own addresses", () => {
    expect(fixture.site.text(FEEDS.rss)).toContain(`<atom:link href="${BASE_URL}${FEEDS.rss}" rel="self" type="application/rss+xml"/>`);
    expect(fixture.site.text(FEEDS.atom)).toContain(`<link rel="self" type="application/atom+xml" href="${BASE_URL}${FEEDS.atom}"/>`);
    expect(JSON.parse(fixture.site.text(FEEDS.json)).feed_url).toBe(`${BASE_URL}${FEEDS.json}`);
  });

  it("are served with the site's feeds' media types and cache, the XML ones allowed their XSL page", async () => {
    const expected = {
      [FEEDS.rss]: "application/xml; charset=utf-8",
      [FEEDS.atom]: "application/xml; charset=utf-8",
      [FEEDS.json]: "application/feed+json; charset=utf-8",
    };
    for (const [path, type] of Object.entries(expected)) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toBe(type);
      expect(response.headers.get("cache-control"), path).toBe("public, max-age=600, must-revalidate");
      const scripts = /script-src ([^;]+)/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
      expect(scripts, path).toBe(path.endsWith(".json") ? undefined : "'self'");
    }
    // One block for every topic's feed, whatever the number of topics.
    expect(fixture.site.text("/_headers")).not.toContain("/tags/politics/feed.xml");
  });
});

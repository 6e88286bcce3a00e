/**
 * The feeds of the real site, as subscribers' software and browsers meet
 * them: each format read by two independent parsers, strict XML checks, the
 * JSON Feed 1.1 rules, discovery from every page, the headers Netlify sends,
 * and the XSL page a person sees on clicking a feed link.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSite } from "../../../lib/site/settings.ts";
import { launchBrowser, watchPage } from "../../support/browser.ts";
import { buildProject, type BuiltSite } from "../../support/site-build.ts";
import { startStaticServer, type StaticServer } from "../../support/static-server.ts";
import {
  jsonFeedProblems,
  linkedUrls,
  readAtom,
  readJson,
  readRss,
  xmlProblems,
  type ReadFeed,
} from "../../fixtures/feeds/feed-readers.ts";

const BASE = "https://news.example.org";
const ENV = { CONTEXT: "production", SITE_URL: BASE };
const site = await loadSite(ENV);

let built: BuiltSite;
let readings: Record<string, ReadFeed[]>;
beforeAll(async () => {
  built = await buildProject(ENV);
  readings = {
    "/feed.xml": await readRss(built.text("/feed.xml")),
    "/atom.xml": await readAtom(built.text("/atom.xml")),
    "/feed.json": readJson(built.text("/feed.json")),
  };
});

const postPages = () =>
  built
    .files()
    .filter((file) => /^\/posts\/[^/]+\/index\.html$/.test(file))
    .map((file) => file.replace(/index\.html$/, ""));
const htmlPages = () => built.files().filter((file) => file.endsWith(".html"));

describe("the strict checks themselves", () => {
  it("catch each kind of XML a strict parser refuses", () => {
    const broken = {
      "unbound prefix": "<rss><dc:creator>x</dc:creator></rss>",
      "bare ampersand": "<rss>Tom & Jerry</rss>",
      "raw control character": "<rss>a\u0007b</rss>",
      "reference to a control character": "<rss>a&#7;b</rss>",
      "]]> in text": "<rss>a ]]> b</rss>",
      "undeclared entity": "<rss>&nbsp;</rss>",
    };
    for (const [what, xml] of Object.entries(broken)) expect(xmlProblems(xml), what).not.toEqual([]);
    expect(xmlProblems('<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>A &amp; B ]]&gt;</dc:creator></rss>')).toEqual([]);
  });

  it("catch a JSON Feed without an item id or content", () => {
    const doc = { version: "https://jsonfeed.org/version/1.1", title: "t", home_page_url: `${BASE}/`, feed_url: `${BASE}/feed.json` };
    expect(jsonFeedProblems({ ...doc, items: [] })).toEqual([]);
    expect(jsonFeedProblems({ ...doc, items: [{ content_html: "<p>x</p>" }] })).toEqual(["items[0].id is a non-empty string"]);
    expect(jsonFeedProblems({ ...doc, items: [{ id: "x" }] })).toEqual(["items[0] has content_html or content_text"]);
  });
});

describe("the site's feeds", () => {
  it("are strictly well-formed XML with every namespace declared, and a complete JSON Feed 1.1", () => {
    expect(xmlProblems(built.text("/feed.xml"))).toEqual([]);
    expect(xmlProblems(built.text("/atom.xml"))).toEqual([]);
    expect(xmlProblems(built.text("/feed.xsl"))).toEqual([]);
    expect(jsonFeedProblems(JSON.parse(built.text("/feed.json")))).toEqual([]);
  });

  it("carry the same entries, order and ids in every format and every parser: the posts' absolute permalinks", () => {
    const expected = postPages().map((path) => `${BASE}${path}`);
    expect(expected.length).toBeGreaterThan(0);
    const all = Object.values(readings).flat();
    expect(all).toHaveLength(6);
    const reference = all[0]!.entries.map((entry) => entry.id);
    expect([...reference].sort()).toEqual(expected.slice(0, site.feedLimit).sort());
    for (const feed of all) {
      expect(
        feed.entries.map((entry) => entry.id),
        feed.parser,
      ).toEqual(reference);
      expect(
        feed.entries.map((entry) => entry.url),
        feed.parser,
      ).toEqual(reference);
      const dates = feed.entries.map((entry) => entry.published);
      expect(dates, `${feed.parser}: newest first`).toEqual([...dates].sort().reverse());
    }
  });

  it("give every entry a title, summary, author, date and full content with absolute URLs", () => {
    for (const [path, feeds] of Object.entries(readings)) {
      for (const feed of feeds) {
        expect(feed.title, path).toBe(site.title);
        expect(feed.homeUrl, path).toBe(`${BASE}/`);
        for (const entry of feed.entries) {
          const where = `${path} via ${feed.parser}: ${entry.id}`;
          expect(entry.title, where).not.toBe("");
          expect(entry.summary, where).not.toBe("");
          expect(entry.authors, where).toHaveLength(1);
          expect(entry.authors[0], where).not.toBe("");
          expect(entry.published, where).toMatch(/^\d{4}-/);
          expect(entry.contentHtml.length, where).toBeGreaterThan(entry.summary.length);
          for (const url of linkedUrls(entry.contentHtml)) expect(url, where).toMatch(/^https?:\/\//);
        }
      }
    }
  });

  it("date the XML feeds by their newest entry, not by the build", () => {
    const atom = readings["/atom.xml"]!;
    const newest = atom[0]!.entries
      .map((entry) => entry.updated ?? entry.published)
      .sort()
      .at(-1);
    for (const feed of [...readings["/feed.xml"]!, ...atom]) expect(feed.updated, feed.parser).toBe(newest);
  });

  it("declare themselves: RSS self link, Atom self link, JSON feed_url", () => {
    expect(built.text("/feed.xml")).toContain(`<atom:link href="${BASE}/feed.xml" rel="self" type="application/rss+xml"/>`);
    expect(built.text("/atom.xml")).toContain(`<link rel="self" type="application/atom+xml" href="${BASE}/atom.xml"/>`);
    expect(JSON.parse(built.text("/feed.json")).feed_url).toBe(`${BASE}/feed.json`);
  });
});

describe("finding the feeds", () => {
  const FEED_TYPES = {
    "application/rss+xml": "/feed.xml",
    "application/atom+xml": "/atom.xml",
    "application/feed+json": "/feed.json",
  };

  it("every page announces all three feeds, a topic's page its own first, and links the subscribe page from its header", () => {
    expect(htmlPages().length).toBeGreaterThan(2);
    for (const page of htmlPages()) {
      const doc = built.document(page);
      const topic = /^\/tags\/[^/]+\//.exec(page)?.[0];
      for (const [type, path] of Object.entries(FEED_TYPES)) {
        const links = [...doc.querySelectorAll(`head link[rel="alternate"][type="${type}"]`)].map((link) => link.getAttribute("href"));
        expect(links, `${page} ${type}`).toEqual([...(topic ? [`${BASE}${topic}${path.slice(1)}`] : []), `${BASE}${path}`]);
      }
      const subscribe = [...doc.querySelectorAll("header a")].find((a) => a.getAttribute("href") === "/subscribe/");
      expect(subscribe?.textContent?.trim(), page).toBe("Subscribe");
    }
  });

  it("the subscribe page explains feeds and links to all three", () => {
    const doc = built.document("/subscribe/");
    expect(doc.querySelector("h1")?.textContent).toBe("Subscribe");
    expect(doc.querySelector("main")?.textContent).toMatch(/feed reader/);
    const hrefs = [...doc.querySelectorAll("main a")].map((a) => a.getAttribute("href"));
    for (const path of Object.values(FEED_TYPES)) {
      expect(hrefs).toContain(path);
      expect(built.exists(path), path).toBe(true);
    }
  });
});

describe("served like Netlify and opened in a browser", () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startStaticServer(built.output);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("each feed and the stylesheet have their media type and a short cache lifetime", async () => {
    // Generic XML for the XML feeds: the specific types make Chromium show raw text instead of the XSL page.
    const types = {
      "/feed.xml": "application/xml; charset=utf-8",
      "/atom.xml": "application/xml; charset=utf-8",
      "/feed.json": "application/feed+json; charset=utf-8",
      "/feed.xsl": "application/xslt+xml; charset=utf-8",
    };
    for (const [path, type] of Object.entries(types)) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toBe(type);
      const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get("cache-control") ?? "")?.[1]);
      expect(maxAge, path).toBeGreaterThan(0);
      expect(maxAge, path).toBeLessThanOrEqual(3600);
    }
  });

  for (const path of ["/feed.xml", "/atom.xml"]) {
    it(`${path} shows a page that says what a feed is, how to subscribe, and the latest stories`, async () => {
      const page = await browser.newPage();
      const watch = await watchPage(page);
      try {
        const response = await page.goto(`${server.url}${path}`);
        expect(response?.status()).toBe(200);
        await page.waitForSelector("h1");
        expect(await page.textContent("h1")).toBe(`This is the news feed of ${site.title}`);
        expect(await page.getAttribute("html", "lang")).toBe(site.language);
        const main = (await page.textContent("main")) ?? "";
        expect(main).toMatch(/feed reader/);
        expect(main).toContain(`${BASE}${path}`);
        const storyLinks = await page.$$eval("main ul li > a", (links) => links.map((a) => a.getAttribute("href")));
        expect(storyLinks).toEqual(readings[path]![0]!.entries.map((entry) => entry.url));
        // The favicon request is the browser's own, not the stylesheet's.
        const problems = watch.problems().filter((problem) => !/favicon\.ico/.test(problem));
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

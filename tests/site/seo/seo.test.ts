// What machines read: canonical URLs, Open Graph, Twitter card, JSON-LD,
// sitemap.xml and robots.txt, from the built files, parsed as a crawler would.
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";
import { buildProject, readSite, type BuiltSite } from "../../support/site-build.ts";
import {
  BASE_URL,
  BYLINE_SLUG,
  HOSTILE_SLUG,
  HOSTILE_TITLE,
  buildFixtureSite,
  postMarkdown,
  type FixtureSite,
} from "../../support/reader-fixtures.ts";

const FIRST_POST = "/posts/kim-kardashian-sits-down-with-alice-johnson/";
const PREVIEW_URL = "https://deploy-preview-7--news.example.org";

let real: BuiltSite;
let fixture: FixtureSite;
let preview: { scratch: ScratchSite; site: BuiltSite };

/** A page's JSON-LD blocks; the dates are read by name, as an Article's. */
type JsonLd = Record<string, unknown> & { datePublished: string; dateModified: string };
function jsonLd(doc: Document): JsonLd[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent ?? ""));
}
const meta = (doc: Document, property: string) =>
  [...doc.querySelectorAll(`meta[property="${property}"], meta[name="${property}"]`)].map((m) => m.getAttribute("content"));

interface SitemapUrl {
  loc: string;
  lastmod?: string;
}
function sitemap(site: BuiltSite): SitemapUrl[] {
  const parsed = new XMLParser({ isArray: (name) => name === "url" }).parse(site.text("/sitemap.xml"));
  return parsed.urlset.url as SitemapUrl[];
}
/** Every HTML page a visitor can reach at its own address (the 404 page answers for missing ones). */
const publicPages = (site: BuiltSite, base: string) =>
  site
    .files()
    .filter((file) => file.endsWith("/index.html"))
    .map((file) => `${base}${file.slice(0, -"index.html".length)}`)
    .sort();

beforeAll(async () => {
  const scratch = await createScratchSite({
    "live.md": postMarkdown({ slug: "live", title: "Live story", date: "2024-03-01", tags: ["Town"] }),
    "draft.md": postMarkdown({ slug: "draft", title: "Draft story", date: "2024-03-02", tags: ["Town"], extra: "draft: true\n" }),
  });
  const previewBuild = scratch.build({ CONTEXT: "deploy-preview", DEPLOY_PRIME_URL: PREVIEW_URL, URL: BASE_URL }).then((result) => {
    if (result.code !== 0) throw new Error(result.stderr);
    return { scratch, site: readSite(scratch.output) };
  });
  [real, fixture, preview] = await Promise.all([
    buildProject({ CONTEXT: "production", SITE_URL: BASE_URL }),
    buildFixtureSite(12, {}, { pageSize: 5 }),
    previewBuild,
  ]);
});
afterAll(async () => {
  await fixture?.scratch.remove();
  await preview?.scratch.remove();
});

describe("post metadata", () => {
  it("carries a NewsArticle JSON-LD with headline, dates, author and publisher", () => {
    const doc = real.document(FIRST_POST);
    const [article, ...rest] = jsonLd(doc);
    expect(rest).toEqual([]);
    expect(article).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: doc.querySelector("h1")!.textContent!.trim(),
      url: `${BASE_URL}${FIRST_POST}`,
      datePublished: doc.querySelector(".byline time")!.getAttribute("datetime"),
      publisher: { "@type": "NewsMediaOrganization", name: "The Commit Ledger", url: `${BASE_URL}/` },
    });
    expect(new Date(article!.dateModified).getTime()).toBeGreaterThanOrEqual(new Date(article!.datePublished).getTime());
    expect(article!.author).toEqual([{ "@type": "Organization", name: "The Commit Ledger newsroom", url: `${BASE_URL}/about/` }]);
  });

  it("names a byline as a Person and an update as dateModified", () => {
    const [article] = jsonLd(fixture.site.document(`/posts/${BYLINE_SLUG}/`));
    expect(article!.author).toEqual([
      { "@type": "Person", name: "Sam Reporter", url: `${BASE_URL}/authors/sam-reporter/`, sameAs: "https://sam.example.org/" },
    ]);
    expect(article!.dateModified).toBe("2025-01-05T10:00:00.000Z");
  });

  it("keeps a headline with </script> inside the JSON-LD, intact", () => {
    const doc = fixture.site.document(`/posts/${HOSTILE_SLUG}/`);
    expect(doc.querySelectorAll("script")).toHaveLength(1);
    expect(jsonLd(doc)[0]!.headline).toBe(HOSTILE_TITLE);
  });

  it("has canonical, Open Graph article tags and a Twitter card", () => {
    const doc = real.document(FIRST_POST);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${BASE_URL}${FIRST_POST}`);
    expect(meta(doc, "og:type")).toEqual(["article"]);
    expect(meta(doc, "og:url")).toEqual([`${BASE_URL}${FIRST_POST}`]);
    expect(meta(doc, "article:published_time")).toEqual(["2018-06-14T00:00:00.000Z"]);
    expect(meta(doc, "article:modified_time")).toEqual([jsonLd(doc)[0]!.dateModified]);
    expect(meta(doc, "article:tag")).toEqual(["Kim Kardashian", "Alice Johnson", "Criminal justice", "Politics"]);
    // The first post has no picture: it is shared with the card drawn from its headline.
    expect(meta(doc, "twitter:card")).toEqual(["summary_large_image"]);
    expect(meta(doc, "og:image")[0]).toMatch(new RegExp(`^${BASE_URL}/assets/img/card-[0-9a-f]{16}\\.png$`));
    expect(meta(doc, "og:image:alt")).toEqual([doc.querySelector("h1")!.textContent!.trim()]);
    expect(meta(doc, "og:title")[0]).toBe(doc.querySelector("h1")!.textContent!.trim());
  });
});

describe("home page metadata", () => {
  it("carries a WebSite JSON-LD and website Open Graph type", () => {
    const doc = real.document("/");
    expect(jsonLd(doc)).toEqual([
      expect.objectContaining({ "@context": "https://schema.org", "@type": "WebSite", name: "The Commit Ledger", url: `${BASE_URL}/` }),
    ]);
    expect(meta(doc, "og:type")).toEqual(["website"]);
    for (const url of ["/archive/", "/tags/", "/about/"]) expect(jsonLd(real.document(url)), url).toEqual([]);
  });

  it("gives every page of a listing its own canonical address", () => {
    expect(fixture.site.document("/page/2/").querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${BASE_URL}/page/2/`);
  });
});

describe("sitemap.xml", () => {
  it("lists every public page exactly once, and nothing else", () => {
    for (const site of [real, fixture.site]) {
      const locs = sitemap(site).map((url) => url.loc);
      expect(new Set(locs).size).toBe(locs.length);
      expect([...locs].sort()).toEqual(publicPages(site, BASE_URL));
    }
    expect(sitemap(fixture.site).map((url) => url.loc)).toContain(`${BASE_URL}/page/3/`);
  });

  it("dates posts by their last change and listings by their newest post", () => {
    const urls = new Map(sitemap(fixture.site).map((url) => [url.loc, url.lastmod]));
    for (const post of fixture.posts) {
      const [article] = jsonLd(fixture.site.document(`/posts/${post.slug}/`));
      expect(urls.get(`${BASE_URL}/posts/${post.slug}/`)).toBe(article!.dateModified);
    }
    // The newest change on the site is the byline story's update.
    expect(urls.get(`${BASE_URL}/`)).toBe("2025-01-05T10:00:00.000Z");
    expect(urls.get(`${BASE_URL}/page/2/`)).toBe("2025-01-05T10:00:00.000Z");
    expect(urls.get(`${BASE_URL}/archive/`)).toBe("2025-01-05T10:00:00.000Z");
    const weather = fixture.posts.filter((post) => post.tags.some((tag) => tag.toLowerCase() === "weather"));
    expect(urls.get(`${BASE_URL}/tags/weather/`)).toBe(
      `${weather
        .map((post) => post.date)
        .sort()
        .at(-1)}T00:00:00.000Z`,
    );
    // An archive month changed when its newest story did: here, the byline story's later update.
    const byline = fixture.posts[2]!;
    expect(urls.get(`${BASE_URL}/archive/${byline.date.slice(0, 4)}/${byline.date.slice(5, 7)}/`)).toBe("2025-01-05T10:00:00.000Z");
    // No date is invented for a page we cannot date.
    expect(urls.get(`${BASE_URL}/about/`)).toBeUndefined();
  });

  it("leaves drafts out even where a preview builds them", () => {
    expect(preview.site.exists("/posts/draft/")).toBe(true);
    const locs = sitemap(preview.site).map((url) => url.loc);
    expect(locs).toContain(`${PREVIEW_URL}/posts/live/`);
    expect(locs).not.toContain(`${PREVIEW_URL}/posts/draft/`);
  });
});

describe("robots.txt", () => {
  it("allows crawling in production and points to the sitemap", () => {
    const lines = real
      .text("/robots.txt")
      .split("\n")
      .map((line) => line.trim());
    expect(lines).toContain("User-agent: *");
    expect(lines).toContain("Disallow:");
    expect(lines).not.toContain("Disallow: /");
    expect(lines).toContain(`Sitemap: ${BASE_URL}/sitemap.xml`);
    expect(real.document("/").querySelector('meta[name="robots"]')).toBeNull();
  });

  it("disallows everything outside production, on the preview's own address", () => {
    const lines = preview.site
      .text("/robots.txt")
      .split("\n")
      .map((line) => line.trim());
    expect(lines).toContain("Disallow: /");
    expect(lines).toContain(`Sitemap: ${PREVIEW_URL}/sitemap.xml`);
    expect(preview.site.document("/").querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
  });
});

import { readFileSync } from "node:fs";
import Parser from "rss-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { buildProject, type BuiltSite } from "../../support/site-build.ts";

const POST_URL = "/posts/kim-kardashian-sits-down-with-alice-johnson/";
const BASE = "https://news.example.org";

const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/** The seed article as published: its paragraphs, less the title and the share/video leftovers. */
function seedParagraphs(): string[] {
  const lines = readFileSync(new URL("../../fixtures/first-post.txt", import.meta.url), "utf8")
    .split("\n")
    .map(normalise)
    .filter(Boolean);
  return lines.slice(1).filter((line) => line !== "Check out the video below." && line !== "Share This Post");
}

let site: BuiltSite;
beforeAll(async () => {
  site = await buildProject({ CONTEXT: "production", SITE_URL: BASE });
});

describe("the first post", () => {
  it("holds every paragraph of the article, verbatim, with its title as the h1", () => {
    const doc = site.document(POST_URL);
    const h1s = doc.querySelectorAll("h1");
    expect(h1s).toHaveLength(1);
    expect(normalise(h1s[0]!.textContent ?? "")).toBe(
      "Kim Kardashian Sits Down with Alice Johnson for the First Time, Vows to Keep Fighting for Others",
    );
    const paragraphs = [...doc.querySelectorAll(".post-body p")].map((p) => normalise(p.textContent ?? ""));
    const expected = seedParagraphs();
    expect(expected.length).toBeGreaterThan(20);
    expect(paragraphs).toEqual(expected);
  });

  it("invents no video and shows no share-widget leftovers", () => {
    const html = site.text(POST_URL);
    expect(html).not.toContain("Share This Post");
    expect(html).not.toContain("video below");
    expect(html).not.toMatch(/<iframe|<video/);
  });

  it("is dated June 2018 in a machine-readable <time>", () => {
    const time = site.document(POST_URL).querySelector(".byline time");
    expect(time?.getAttribute("datetime")).toMatch(/^2018-06-/);
  });

  it("credits its source", () => {
    expect(normalise(site.document(POST_URL).querySelector(".source")?.textContent ?? "")).toBe("Source: People");
  });
});

describe("the home page", () => {
  it("links to the post", () => {
    const links = [...site.document("/").querySelectorAll("main a")].map((a) => a.getAttribute("href"));
    expect(links).toContain(POST_URL);
  });

  it("has a language, a canonical URL on the deploy's base and feed autodiscovery", () => {
    const doc = site.document("/");
    expect(doc.documentElement.getAttribute("lang")).toBe("en");
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${BASE}/`);
    expect(doc.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute("href")).toBe(`${BASE}/feed.xml`);
  });
});

describe("the RSS feed", () => {
  it("parses and carries the full post with absolute links and a stable guid", async () => {
    const feed = await new Parser().parseString(site.text("/feed.xml"));
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item!.link).toBe(`${BASE}${POST_URL}`);
    expect(item!.guid).toBe(`${BASE}${POST_URL}`);
    expect(item!.pubDate).toBe("Thu, 14 Jun 2018 00:00:00 GMT");
    const content = item!["content:encoded"] as string;
    for (const paragraph of seedParagraphs()) expect(normalise(content)).toContain(normalise(paragraph));
    for (const [, url] of content.matchAll(/(?:href|src)="([^"]*)"/g)) expect(url).toMatch(/^https?:\/\//);
  });
});

/**
 * Drafts and scheduled posts, built the way Netlify builds them: a deploy
 * preview shows them with a banner and says noindex on every page; a
 * production build leaves every trace of them out, feeds and sitemap
 * included. A BOM + CRLF post (tests/fixtures/bad-posts/bom-and-crlf.md)
 * rides along to show that it simply works.
 */
import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSite, type BuiltSite } from "../../support/site-build.ts";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";

const post = (title: string, date: string, extra = "") => `---
title: ${title}
date: ${date}
description: About ${title.toLowerCase()}.
tags: [Harbour]
${extra}---

The text of ${title.toLowerCase()}.
`;

const POSTS = {
  "harbour-reopens.md": post("Harbour reopens", "2024-01-10"),
  "harbour-draft.md": post("Secret harbour plan", "2024-01-12", "draft: true\n"),
  "harbour-future.md": post("Harbour fireworks", "2199-12-31T20:00:00Z"),
  "bom-and-crlf.md": readFileSync(new URL("../../fixtures/bad-posts/bom-and-crlf.md", import.meta.url)),
};

const LIVE = "/posts/harbour-reopens/";
const DRAFT = "/posts/harbour-draft/";
const SCHEDULED = "/posts/harbour-future/";
const WINDOWS = "/posts/bom-and-crlf/";

const sites: ScratchSite[] = [];
let preview: BuiltSite;
let production: BuiltSite;

async function buildWith(env: NodeJS.ProcessEnv, settings: Record<string, unknown> = {}): Promise<BuiltSite> {
  const scratch = await createScratchSite(POSTS);
  sites.push(scratch);
  await scratch.writeSettings(settings);
  const result = await scratch.build(env);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return readSite(scratch.output);
}

beforeAll(async () => {
  // Two sites, so the two builds can run side by side.
  [preview, production] = await Promise.all([
    buildWith({
      CONTEXT: "deploy-preview",
      DEPLOY_PRIME_URL: "https://deploy-preview-5--news.netlify.app",
      URL: "https://news.example.org",
    }),
    buildWith({ CONTEXT: "production", SITE_URL: "https://news.example.org" }, { pageSize: 1 }),
  ]);
});

afterAll(async () => {
  for (const site of sites) await site.remove();
});

const htmlPages = (site: BuiltSite) => site.files().filter((file) => file.endsWith(".html"));
const linksOn = (site: BuiltSite, url: string) => [...site.document(url).querySelectorAll("main a")].map((a) => a.getAttribute("href"));
const text = (site: BuiltSite, url: string, selector: string) =>
  (site.document(url).querySelector(selector)?.textContent ?? "").replace(/\s+/g, " ").trim();
const tagPage = (site: BuiltSite) => {
  const page = htmlPages(site).find((file) => /^\/tags?\/harbour\/index\.html$/.test(file));
  if (!page) throw new Error(`no tag page for Harbour among ${htmlPages(site).join(", ")}`);
  return page.replace(/index\.html$/, "");
};

describe("a deploy preview", () => {
  it("builds drafts and scheduled posts, each with a banner saying so", () => {
    expect(text(preview, DRAFT, ".banner")).toMatch(/^Draft: not published in production/);
    expect(text(preview, SCHEDULED, ".banner")).toMatch(/^Scheduled: not published in production until December 31, 2199/);
    expect(preview.document(LIVE).querySelector(".banner")).toBeNull();
  });

  it("lists them on the home page and the tag page", () => {
    for (const url of [DRAFT, SCHEDULED, LIVE]) {
      expect(linksOn(preview, "/")).toContain(url);
      expect(linksOn(preview, tagPage(preview))).toContain(url);
    }
  });

  it("says noindex on every page", () => {
    const pages = htmlPages(preview);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      expect(preview.document(page).querySelector('meta[name="robots"]')?.getAttribute("content"), page).toMatch(/noindex/);
    }
  });

  it("links to itself, not to production", () => {
    expect(preview.document(LIVE).querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
      `https://deploy-preview-5--news.netlify.app${LIVE}`,
    );
  });
});

describe("a production build", () => {
  it("has no page for a draft or a scheduled post", () => {
    expect(production.exists(DRAFT)).toBe(false);
    expect(production.exists(SCHEDULED)).toBe(false);
    expect(production.exists(LIVE)).toBe(true);
  });

  it("leaves them out of every file: listings, pagination, tag pages, archive, feeds, sitemap", () => {
    const files = production.files();
    expect(files).toContain("/feed.xml");
    for (const file of files.filter((name) => /\.(html|xml|json|txt)$/.test(name))) {
      const content = production.text(file);
      for (const hidden of ["harbour-draft", "Secret harbour plan", "harbour-future", "Harbour fireworks"]) {
        expect(content.includes(hidden), `${hidden} in ${file}`).toBe(false);
      }
    }
  });

  it("pages through the live posts only", () => {
    // pageSize: 1 and two live posts: a draft or scheduled post would add pages.
    expect(htmlPages(production).filter((file) => /^\/(page\/\d+\/)?index\.html$/.test(file))).toEqual([
      "/index.html",
      "/page/2/index.html",
    ]);
    expect([...linksOn(production, "/"), ...linksOn(production, "/page/2/")].filter((href) => href?.startsWith("/posts/")).sort()).toEqual(
      [WINDOWS, LIVE].sort(),
    );
  });

  it("feeds and sitemap list exactly the live posts", async () => {
    const base = "https://news.example.org";
    const expected = [`${base}${WINDOWS}`, `${base}${LIVE}`].sort();
    const rss = await new Parser().parseString(production.text("/feed.xml"));
    expect(rss.items.map((item) => item.link).sort()).toEqual(expected);
    const atom = new XMLParser({ ignoreAttributes: false }).parse(production.text("/atom.xml")).feed;
    expect(
      [atom.entry]
        .flat()
        .map((entry: { id: string }) => entry.id)
        .sort(),
    ).toEqual(expected);
    const json = JSON.parse(production.text("/feed.json")) as { items: { url: string }[] };
    expect(json.items.map((item) => item.url).sort()).toEqual(expected);
    const sitemap = new XMLParser().parse(production.text("/sitemap.xml")).urlset.url as { loc: string }[];
    expect(
      sitemap
        .map((entry) => entry.loc)
        .filter((loc) => loc.includes("/posts/"))
        .sort(),
    ).toEqual(expected);
  });

  it("lets search engines index it", () => {
    for (const page of [LIVE, "/"]) expect(production.document(page).querySelector('meta[name="robots"][content*="noindex"]')).toBeNull();
  });
});

describe("a post saved with a UTF-8 BOM and CRLF line endings", () => {
  it("builds like any other: headline and paragraphs intact", () => {
    expect(text(production, WINDOWS, "h1")).toBe("Saved on Windows");
    const paragraphs = [...production.document(WINDOWS).querySelectorAll(".post-body p")].map((p) => p.textContent);
    expect(paragraphs).toEqual(["First paragraph from Windows.", "Second paragraph."]);
    expect(production.text(WINDOWS)).not.toContain("\uFEFF");
  });
});

// Page-weight and loading budgets, measured on the built files: every HTML
// page and the stylesheet it links, as a first visit fetches them, fit one
// round trip gzipped; a page asks nothing of a third party before it
// renders, and needs no JavaScript.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProject, type BuiltSite } from "../../support/site-build.ts";
import { BASE_URL, buildFixtureSite, type FixtureSite } from "../../support/reader-fixtures.ts";

/** ~14 KB: what the first TCP round trip (10 segments) carries. */
const BUDGET_BYTES = 14 * 1024;

let real: BuiltSite;
let fixture: FixtureSite;

beforeAll(async () => {
  [real, fixture] = await Promise.all([
    buildProject({ CONTEXT: "production", SITE_URL: BASE_URL }),
    // Default page size, and enough posts that listings are full and the archive is long.
    buildFixtureSite(60),
  ]);
});
afterAll(() => fixture?.scratch.remove());

function htmlPages(site: BuiltSite): { url: string; html: string; bytes: Buffer }[] {
  return site
    .files()
    .filter((file) => file.endsWith(".html"))
    .map((url) => {
      const bytes = readFileSync(path.join(site.output, url));
      return { url, html: bytes.toString("utf8"), bytes };
    });
}

const sites = () =>
  [
    ["real site", real],
    ["generated site", fixture.site],
  ] as const;

const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** The href of every stylesheet a page links. */
function stylesheets(html: string): string[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('link[rel~="stylesheet"]')].map((link) => link.getAttribute("href") ?? "");
}

const isThirdParty = (url: string) => /^(https?:)?\/\//i.test(url) && !url.startsWith(`${BASE_URL}/`);

describe("page-weight budget", () => {
  it("keeps every HTML page, with the stylesheet a first visit fetches, within 14 KB gzipped", () => {
    // The generated stories share tags: their pages are weighed with their related stories.
    const withRelated = htmlPages(fixture.site).filter((page) => page.html.includes('<section class="related">'));
    expect(withRelated.length).toBeGreaterThan(50);
    for (const [name, site] of sites()) {
      const pages = htmlPages(site);
      expect(pages.length, name).toBeGreaterThan(5);
      const over = pages
        .map((page) => {
          const sheets = stylesheets(page.html).map((href) => gzipped(readFileSync(path.join(site.output, href))));
          return { url: page.url, gzipped: gzipped(page.bytes) + sheets.reduce((sum, bytes) => sum + bytes, 0) };
        })
        .filter((page) => page.gzipped > BUDGET_BYTES);
      expect(over, name).toEqual([]);
    }
  });

  it("links one fingerprinted stylesheet, the same on every page, and inlines none", () => {
    for (const [name, site] of sites()) {
      const hrefs = new Set<string>();
      for (const page of htmlPages(site)) {
        const { document } = parseHTML(page.html);
        expect(document.querySelectorAll("style").length, `${name} ${page.url}`).toBe(0);
        expect(document.querySelectorAll('link[rel~="preload"], link[rel~="modulepreload"]').length).toBe(0);
        const sheets = stylesheets(page.html);
        expect(sheets, `${name} ${page.url}`).toHaveLength(1);
        hrefs.add(sheets[0]!);
      }
      expect([...hrefs], name).toEqual([expect.stringMatching(/^\/assets\/site\.[0-9a-f]{8}\.css$/)]);
      // Nothing more to fetch before the page renders: no @import, no fonts or images.
      expect(site.text([...hrefs][0]!), name).not.toMatch(/@import|url\(/i);
    }
  });
});

describe("loading", () => {
  it("requests nothing from a third party: no external scripts, styles, images, frames or fonts", () => {
    for (const [name, site] of sites()) {
      for (const page of htmlPages(site)) {
        const { document } = parseHTML(page.html);
        const loads = [...document.querySelectorAll("[src], [srcset], [poster], object[data], link[href]")]
          .filter((element) => !(element.localName === "link" && /^(canonical|alternate)$/.test(element.getAttribute("rel") ?? "")))
          .flatMap((element) => ["src", "srcset", "poster", "data", "href"].map((attr) => element.getAttribute(attr) ?? ""))
          .filter((url) => url !== "" && isThirdParty(url));
        expect(loads, `${name} ${page.url}`).toEqual([]);
      }
    }
  });

  it("needs no client JavaScript: no scripts but JSON-LD data, no handlers, no javascript: links", () => {
    for (const [name, site] of sites()) {
      expect(
        site.files().filter((file) => /\.m?js$/.test(file)),
        name,
      ).toEqual([]);
      for (const page of htmlPages(site)) {
        const { document } = parseHTML(page.html);
        const scripts = [...document.querySelectorAll("script")].filter((script) => script.getAttribute("type") !== "application/ld+json");
        expect(scripts.length, `${name} ${page.url}`).toBe(0);
        const handlers = [...document.querySelectorAll("*")].flatMap((element) =>
          [...element.attributes].filter((attr) => /^on/i.test(attr.name)).map((attr) => `${element.localName}[${attr.name}]`),
        );
        expect(handlers, page.url).toEqual([]);
        expect(page.html, page.url).not.toMatch(/href="\s*javascript:/i);
        // The security policy allows styles from the site's files only; a style="" attribute would be refused.
        expect(document.querySelectorAll("[style]").length, page.url).toBe(0);
      }
    }
  });
});

// Page-weight and loading budgets, measured on the built files: every HTML
// page (its CSS is inlined) fits one round trip gzipped, asks nothing of a
// third party before it renders, and needs no JavaScript.
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
    buildProject({ CONTEXT: "production", URL: BASE_URL }),
    // Default page size, and enough posts that listings are full and the archive is long.
    buildFixtureSite(60),
  ]);
});
afterAll(() => fixture?.scratch.remove());

function htmlPages(site: BuiltSite): { url: string; html: string; bytes: Buffer }[] {
  return site.files()
    .filter((file) => file.endsWith(".html"))
    .map((url) => {
      const bytes = readFileSync(path.join(site.output, url));
      return { url, html: bytes.toString("utf8"), bytes };
    });
}

const sites = () => [["real site", real], ["generated site", fixture.site]] as const;

const isThirdParty = (url: string) => /^(https?:)?\/\//i.test(url) && !url.startsWith(`${BASE_URL}/`);

describe("page-weight budget", () => {
  it("keeps every HTML page, CSS included, within 14 KB gzipped", () => {
    for (const [name, site] of sites()) {
      const pages = htmlPages(site);
      expect(pages.length, name).toBeGreaterThan(5);
      const over = pages
        .map((page) => ({ url: page.url, gzipped: gzipSync(page.bytes, { level: 9 }).length }))
        .filter((page) => page.gzipped > BUDGET_BYTES);
      expect(over, name).toEqual([]);
    }
  });

  it("inlines the one stylesheet, so the page is its CSS's only carrier", () => {
    for (const [name, site] of sites()) {
      for (const page of htmlPages(site)) {
        const { document } = parseHTML(page.html);
        expect(document.querySelectorAll("style").length, `${name} ${page.url}`).toBe(1);
        expect(document.querySelectorAll('link[rel~="stylesheet"], link[rel~="preload"], link[rel~="modulepreload"]').length).toBe(0);
        const css = document.querySelector("style")!.textContent ?? "";
        expect(css, page.url).not.toMatch(/@import|url\(/i);
      }
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
      expect(site.files().filter((file) => /\.m?js$/.test(file)), name).toEqual([]);
      for (const page of htmlPages(site)) {
        const { document } = parseHTML(page.html);
        const scripts = [...document.querySelectorAll("script")].filter((script) => script.getAttribute("type") !== "application/ld+json");
        expect(scripts.length, `${name} ${page.url}`).toBe(0);
        const handlers = [...document.querySelectorAll("*")].flatMap((element) =>
          [...element.attributes].filter((attr) => /^on/i.test(attr.name)).map((attr) => `${element.localName}[${attr.name}]`),
        );
        expect(handlers, page.url).toEqual([]);
        expect(page.html, page.url).not.toMatch(/href="\s*javascript:/i);
        // The security policy hashes the one <style>; a style="" attribute would be refused.
        expect(document.querySelectorAll("[style]").length, page.url).toBe(0);
      }
    }
  });
});

// axe-core on the pages a reader meets, in light and in dark colour schemes
// (the stylesheet swaps its palette, so contrast must hold in both).
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchPage } from "../../support/browser.ts";
import { CORRECTIONS_SLUG, FOOTNOTES_SLUG, VIDEO_SLUG } from "../../support/reader-fixtures.ts";
import { serveFixtureSite, type ServedFixture } from "../../support/served-fixture.ts";
import type { StaticServer } from "../../support/static-server.ts";

let served: ServedFixture;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  served = await serveFixtureSite(9, {}, { pageSize: 4 });
  ({ server, browser } = served);
});
afterAll(() => served?.close());

const PAGES = {
  home: "/",
  "a post with a video, share links and related stories": `/posts/${VIDEO_SLUG}/`,
  "a post with footnotes and related stories": `/posts/${FOOTNOTES_SLUG}/`,
  "a post with corrections and updates": `/posts/${CORRECTIONS_SLUG}/`,
  "a tag page": "/tags/politics/",
  "the archive": "/archive/",
  "an archive month": "/archive/2024/12/",
  "the about page": "/about/",
  "the 404 page": "/no/such/page/",
};

describe("axe", () => {
  it.each(Object.entries(PAGES))("finds no violation on %s, in light and in dark", async (_name, url) => {
    // AxeBuilder needs a page from an explicit context.
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      const watch = await watchPage(page);
      await page.goto(`${server.url}${url}`, { waitUntil: "load" });
      // The stories share tags (tests/support/reader-fixtures.ts): each story's page lists related ones, which axe then sees.
      expect((await page.locator("section.related li").count()) > 0).toBe(url.startsWith("/posts/"));
      for (const colorScheme of ["light", "dark"] as const) {
        // Media emulation restyles the loaded page at once; no second load needed.
        await page.emulateMedia({ colorScheme });
        expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(colorScheme === "dark");
        const results = await new AxeBuilder({ page }).analyze();
        const violations = results.violations.map(
          (v) => `${colorScheme} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
        expect(violations).toEqual([]);
        expect(results.passes.map((rule) => rule.id)).toContain("color-contrast");
      }
      // The 404 page is served with status 404 on purpose; nothing else may go wrong.
      expect(watch.problems().filter((problem) => !problem.includes(url))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

// Issue 18: pictures as a phone and a checker see them. A production build
// with a lead picture and body pictures, served with the site's headers (CSP
// included), loaded by Chromium as a 390-pixel-wide phone at 3× density: what
// it downloads, whether anything moves as pictures arrive, and whether axe and
// the Nu Html Checker find anything wrong with the markup.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchPage } from "../../support/browser.ts";
import { bridgeStory } from "../../support/picture-story.ts";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";
import { startStaticServer, type StaticServer } from "../../support/static-server.ts";
import { photoLike } from "../../support/test-images.ts";
import { validateHtml } from "../../support/vnu.ts";

const POST = bridgeStory(`The bridge took ten years to build, and the city waited for every one of them.

![Crowds on the span at noon](/media/crowd.jpg)`);

let scratch: ScratchSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  scratch = await createScratchSite({ "harbour-bridge.md": POST });
  await mkdir(path.join(scratch.root, "media"));
  // A camera's size: the build, not the author, makes what a phone needs.
  await writeFile(path.join(scratch.root, "media", "bridge.jpg"), await photoLike(3000, 2000));
  await writeFile(path.join(scratch.root, "media", "crowd.jpg"), await photoLike(1600, 1067));
  const built = await scratch.build({ CONTEXT: "production", SITE_URL: "https://news.example.org" });
  if (built.code !== 0) throw new Error(built.stderr);
  server = await startStaticServer(scratch.output);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await scratch?.remove();
});

describe("a story with pictures on a phone", () => {
  it("downloads a lead picture of at most 100 KB, in a modern format, and nothing moves as pictures arrive", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true });
    const page = await context.newPage();
    try {
      const watch = await watchPage(page);
      const pictures: Array<{ url: string; type: string; bytes: number }> = [];
      page.on("response", async (response) => {
        const type = response.headers()["content-type"] ?? "";
        if (type.startsWith("image/")) pictures.push({ url: response.url(), type, bytes: (await response.body()).length });
      });
      await page.addInitScript(() => {
        (window as unknown as { shift: number }).shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>)
            (window as unknown as { shift: number }).shift += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`${server.url}/posts/harbour-bridge/`, { waitUntil: "networkidle" });
      // Scroll through the story so the lazy picture loads too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState("networkidle");
      expect(watch.problems()).toEqual([]);
      const lead = pictures.find((picture) => picture.url.includes("/assets/img/bridge-"));
      expect(lead?.type).toBe("image/avif");
      expect(lead?.bytes).toBeLessThanOrEqual(100 * 1024);
      expect(pictures.some((picture) => picture.url.includes("/assets/img/crowd-"))).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("passes axe, in light and in dark", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      for (const url of ["/posts/harbour-bridge/", "/"]) {
        await page.goto(`${server.url}${url}`, { waitUntil: "load" });
        for (const colorScheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme });
          const results = await new AxeBuilder({ page }).analyze();
          expect(results.violations.map((violation) => `${url} ${colorScheme} ${violation.id}: ${violation.help}`)).toEqual([]);
        }
      }
    } finally {
      await context.close();
    }
  });

  it("is valid HTML, the story and the home page with its thumbnail", async () => {
    const pages = ["posts/harbour-bridge/index.html", "index.html"].map((file) => path.join(scratch.output, file));
    expect(await validateHtml(pages)).toEqual([]);
  });
});

// A reader's paths through the built site in headless Chromium, served the
// way Netlify serves it: home → post → tag, the feed link, a missing page,
// and the whole home and post pages by keyboard alone. Every visit must end
// with no console error, no failed request and nothing asked of a third party.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchPage, type PageWatch } from "../../support/browser.ts";
import type { FixtureSite } from "../../support/reader-fixtures.ts";
import { serveFixtureSite, type ServedFixture } from "../../support/served-fixture.ts";
import { fetchRaw, type StaticServer } from "../../support/static-server.ts";

let served: ServedFixture;
let fixture: FixtureSite;
let server: StaticServer;
let browser: Browser;
const watches: { url: string; watch: PageWatch }[] = [];

beforeAll(async () => {
  served = await serveFixtureSite(9, {}, { pageSize: 4 });
  ({ fixture, server, browser } = served);
});
afterAll(() => served?.close());

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  watches.push({ url, watch: await watchPage(page) });
  await page.goto(`${server.url}${url}`, { waitUntil: "load" });
  return page;
}

/**
 * Clicks a link that leaves the page once the page has fetched everything it
 * asked for: a navigation that cuts a fetch short (the icon, say) would be
 * reported as a failed request, which is the test's timing, not the site's.
 */
async function follow(page: Page, link: Locator, to: string | RegExp): Promise<void> {
  await page.waitForLoadState("networkidle");
  await Promise.all([page.waitForURL(to), link.click()]);
}

describe("reading the site", () => {
  it("goes from the home page to the first post, then to one of its tags", async () => {
    const page = await open("/");
    const first = page.locator(".post-list h2 a").first();
    const headline = (await first.textContent())!.trim();
    await follow(page, first, /\/posts\/[a-z0-9-]+\/$/);
    expect((await page.locator("h1").textContent())!.trim()).toBe(headline);
    const postUrl = new URL(page.url()).pathname;

    const tag = page.locator(".post-footer .tag-list a").first();
    const tagName = (await tag.textContent())!.trim();
    await follow(page, tag, /\/tags\/[a-z0-9-]+\/$/);
    expect((await page.locator("h1").textContent())!.trim().toLowerCase()).toBe(tagName.toLowerCase());
    expect(await page.locator(`.post-list a[href="${postUrl}"]`).count()).toBe(1);
    await page.close();
  });

  it("reaches the RSS feed through its link", async () => {
    const page = await open("/");
    const link = page.locator('footer a[href="/feed.xml"]');
    expect(await link.count()).toBe(1);
    await page.waitForLoadState("networkidle"); // see follow()
    const [response] = await Promise.all([page.waitForResponse((res) => res.url().endsWith("/feed.xml")), link.click()]);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/xml/);
    await page.waitForURL(`${server.url}/feed.xml`, { waitUntil: "load" });
    // Chromium shows the feed through its XSL stylesheet; a feed reader gets the XML itself.
    expect(await page.title()).toContain("The Commit Ledger");
    const { body } = await fetchRaw(response.url());
    expect(body).toMatch(/<rss[\s>]/);
    for (const post of fixture.posts) expect(body).toContain(`/posts/${post.slug}/`);
    await page.close();
  });

  it("answers a missing address with the 404 page, which leads back in", async () => {
    const page = await browser.newPage();
    const watch = await watchPage(page);
    const response = await page.goto(`${server.url}/posts/no-such-story/`);
    expect(response?.status()).toBe(404);
    expect((await page.locator("h1").textContent())!.trim()).toBe("Page not found");
    await follow(page, page.locator('main a[href="/archive/"]'), `${server.url}/archive/`);
    expect((await page.locator("h1").textContent())!.trim()).toBe("Archive");
    // The 404 status itself is the point here; anything else would be a problem.
    expect(watch.problems().filter((problem) => !problem.includes("/posts/no-such-story/"))).toEqual([]);
    await page.close();
  });
});

/** Tabs through the page, returning what got focus (href or tag) and whether the focus was visibly drawn. */
async function tabThrough(page: Page): Promise<{ id: string; visible: boolean }[]> {
  const visited: { id: string; visible: boolean }[] = [];
  for (let step = 0; step < 400; step++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return undefined;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
      const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.left < window.innerWidth;
      const index = [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")].indexOf(element);
      return { id: `${index}:${element.getAttribute("href") ?? element.localName}`, visible: outlined && onScreen };
    });
    if (!focused || visited.some((seen) => seen.id === focused.id)) break;
    visited.push(focused);
  }
  return visited;
}

describe("keyboard", () => {
  for (const url of ["/", "/posts/story-with-video/"]) {
    it(`reaches every link on ${url} with a visible focus`, async () => {
      const page = await open(url);
      const links = await page.evaluate(() =>
        [...document.querySelectorAll("a[href]")].map((a, index) => `${index}:${a.getAttribute("href")}`),
      );
      const focusable = await page.evaluate(() =>
        [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")].map(
          (el, index) => `${index}:${el.getAttribute("href") ?? el.localName}`,
        ),
      );
      const visited = await tabThrough(page);
      const reached = new Set(visited.map((entry) => entry.id));
      // Same indexing on both sides: map each link to its place among focusable elements.
      const linkIds = focusable.filter((id) => !id.endsWith(":main"));
      expect(linkIds.length).toBe(links.length);
      expect(linkIds.filter((id) => !reached.has(id))).toEqual([]);
      expect(visited.filter((entry) => !entry.visible).map((entry) => entry.id)).toEqual([]);
      await page.close();
    });
  }

  it("skips to the content with the first Tab and Enter", async () => {
    const page = await open("/posts/story-with-video/");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.close();
  });
});

describe("every visit", () => {
  it("logged no console error, failed no request and asked nothing of a third party", () => {
    expect(watches.length).toBeGreaterThanOrEqual(5);
    expect(watches.flatMap(({ url, watch }) => watch.problems().map((problem) => `${url}: ${problem}`))).toEqual([]);
  });
});

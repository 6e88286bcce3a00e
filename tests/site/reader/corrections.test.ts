// Issue 19: corrections and updates. A production build with a story
// corrected twice and updated once, read back as readers, feed readers and
// crawlers read it: the page in Chromium, every feed that carries the story
// (the site's and its topic's) through two parsers per format, the sitemap as
// XML, the JSON-LD parsed. axe (light and dark), vnu, the link check and the
// 14 KB budget run on the same story with every other page.
import { XMLParser } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAtom, readJson, readRss, visibleText, type ReadFeed } from "../../fixtures/feeds/feed-readers.ts";
import { watchPage } from "../../support/browser.ts";
import { BASE_URL, CORRECTIONS, CORRECTIONS_SLUG } from "../../support/reader-fixtures.ts";
import { serveFixtureSite, type ServedFixture } from "../../support/served-fixture.ts";

const PAGE = `/posts/${CORRECTIONS_SLUG}/`;
/** The story's topic (tests/support/reader-fixtures.ts gives the seventh story "courts"). */
const TOPIC = "/tags/courts/";
/** The newest notice, the update of 15:30 at +02:00: the story's last change everywhere. */
const NEWEST = "2024-09-10T13:30:00.000Z";
/** What a reader reads, oldest first, each notice naming its kind since the box holds both. */
const NOTICES = [
  "Correction, September 2, 2024: An earlier version gave the vote as 7 to 4; it was 8 to 3.",
  'Correction, September 4, 2024: The "annex" is <b>not</b> final & still open to comment.',
  "Update, September 10, 2024: The council has since published the minutes.",
];

let served: ServedFixture;
let page: Page;

beforeAll(async () => {
  served = await serveFixtureSite(8);
  page = await served.browser.newPage();
}, 120_000);
afterAll(() => served?.close());

const site = () => served.fixture.site;

describe("a corrected story, as a reader sees it (issue 19)", () => {
  it("shows the notices in a box headed by what it holds, oldest first, its text as written", async () => {
    const watch = await watchPage(page);
    await page.goto(`${served.server.url}${PAGE}`, { waitUntil: "load" });
    const box = page.locator("section.corrections");
    await expect.poll(() => box.isVisible()).toBe(true);
    const heading = page.getByRole("heading", { level: 2, name: "Corrections and updates" });
    expect(await heading.isVisible()).toBe(true);
    expect((await box.locator("p").allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim())).toEqual(NOTICES);
    // The text is text: the <b> in it is shown, not obeyed.
    expect(await box.locator("b").count()).toBe(0);
    expect(await box.locator("time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime")))).toEqual([
      "2024-09-02T00:00:00.000Z",
      "2024-09-04T00:00:00.000Z",
      NEWEST,
    ]);
    expect(watch.problems()).toEqual([]);
  });

  it("places the box under the headline and byline, above the story, marked by more than colour", async () => {
    await page.goto(`${served.server.url}${PAGE}`, { waitUntil: "load" });
    const top = async (selector: string) => (await page.locator(selector).boundingBox())?.y ?? Number.NaN;
    const [byline, box, body] = [await top(".byline"), await top("section.corrections"), await top(".post-body")];
    expect(byline).toBeLessThan(box);
    expect(box).toBeLessThan(body);
    // A rule beside the box as well as its heading: visible without telling colours apart.
    const rule = await page.locator("section.corrections").evaluate((element) => getComputedStyle(element).borderLeftWidth);
    expect(Number.parseFloat(rule)).toBeGreaterThan(0);
  });

  it("moves the byline's updated date to the newest notice", async () => {
    await page.goto(`${served.server.url}${PAGE}`, { waitUntil: "load" });
    const updated = page.locator(".byline time.updated");
    expect(await updated.getAttribute("datetime")).toBe(NEWEST);
    expect(await updated.textContent()).toBe("September 10, 2024");
  });

  it("shows no box on a story never corrected", () => {
    const other = site().document(`/posts/${served.fixture.posts[0]!.slug}/`);
    expect(other.querySelector("section.corrections")).toBeNull();
    expect(other.querySelector(".byline time.updated")).toBeNull();
  });
});

describe("a corrected story, as crawlers read it", () => {
  const jsonLd = () => JSON.parse(site().document(PAGE).querySelector('script[type="application/ld+json"]')?.textContent ?? "{}");

  it("gives each correction as a CorrectionComment, dated, and dateModified the newest notice", () => {
    const article = jsonLd();
    expect(article.dateModified).toBe(NEWEST);
    // The update is news added, not a mistake put right: it moves dateModified only.
    expect(article.correction).toEqual(
      CORRECTIONS.filter((item) => item.kind === "correction").map((item) => ({
        "@type": "CorrectionComment",
        text: item.text,
        datePublished: new Date(`${item.date}T00:00:00Z`).toISOString(),
      })),
    );
    const modified = site().document(PAGE).querySelector('meta[property="article:modified_time"]');
    expect(modified?.getAttribute("content")).toBe(NEWEST);
  });

  it("dates the story's sitemap entry by the newest notice", () => {
    const parsed = new XMLParser({ isArray: (name) => name === "url" }).parse(site().text("/sitemap.xml"));
    const entry = (parsed.urlset.url as { loc: string; lastmod?: string }[]).find((url) => url.loc === `${BASE_URL}${PAGE}`);
    expect(entry?.lastmod).toBe(NEWEST);
  });
});

describe("a corrected story, as feed readers read it", () => {
  async function readings(home: string): Promise<ReadFeed[]> {
    const text = (name: string) => site().text(`${home}${name}`);
    return [...(await readRss(text("feed.xml"))), ...(await readAtom(text("atom.xml"))), ...readJson(text("feed.json"))];
  }

  it.each([
    ["the site's feeds", "/"],
    ["the topic's feeds", TOPIC],
  ])("%s open the entry with the notices, and Atom and JSON Feed date it by the newest", async (_name, home) => {
    const feeds = await readings(home);
    expect(feeds).toHaveLength(6);
    for (const [index, feed] of feeds.entries()) {
      const entry = feed.entries.find((item) => item.url === `${BASE_URL}${PAGE}`);
      expect(entry, feed.parser).toBeDefined();
      const { document } = parseHTML(`<!doctype html><html><body>${entry?.contentHtml ?? ""}</body></html>`);
      const first = document.body.firstElementChild;
      expect(first?.matches("section.corrections"), feed.parser).toBe(true);
      expect(first?.querySelector("h2")?.textContent, feed.parser).toBe("Corrections and updates");
      const notices = [...(first?.querySelectorAll("p") ?? [])].map((p) => (p.textContent ?? "").replace(/\s+/g, " ").trim());
      // @rowanmanning/feed-parser decodes XML content's entities once more than XML does (tests/site/feeds/feeds-hostile.test.ts):
      // the <b> written as text reaches it as markup, which its reader would show as bold text, not run.
      const expected = feed.parser === "@rowanmanning/feed-parser" && index < 4 ? NOTICES.map(visibleText) : NOTICES;
      expect(notices, feed.parser).toEqual(expected);
      // RSS 2.0 (the first two readings) has no updated date for an item: there the notices alone say it changed.
      if (index >= 2) expect(entry?.updated, `${home} ${feed.parser}`).toBe(NEWEST);
    }
  });
});

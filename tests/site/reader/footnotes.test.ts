// Issue 19: footnotes. A production build with a story whose notes are cited
// once, twice and inline, one of them a bare web address, read back as a
// browser and feed readers read it. axe, vnu and the link check run on the
// same story with every other page (a11y, html-validity and links tests).
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAtom, readJson, readRss } from "../../fixtures/feeds/feed-readers.ts";
import { BASE_URL, buildFixtureSite, FOOTNOTES_SLUG, type FixtureSite } from "../../support/reader-fixtures.ts";

const PAGE = `/posts/${FOOTNOTES_SLUG}/`;
let fixture: FixtureSite;

beforeAll(async () => {
  fixture = await buildFixtureSite(6);
}, 120_000);
afterAll(() => fixture?.scratch.remove());

const story = () => fixture.site.document(PAGE).querySelector("article.post") as Element;
/** The element a fragment link goes to; ids such as fnref1:1 are no CSS selectors. */
const byId = (href: string) => story().querySelector(`[id="${href.replace(/^#/, "")}"]`);
const text = (element: Element | null) => (element?.textContent ?? "").replace(/\s+/g, " ").trim();

describe("a story with footnotes (issue 19)", () => {
  it("numbers its citations in the order notes are first cited, each linking to its note", () => {
    const citations = [...story().querySelectorAll("sup a")];
    expect(citations.map(text)).toEqual(["1", "2", "1", "3"]);
    for (const citation of citations) {
      const target = byId(citation.getAttribute("href") ?? "");
      expect(target?.tagName, citation.outerHTML).toBe("LI");
      expect(text(target).startsWith(["https://council", "The auditor", "By seven"][Number(text(citation)) - 1] ?? "?")).toBe(true);
    }
  });

  it("lists the notes at the end under a heading, each with a way back to every place it is cited", () => {
    const notes = story().querySelector("section.footnotes");
    expect(text(notes?.querySelector("h2") ?? null)).toBe("Notes");
    const items = [...(notes?.querySelectorAll("ol > li") ?? [])];
    expect(
      items.map((item) =>
        text(item)
          .replace(/\s*↩\W*/g, " ")
          .trim(),
      ),
    ).toEqual(["https://council.example.org/budget-2024", "The auditor’s report, page 12.", "By seven votes to four."]);
    const backs = items.map((item) => [...item.querySelectorAll("a")].map((link) => link.getAttribute("href") ?? ""));
    expect(backs.map((hrefs) => hrefs.length)).toEqual([2, 1, 1]);
    for (const href of backs.flat()) {
      const citation = byId(href);
      expect(citation?.closest("sup"), href).not.toBeNull();
      expect(story().querySelector(`[href="${href}"]`)?.getAttribute("aria-label")).toBe(`Back to citation ${href.slice("#fnref".length)}`);
    }
    // Every citation is described by the notes' heading, for screen readers.
    for (const citation of story().querySelectorAll("sup a")) expect(citation.getAttribute("aria-describedby")).toBe("footnote-label");
  });

  it("publishes a note that is a bare web address as a note, not a link left behind as ^1", () => {
    const html = fixture.site.text(PAGE);
    expect(html).not.toMatch(/\[\^|\^budget|>\^1</);
    expect(story().querySelector('a[href^="https://council.example.org"]')).toBeNull();
  });

  it("carries the notes in every feed, their links made absolute", async () => {
    const feeds = [
      ...(await readRss(fixture.site.text("/feed.xml"))),
      ...(await readAtom(fixture.site.text("/atom.xml"))),
      ...readJson(fixture.site.text("/feed.json")),
    ];
    expect(feeds.length).toBeGreaterThanOrEqual(4);
    for (const feed of feeds) {
      const entry = feed.entries.find((item) => item.url.endsWith(PAGE));
      expect(entry, feed.parser).toBeDefined();
      const { document } = parseHTML(`<div>${entry?.contentHtml ?? ""}</div>`);
      expect(
        [...document.querySelectorAll("sup a")].map((link) => link.getAttribute("href")),
        feed.parser,
      ).toEqual(["1", "2", "1", "3"].map((n) => `${BASE_URL}${PAGE}#fn${n}`));
      expect(document.querySelectorAll("section.footnotes li").length, feed.parser).toBe(3);
      expect(document.querySelector(".footnote-backref")?.getAttribute("href"), feed.parser).toBe(`${BASE_URL}${PAGE}#fnref1`);
    }
  });
});

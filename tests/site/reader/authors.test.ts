// Issue 19: bylines and author pages. A production build of a site whose
// site.yaml lists three people (one with a name full of markup characters,
// one with no story yet), read back as a browser, feed readers (two parsers
// per format), a crawler (sitemap) and a structured-data consumer read it.
import { parseAtomFeed } from "feedsmith";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAtom, readJson, readRss, xmlProblems } from "../../fixtures/feeds/feed-readers.ts";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";
import { readSite, type BuiltSite } from "../../support/site-build.ts";

const SITE_URL = "https://news.example.org";
const ODD_NAME = `Ana "Ná" <O'Brien> & Co`;
const PEOPLE = {
  "jane-doe": { name: "Jane Doe", bio: "Jane covers the courts.", link: "https://jane.example/about" },
  "ana-obrien": { name: ODD_NAME, bio: "Writes <b>about</b> the port & the river." },
  "no-story-yet": { name: "Newcomer", bio: "Starts next week." },
};

const post = (title: string, date: string, extra = "") =>
  `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\ndescription: A summary.\n${extra}---\n\nThe story.\n`;

const POSTS = {
  "court-rules.md": post("Court rules on the harbour", "2024-06-05", "author: jane-doe\n"),
  "joint-inquiry.md": post("A joint inquiry", "2024-06-04", "author: [ana-obrien, jane-doe]\n"),
  "river-levels.md": post("River levels fall", "2024-06-03", "author: jane-doe\n"),
  "newsroom-note.md": post("A note from the newsroom", "2024-06-02"),
  "older-ruling.md": post("An older ruling", "2024-06-01", "author: jane-doe\n"),
  "jane-draft.md": post("A draft by Jane", "2024-06-06", "author: jane-doe\ndraft: true\n"),
};

let scratch: ScratchSite;
let site: BuiltSite;

beforeAll(async () => {
  scratch = await createScratchSite(POSTS);
  await scratch.writeSettings({ authors: PEOPLE, pageSize: 2 });
  const result = await scratch.build({ CONTEXT: "production", SITE_URL });
  if (result.code !== 0) throw new Error(result.stderr);
  site = readSite(scratch.output);
}, 180_000);
afterAll(() => scratch?.remove());

const text = (element: Element | null | undefined) => (element?.textContent ?? "").replace(/\s+/g, " ").trim();
const byline = (slug: string) => site.document(`/posts/${slug}/`).querySelector(".byline") as Element;
const links = (element: Element, selector: string) =>
  [...element.querySelectorAll(selector)].map((link) => [text(link), link.getAttribute("href"), link.getAttribute("rel")]);

describe("bylines (issue 19)", () => {
  it("name each person in the order written, each linking to their page", () => {
    expect(text(byline("joint-inquiry"))).toMatch(new RegExp(`^By ${ODD_NAME.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} and Jane Doe · `));
    expect(links(byline("joint-inquiry"), "a.author")).toEqual([
      [ODD_NAME, "/authors/ana-obrien/", "author"],
      ["Jane Doe", "/authors/jane-doe/", "author"],
    ]);
    expect(links(byline("court-rules"), "a.author")).toEqual([["Jane Doe", "/authors/jane-doe/", "author"]]);
  });

  it("fall back to the newsroom, unlinked, on a story that names nobody", () => {
    expect(text(byline("newsroom-note").querySelector(".author"))).toBe("The Commit Ledger newsroom");
    expect(byline("newsroom-note").querySelector("a.author")).toBeNull();
  });

  it("reach the JSON-LD as a Person with the page's absolute address, and the person's own link as sameAs", () => {
    const ld = (slug: string) =>
      JSON.parse(site.document(`/posts/${slug}/`).querySelector('script[type="application/ld+json"]')?.textContent ?? "{}");
    expect(ld("joint-inquiry").author).toEqual([
      { "@type": "Person", name: ODD_NAME, url: `${SITE_URL}/authors/ana-obrien/` },
      { "@type": "Person", name: "Jane Doe", url: `${SITE_URL}/authors/jane-doe/`, sameAs: "https://jane.example/about" },
    ]);
    expect(ld("newsroom-note").author).toEqual([
      { "@type": "Organization", name: "The Commit Ledger newsroom", url: `${SITE_URL}/about/` },
    ]);
  });
});

describe("author pages (issue 19)", () => {
  it("list a person's published stories, newest first, paginated, with their bio and link", () => {
    const first = site.document("/authors/jane-doe/");
    expect(text(first.querySelector("h1"))).toBe("Jane Doe");
    expect(text(first.querySelector(".bio"))).toBe("Jane covers the courts.");
    expect(links(first.querySelector("main") as Element, 'a[rel~="me"]')).toEqual([
      ["More from Jane Doe", "https://jane.example/about", "me noopener"],
    ]);
    const titles = (url: string) => [...site.document(url).querySelectorAll(".post-list h3 a")].map((a) => text(a));
    expect(titles("/authors/jane-doe/")).toEqual(["Court rules on the harbour", "A joint inquiry"]);
    expect(titles("/authors/jane-doe/page/2/")).toEqual(["River levels fall", "An older ruling"]);
    expect(site.exists("/authors/jane-doe/page/3/")).toBe(false);
    expect(text(site.document("/authors/jane-doe/page/2/").querySelector("title"))).toMatch(/^Jane Doe, page 2/);
  });

  it("print names and bios as text, never as markup", () => {
    const page = site.document("/authors/ana-obrien/");
    expect(text(page.querySelector("h1"))).toBe(ODD_NAME);
    expect(text(page.querySelector(".bio"))).toBe("Writes <b>about</b> the port & the river.");
    expect(page.querySelector(".bio b, h1 o\\'brien")).toBeNull();
    expect(text(page.querySelector("title"))).toContain(ODD_NAME);
  });

  it("exist only for people with a published story, and are all on the index of writers", () => {
    expect(site.exists("/authors/no-story-yet/")).toBe(false);
    const index = site.document("/authors/");
    expect(links(index.querySelector("main") as Element, ".topic-index a")).toEqual([
      [ODD_NAME, "/authors/ana-obrien/", null],
      ["Jane Doe", "/authors/jane-doe/", null],
    ]);
    expect(text(index.querySelector(".topic-index"))).toContain("Jane Doe (4 stories)");
  });

  it("are in the sitemap, every page of them, and drafts appear on none", () => {
    const sitemap = site.text("/sitemap.xml");
    expect(xmlProblems(sitemap)).toEqual([]);
    for (const url of ["/authors/", "/authors/jane-doe/", "/authors/jane-doe/page/2/", "/authors/ana-obrien/"])
      expect(sitemap).toContain(`<loc>${SITE_URL}${url}</loc>`);
    for (const url of ["/authors/jane-doe/", "/authors/jane-doe/page/2/"]) expect(site.text(url)).not.toContain("A draft by Jane");
  });
});

describe("feeds name every author (issue 19)", () => {
  const entryOf = (feeds: Awaited<ReturnType<typeof readRss>>, slug: string) =>
    feeds.map((feed) => ({ parser: feed.parser, entry: feed.entries.find((entry) => entry.url === `${SITE_URL}/posts/${slug}/`) }));

  it("RSS: one dc:creator line with every name, as readers show it", async () => {
    const xml = site.text("/feed.xml");
    expect(xmlProblems(xml)).toEqual([]);
    for (const { parser, entry } of entryOf(await readRss(xml), "joint-inquiry"))
      expect(entry?.authors, parser).toEqual([`${ODD_NAME} and Jane Doe`]);
    for (const { parser, entry } of entryOf(await readRss(xml), "newsroom-note"))
      expect(entry?.authors, parser).toEqual(["The Commit Ledger newsroom"]);
  });

  it("Atom and JSON Feed: one author per person, in the order written", async () => {
    const xml = site.text("/atom.xml");
    // rss-parser keeps only an Atom entry's first <author>; feedsmith reads them all.
    const atomEntry = parseAtomFeed(xml).entries?.find((entry) => entry.id === `${SITE_URL}/posts/joint-inquiry/`);
    expect(atomEntry?.authors?.map((author) => author.name)).toEqual([ODD_NAME, "Jane Doe"]);
    const readers = [...(await readAtom(xml)).filter((feed) => feed.parser !== "rss-parser"), ...readJson(site.text("/feed.json"))];
    expect(readers).toHaveLength(3);
    for (const { parser, entry } of entryOf(readers, "joint-inquiry")) expect(entry?.authors, parser).toEqual([ODD_NAME, "Jane Doe"]);
  });

  it("Atom and JSON Feed link each person to their page", () => {
    const atom = parseHTML(site.text("/atom.xml")).document;
    const entry = [...atom.querySelectorAll("entry")].find((node) => text(node.querySelector("id")) === `${SITE_URL}/posts/joint-inquiry/`);
    expect([...(entry?.querySelectorAll("author uri") ?? [])].map(text)).toEqual([
      `${SITE_URL}/authors/ana-obrien/`,
      `${SITE_URL}/authors/jane-doe/`,
    ]);
    const json = JSON.parse(site.text("/feed.json")) as { items: Array<{ id: string; authors: unknown }> };
    expect(json.items.find((item) => item.id.endsWith("/joint-inquiry/"))?.authors).toEqual([
      { name: ODD_NAME, url: `${SITE_URL}/authors/ana-obrien/` },
      { name: "Jane Doe", url: `${SITE_URL}/authors/jane-doe/` },
    ]);
  });
});

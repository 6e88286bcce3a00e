/**
 * Curly quotes, dashes, letters beyond Latin-1 and emoji: a reader, a
 * browser or a search engine must see exactly the text the author wrote
 * (headline, summary, byline, tags, source and body) in every place it
 * appears, the JSON-LD and the feeds included, written as UTF-8 characters.
 */
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSite, type BuiltSite } from "../../support/site-build.ts";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";

const ENV = { CONTEXT: "production", SITE_URL: "https://news.example.org" };

const TITLE = "Mayor’s “bridge” plan — approved… 🌉";
const SUMMARY = "Crème de la crème: the council’s vote — 7–2 — ends a 12‑year wait.";
const AUTHOR = "Zoë Łukasiewicz";
const TAG = "Ponts–Brücken ★";
const SOURCE = "Łódź “Daily”";
const BODY = "The council’s vote — finally — came at 9 p.m. 🗳️ “It’s done,” said José.";

const post = `---
title: "${TITLE.replace(/"/g, '\\"')}"
date: 2024-03-02
description: "${SUMMARY}"
author: zoe-lukasiewicz
tags: ["${TAG}", plain]
source:
  name: '${SOURCE}'
  url: https://example.com/
---

${BODY}
`;

const neighbour = `---
title: A plain neighbour
date: 2024-03-01
description: The story before.
tags: [plain]
---

Nothing special here.
`;

let scratch: ScratchSite;
let built: BuiltSite;

beforeAll(async () => {
  scratch = await createScratchSite({ "mayors-bridge.md": post, "neighbour.md": neighbour });
  // The byline names a person by key; site.yaml spells their name.
  await scratch.writeSettings({ authors: { "zoe-lukasiewicz": { name: AUTHOR, bio: "Covers the council." } } });
  const result = await scratch.build(ENV);
  expect(result.code, result.stderr).toBe(0);
  built = readSite(scratch.output);
});

afterAll(() => scratch?.remove());

const doc = (url: string) => parseHTML(built.text(url)).document;
const text = (document: Document, selector: string) => document.querySelector(selector)?.textContent?.trim();
const meta = (document: Document, selector: string) => document.querySelector(selector)?.getAttribute("content");

describe("pages with characters beyond U+00FF", () => {
  it("write them as the characters themselves, never as numeric references", () => {
    const html = built.text("/posts/mayors-bridge/");
    for (const text of [TITLE, SUMMARY, AUTHOR, TAG, SOURCE, BODY]) expect(html, text).toContain(text);
    expect(html).not.toMatch(/&#\d{3,};/);
  });

  it("say what the author wrote on the post page, in the head and in the article", () => {
    const page = doc("/posts/mayors-bridge/");
    expect(text(page, "title")?.startsWith(`${TITLE} — `), text(page, "title")).toBe(true);
    expect(text(page, "h1")).toBe(TITLE);
    expect(meta(page, 'meta[name="description"]')).toBe(SUMMARY);
    expect(meta(page, 'meta[property="og:title"]')).toBe(TITLE);
    const tags = [...page.querySelectorAll('meta[property="article:tag"]')].map((m) => m.getAttribute("content"));
    expect(tags).toContain(TAG);
    expect(page.querySelector("article")?.textContent).toContain(BODY);
    expect(page.querySelector("article")?.textContent).toContain(AUTHOR);
    expect(page.querySelector("article")?.textContent).toContain(SOURCE);
  });

  it("keep the JSON-LD exact", () => {
    const script = doc("/posts/mayors-bridge/").querySelector('script[type="application/ld+json"]')?.textContent ?? "";
    const data = JSON.parse(script) as { headline: string; description: string; author: { name: string } | Array<{ name: string }> };
    expect(data.headline).toBe(TITLE);
    expect(data.description).toBe(SUMMARY);
    expect(JSON.stringify(data.author)).toContain(JSON.stringify(AUTHOR).slice(1, -1));
  });

  it("give feeds the characters themselves, for readers that strip tags without decoding", () => {
    const feed = JSON.parse(built.text("/feed.json")) as { items: Array<{ title: string; content_html: string }> };
    const item = feed.items.find((entry) => entry.title === TITLE);
    expect(item?.content_html).toContain(BODY);
    expect(built.text("/feed.xml")).toContain(BODY);
  });

  it("list the headline on the home page, the neighbour's page and the tag page", () => {
    expect(doc("/").body.textContent).toContain(TITLE);
    expect(doc("/posts/neighbour/").body.textContent).toContain(TITLE);
    const tagPage = built
      .files()
      .find((file) => file.startsWith("/tags/") && file !== "/tags/index.html" && doc(file).body.textContent?.includes(TAG));
    expect(tagPage, "a tag page names the tag").toBeDefined();
    expect(doc(tagPage!).body.textContent).toContain(TITLE);
  });
});

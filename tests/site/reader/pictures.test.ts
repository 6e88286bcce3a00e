// Issue 18: pictures. A production build of posts with a lead picture, body
// pictures (Markdown and raw <img>) and none at all, read back as a browser,
// a link preview, a structured-data consumer and feed readers read them.
// Every picture is made here with sharp; nothing is downloaded.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAtom, readJson, readRss } from "../../fixtures/feeds/feed-readers.ts";
import { bridgeStory } from "../../support/picture-story.ts";
import { createScratchSite, type RunResult, type ScratchSite } from "../../support/scratch-site.ts";
import { readSite, type BuiltSite } from "../../support/site-build.ts";
import { photoLike, transparentPng } from "../../support/test-images.ts";

const ORIGIN = "https://news.example.org";

const LEAD = bridgeStory(`The bridge took ten years.

![A map of the new route](/media/route.png)

<img src="/media/crowd.jpg" alt="Crowds on the span at noon">`);

const PLAIN = `---
title: Council meets on Tuesday
date: 2024-04-01
description: The agenda is short.
---

Nothing to see.
`;

let scratch: ScratchSite;
let result: RunResult;
let site: BuiltSite;

beforeAll(async () => {
  scratch = await createScratchSite({ "harbour-bridge.md": LEAD, "council.md": PLAIN });
  const media = path.join(scratch.root, "media");
  await mkdir(media);
  await writeFile(path.join(media, "bridge.jpg"), await photoLike(2400, 1600));
  await writeFile(path.join(media, "crowd.jpg"), await photoLike(1000, 750));
  await writeFile(path.join(media, "route.png"), await transparentPng(640, 480));
  result = await scratch.build({ CONTEXT: "production", SITE_URL: ORIGIN });
  site = readSite(scratch.output);
}, 120_000);
afterAll(() => scratch?.remove());

/** The published file a site path or absolute URL names. */
const fileOf = (url: string) => path.join(scratch.output, decodeURIComponent(new URL(url, ORIGIN).pathname));

/** Every URL and width of a srcset. */
const candidates = (srcset: string) =>
  srcset.split(",").map((candidate) => {
    const [url = "", width = ""] = candidate.trim().split(/\s+/);
    return { url, width: Number.parseInt(width, 10) };
  });

/** Checks that every candidate of a <picture> is published, decodes in its stated format, and is as wide as it says. */
async function expectPublished(picture: Element): Promise<void> {
  const sources = [...picture.querySelectorAll("source")];
  expect(sources.map((source) => source.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
  for (const source of sources) {
    for (const { url, width } of candidates(source.getAttribute("srcset") ?? "")) {
      const meta = await sharp(readFileSync(fileOf(url))).metadata();
      expect(meta.width, url).toBe(width);
      expect(source.getAttribute("type")).toBe(meta.format === "heif" ? "image/avif" : `image/${meta.format}`);
    }
  }
  const img = picture.querySelector("img");
  const fallback = await sharp(readFileSync(fileOf(img?.getAttribute("src") ?? ""))).metadata();
  expect(Number(img?.getAttribute("width"))).toBeGreaterThan(0);
  expect(Number(img?.getAttribute("height"))).toBeGreaterThan(0);
  // The fallback keeps the picture's proportions, so the box the browser reserves is the picture's.
  expect((fallback.width ?? 0) / (fallback.height ?? 1)).toBeCloseTo(
    Number(img?.getAttribute("width")) / Number(img?.getAttribute("height")),
    2,
  );
}

describe("a lead picture", () => {
  it("builds", () => {
    expect(result.code, result.stderr).toBe(0);
  });

  it("stands above the story, fetched first, with its alt text, caption and credit", async () => {
    const figure = site.document("/posts/harbour-bridge/").querySelector("figure.lead");
    const img = figure?.querySelector("picture img");
    expect(img?.getAttribute("alt")).toBe("The new bridge lit at dusk, seen from the east bank");
    expect(img?.getAttribute("loading")).toBe("eager");
    expect(img?.getAttribute("fetchpriority")).toBe("high");
    expect(figure?.querySelector("figcaption")?.textContent).toBe("The span opened to traffic on Saturday. Jane Doe");
    expect(figure?.querySelector("figcaption .credit")?.textContent).toBe("Jane Doe");
    await expectPublished(figure?.querySelector("picture") as Element);
  });

  it("is served from this site under immutable, content-hashed names", () => {
    const img = site.document("/posts/harbour-bridge/").querySelector("figure.lead img");
    expect(img?.getAttribute("src")).toMatch(/^\/assets\/img\/[\w-]+\.(jpe?g|png)$/);
  });

  it("shows beside its headline on the home page, lazily and as decoration", async () => {
    const item = [...site.document("/").querySelectorAll(".post-list article")].find((article) =>
      article.textContent?.includes("The harbour bridge opens"),
    );
    const img = item?.querySelector(".thumb picture img");
    expect(img?.getAttribute("alt")).toBe("");
    expect(img?.getAttribute("loading")).toBe("lazy");
    await expectPublished(item?.querySelector(".thumb picture") as Element);
  });

  it("is the link preview: og:image 1200 wide with its alt, and a large Twitter card", async () => {
    const document = site.document("/posts/harbour-bridge/");
    const meta = (property: string) =>
      document.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute("content");
    expect(meta("twitter:card")).toBe("summary_large_image");
    expect(meta("og:image:alt")).toBe("The new bridge lit at dusk, seen from the east bank");
    const image = await sharp(readFileSync(fileOf(meta("og:image") ?? ""))).metadata();
    expect(meta("og:image")).toMatch(/^https:\/\/news\.example\.org\/assets\/img\//);
    expect([image.width, image.height]).toEqual([Number(meta("og:image:width")), Number(meta("og:image:height"))]);
    expect(image.width).toBeGreaterThanOrEqual(1200);
  });

  it("gives the JSON-LD the 16:9, 4:3 and 1:1 crops Google asks for, 1200 wide", async () => {
    const script = site.document("/posts/harbour-bridge/").querySelector('script[type="application/ld+json"]');
    const article = JSON.parse(script?.textContent ?? "{}") as { image?: string[] };
    expect(article.image).toHaveLength(3);
    const sizes = await Promise.all(
      (article.image ?? []).map(async (url) => {
        expect(url.startsWith(`${ORIGIN}/assets/img/`)).toBe(true);
        const { width, height } = await sharp(readFileSync(fileOf(url))).metadata();
        return `${width}x${height}`;
      }),
    );
    expect(sizes).toEqual(["1200x675", "1200x900", "1200x1200"]);
  });

  it("travels with the story in every feed, at an absolute address", async () => {
    const og = site.document("/posts/harbour-bridge/").querySelector('meta[property="og:image"]')?.getAttribute("content");
    const rss = await readRss(site.text("/feed.xml"));
    const atom = await readAtom(site.text("/atom.xml"));
    const json = readJson(site.text("/feed.json"));
    // rss-parser reads no Atom enclosure link; every other reader finds the picture.
    const readingPictures = [...rss, ...atom.filter((feed) => feed.parser !== "rss-parser"), ...json];
    for (const feed of [...rss, ...atom, ...json]) {
      const entry = feed.entries.find((candidate) => candidate.title === "The harbour bridge opens");
      if (readingPictures.includes(feed)) expect(entry?.image, feed.parser).toBe(og);
      const srcsets = [...(entry?.contentHtml.matchAll(/srcset="([^"]+)"/g) ?? [])].flatMap(([, srcset]) => candidates(srcset ?? ""));
      expect(srcsets.length, feed.parser).toBeGreaterThan(0);
      for (const { url } of srcsets) expect(url, feed.parser).toMatch(/^https:\/\/news\.example\.org\/assets\/img\//);
    }
    const rssText = site.text("/feed.xml");
    const length = /<enclosure url="[^"]+" length="(\d+)" type="image\/jpeg"\/>/.exec(rssText)?.[1];
    expect(Number(length)).toBe(statSync(fileOf(og ?? "")).size);
    expect(rssText).toContain(`<media:content url="${og}" medium="image" type="image/jpeg" width="1200" height="675">`);
  });
});

describe("pictures in a story", () => {
  it("become responsive pictures where they stand, Markdown and raw <img> alike, loaded lazily", async () => {
    const pictures = [...site.document("/posts/harbour-bridge/").querySelectorAll(".post-body picture")];
    expect(pictures.map((picture) => picture.querySelector("img")?.getAttribute("alt"))).toEqual([
      "A map of the new route",
      "Crowds on the span at noon",
    ]);
    for (const picture of pictures) {
      expect(picture.querySelector("img")?.getAttribute("loading")).toBe("lazy");
      await expectPublished(picture);
    }
    // A picture with transparency keeps it: its fallback is a PNG, not a JPEG.
    expect(pictures[0]?.querySelector("img")?.getAttribute("src")).toMatch(/\.png$/);
  });

  it("publishes only what the pages use, never a picture of its own accord", () => {
    const published = readdirSync(path.join(scratch.output, "assets", "img"));
    const named = new Set(
      [
        ...site.text("/posts/harbour-bridge/").matchAll(/\/assets\/img\/([\w.-]+)/g),
        ...site.text("/posts/council/").matchAll(/\/assets\/img\/([\w.-]+)/g),
      ].map(([, name]) => name),
    );
    for (const file of published) expect(named.has(file), file).toBe(true);
  });
});

describe("a story without a picture", () => {
  it("is shared with a card drawn from its headline: a 1200×630 PNG", async () => {
    const document = site.document("/posts/council/");
    const og = document.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
    const card = await sharp(readFileSync(fileOf(og))).metadata();
    expect([card.format, card.width, card.height]).toEqual(["png", 1200, 630]);
    expect(document.querySelector('meta[name="twitter:card"]')?.getAttribute("content")).toBe("summary_large_image");
    const article = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}") as { image?: string[] };
    expect(article.image).toEqual([og]);
  });

  it("carries no picture in the feeds", async () => {
    for (const feed of await readRss(site.text("/feed.xml"))) {
      expect(feed.entries.find((entry) => entry.title === "Council meets on Tuesday")?.image, feed.parser).toBeUndefined();
    }
  });
});

describe("the page weight", () => {
  it("keeps the story and the home page, HTML and stylesheet, within 14 KB gzipped", () => {
    const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
    for (const url of ["/posts/harbour-bridge/", "/"]) {
      const html = readFileSync(fileOf(url.endsWith("/") ? `${url}index.html` : url));
      const sheets = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(([, href]) =>
        gzipped(readFileSync(fileOf(href ?? ""))),
      );
      expect(sheets, url).toHaveLength(1);
      expect(gzipped(html) + sheets.reduce((sum, bytes) => sum + bytes, 0), url).toBeLessThanOrEqual(14 * 1024);
    }
  });
});

describe("a second build", () => {
  it("encodes nothing again", async () => {
    const cache = path.join(scratch.root, ".cache", "images");
    const before = new Map(readdirSync(cache).map((file) => [file, statSync(path.join(cache, file)).mtimeMs]));
    const again = await scratch.build({ CONTEXT: "production", SITE_URL: ORIGIN });
    expect(again.code, again.stderr).toBe(0);
    const after = new Map(readdirSync(cache).map((file) => [file, statSync(path.join(cache, file)).mtimeMs]));
    expect(after).toEqual(before);
    expect(existsSync(path.join(scratch.output, "assets", "img"))).toBe(true);
  });
});

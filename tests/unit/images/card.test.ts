// lib/images/card.ts and its layout (card-layout.ts): a story's social card, drawn once per content and kept in .cache/images/.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readableDate } from "../../../lib/render/dates.ts";
import { addresses } from "../../../lib/site/addresses.ts";

// satori itself, watched: a card taken from the cache must not reach it.
vi.mock("satori", async (importOriginal) => {
  const actual = await importOriginal<typeof import("satori")>();
  return { ...actual, default: vi.fn(actual.default) };
});

type CardModule = typeof import("../../../lib/images/card.ts");

/** The module and the satori it draws with, as a new build would load them: no fonts, no counter, nothing pending. */
async function freshBuild(): Promise<{ card: CardModule; satori: ReturnType<typeof vi.fn> }> {
  vi.resetModules();
  const card = await import("../../../lib/images/card.ts");
  // The mock outlives vi.resetModules(): its calls are the earlier builds', forgotten here.
  const satori = (await import("satori")).default as unknown as ReturnType<typeof vi.fn>;
  satori.mockClear();
  return { card, satori };
}

const folders: string[] = [];
const network = vi.fn(() => Promise.reject(new Error("a social card must not fetch anything")));
let root: string;
let build: Awaited<ReturnType<typeof freshBuild>>;

beforeAll(async () => {
  vi.stubGlobal("fetch", network);
  root = mkdtempSync(path.join(tmpdir(), "social-card-"));
  folders.push(root);
  build = await freshBuild();
});

afterAll(() => {
  vi.unstubAllGlobals();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const story = {
  headline: "Council approves the harbour bridge after a decade of debate",
  publication: "The Commit Ledger",
  date: new Date("2018-06-14T09:30:00Z"),
  language: "en",
};

const cached = (file: string) => path.join(root, ".cache", "images", file);

async function expectValidCard(file: string): Promise<void> {
  const metadata = await sharp(cached(file)).metadata();
  expect(metadata).toMatchObject({ format: "png", width: 1200, height: 630 });
}

describe("socialCard", () => {
  it("writes a 1200×630 PNG named by its hash and published below addresses.images", async () => {
    const card = await build.card.socialCard(root, story);
    expect(card.file).toMatch(/^card-[0-9a-f]{16}\.png$/);
    expect(card).toEqual({ file: card.file, url: `${addresses.images}${card.file}`, width: 1200, height: 630 });
    await expectValidCard(card.file);
    expect(build.card.cardsRendered()).toBe(1);
  });

  it("puts the headline, the publication and the date on the card", async () => {
    const { card, satori } = await freshBuild();
    const other = mkdtempSync(path.join(tmpdir(), "social-card-"));
    folders.push(other);
    await card.socialCard(other, story);
    const drawn = JSON.stringify(satori.mock.calls[0]![0]);
    for (const text of [story.headline, story.publication, readableDate(story.date)]) expect(drawn).toContain(JSON.stringify(text));
  });

  it("writes dates as the pages' readableDate filter does", async () => {
    const { card, satori } = await freshBuild();
    const other = mkdtempSync(path.join(tmpdir(), "social-card-"));
    folders.push(other);
    const dates = ["2018-06-14T00:00:00Z", "2018-06-14T23:59:59Z", "1999-12-31T12:00:00-11:00", "2024-02-29T06:00:00+14:00"];
    for (const date of dates) await card.socialCard(other, { ...story, headline: date, date: new Date(date) });
    const written = satori.mock.calls.map(([element]) => JSON.stringify(element));
    expect(written).toHaveLength(dates.length);
    for (const [index, date] of dates.entries()) expect(written[index]).toContain(JSON.stringify(readableDate(new Date(date))));
  });

  it("draws the same inputs once: the second call, and a later build, find the file and never reach satori", async () => {
    const first = await build.card.socialCard(root, story);
    const written = statSync(cached(first.file)).mtimeMs;
    const calls = build.satori.mock.calls.length;

    expect(await build.card.socialCard(root, { ...story })).toEqual(first);
    expect(build.satori.mock.calls.length).toBe(calls);
    expect(build.card.cardsRendered()).toBe(1);

    const later = await freshBuild();
    expect(await later.card.socialCard(root, { ...story, date: new Date(story.date.getTime()) })).toEqual(first);
    expect(later.satori).not.toHaveBeenCalled();
    expect(later.card.cardsRendered()).toBe(0);
    expect(statSync(cached(first.file)).mtimeMs).toBe(written);
  });

  it("draws a card asked for by two pages at once only once", async () => {
    const { card } = await freshBuild();
    const twin = { ...story, headline: "Two pages, one card" };
    const [a, b] = await Promise.all([card.socialCard(root, twin), card.socialCard(root, twin)]);
    expect(a).toEqual(b);
    expect(card.cardsRendered()).toBe(1);
    expect(readdirSync(path.join(root, ".cache", "images")).filter((name) => !name.endsWith(".png"))).toEqual([]);
  });

  it("gives another file for another headline, publication, date or language", async () => {
    const base = (await build.card.socialCard(root, story)).file;
    const variants = [
      { ...story, headline: `${story.headline}!` },
      { ...story, publication: "The Other Ledger" },
      { ...story, date: new Date("2018-06-15T09:30:00Z") },
      { ...story, language: "en-GB" },
    ];
    const files = await Promise.all(variants.map(async (variant) => (await build.card.socialCard(root, variant)).file));
    expect(new Set([base, ...files]).size).toBe(variants.length + 1);
    for (const file of files) expect(existsSync(cached(file))).toBe(true);
  });

  it("still makes a valid card of a very long headline and of characters the fonts lack", async () => {
    const headlines = [
      Array.from({ length: 40 }, () => "A very long headline that keeps going").join(" "),
      "中文标题 with emoji 🎉🚀 and a flag 🇫🇷",
      "Łódź, Ørsted and Şişli: Latin Extended from the second font file",
    ];
    for (const headline of headlines) await expectValidCard((await build.card.socialCard(root, { ...story, headline })).file);
    await expectValidCard((await build.card.socialCard(root, { ...story, headline: headlines[1]!, language: "zh-CN" })).file);
  });

  it("keeps markup in a headline as text: nothing of it reaches the SVG as markup", async () => {
    const { card, satori } = await freshBuild();
    const headline = `<script>alert("card")</script> & <b>Q&A</b>`;
    const drawn = await card.socialCard(root, { ...story, headline });
    await expectValidCard(drawn.file);
    const [element] = satori.mock.calls[0]!;
    expect(JSON.stringify(element)).toContain(JSON.stringify(headline));
    const svg = (await satori.mock.results[0]!.value) as string;
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toMatch(/<script|<b>|alert/);
  });

  it("fetched nothing while drawing", () => {
    expect(network).not.toHaveBeenCalled();
  });
});

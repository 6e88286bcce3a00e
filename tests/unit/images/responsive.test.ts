// lib/images/responsive.ts: AVIF, WebP and a JPEG (PNG with transparency) at several widths, named by content, encoded once; SVG and animations as they are.
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isPublishable } from "../../../lib/checks/html-allow-list.ts";
import { type MediaImage, readMediaImage } from "../../../lib/images/media-image.ts";
import { BODY_SIZES, pictureHtml } from "../../../lib/images/picture.ts";
import { type ResponsiveImage, responsiveImage } from "../../../lib/images/responsive.ts";
import { animatedGif, mediaProject, photoLike, plainJpeg, SVG, transparentPng, turnedJpeg } from "../../support/test-images.ts";

/** Calls of eleventy-img's encoder; where the files go is asked of it without encoding (statsByDimensionsSync). */
const encoder = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@11ty/eleventy-img", async (importOriginal) => {
  const { default: Image } = await importOriginal<typeof import("@11ty/eleventy-img")>();
  const counted = (...args: Parameters<typeof Image>) => {
    encoder.calls++;
    return Image(...args);
  };
  return { default: Object.assign(counted, { statsByDimensionsSync: Image.statsByDimensionsSync }) };
});

const project = mediaProject();
const { root } = project;
const cache = path.join(root, ".cache", "images");
afterAll(() => project.remove());

async function read(name: string, bytes: Uint8Array | string): Promise<MediaImage> {
  const image = await readMediaImage(root, project.add(name, bytes), "body");
  if ("problem" in image) throw new Error(image.problem);
  return image;
}

/** Each file's time of last change, by name. */
const snapshot = () => new Map(readdirSync(cache).map((name) => [name, statSync(path.join(cache, name)).mtimeMs]));

/** sharp reads AVIF as HEIF, its container. */
const MIME_OF_FORMAT: Record<string, string> = { jpeg: "image/jpeg", webp: "image/webp", heif: "image/avif" };

/** The file behind a URL the pipeline returned. */
const fileOf = (url: string) => path.join(cache, url.replace(/^\/assets\/img\//, ""));

/** "/assets/img/x-1-400.avif 400w, …" as [url, width] pairs. */
const candidates = (srcset: string) =>
  srcset.split(", ").map((candidate) => {
    const [url = "", width = ""] = candidate.split(" ");
    return [url, Number(width.replace(/w$/, ""))] as const;
  });

describe("responsiveImage of a photograph", () => {
  let photo: MediaImage;
  let made: ResponsiveImage;
  beforeAll(async () => {
    photo = await read("harbour.jpg", await photoLike());
    // Asked for twice at once, as by two posts in one build: encoded once.
    const [once, twice] = await Promise.all([responsiveImage(root, photo), responsiveImage(root, photo)]);
    expect(twice).toEqual(once);
    expect(encoder.calls).toBe(1);
    made = once;
  });

  it("offers AVIF, then WebP, with a JPEG for the <img>, at 400 to 1600 pixels", () => {
    expect(made.width).toBe(1800);
    expect(made.height).toBe(1200);
    expect(made.sources.map((source) => source.type)).toEqual(["image/avif", "image/webp"]);
    for (const srcset of [...made.sources.map((source) => source.srcset), made.fallback.srcset]) {
      expect(candidates(srcset).map(([, width]) => width)).toEqual([400, 800, 1200, 1600]);
    }
    expect(made.fallback).toMatchObject({ type: "image/jpeg", width: 1600, height: 1067 });
    expect(made.fallback.url).toMatch(/^\/assets\/img\/harbour-[\w-]{10}-1600\.jpg$/);
    expect(made.files).toHaveLength(12);
    expect(made.files.toSorted()).toEqual(readdirSync(cache).toSorted());
  });

  it("writes every file it names, in its format and at its width", async () => {
    const all = [
      ...made.sources.map((source) => [source.srcset, source.type] as const),
      [made.fallback.srcset, made.fallback.type] as const,
    ];
    for (const [srcset, type] of all) {
      for (const [url, width] of candidates(srcset)) {
        const metadata = await sharp(readFileSync(fileOf(url))).metadata();
        expect(type).toBe(MIME_OF_FORMAT[metadata.format ?? ""]);
        expect([metadata.width, metadata.height]).toEqual([width, Math.round((width * 1200) / 1800)]);
        // Decodes whole: a file cut short would fail here.
        await sharp(readFileSync(fileOf(url)), { failOn: "error" }).stats();
      }
    }
  });

  it("keeps the 1200-pixel AVIF a phone takes well under 100 KB", () => {
    const avif = candidates(made.sources[0]?.srcset ?? "").find(([, width]) => width === 1200)?.[0] ?? "";
    const bytes = statSync(fileOf(avif)).size;
    expect(bytes).toBeLessThan(60_000);
  });

  it("encodes nothing on a second run, from the files alone", async () => {
    const before = snapshot();
    const calls = encoder.calls;
    expect(await responsiveImage(root, photo)).toEqual(made);
    expect(encoder.calls).toBe(calls);
    expect(snapshot()).toEqual(before);
  });

  it("makes again only a file that went missing", async () => {
    const before = snapshot();
    const lost = made.files[3] ?? "";
    rmSync(path.join(cache, lost));
    expect(await responsiveImage(root, photo)).toEqual(made);
    const after = snapshot();
    expect(after.get(lost)).toBeGreaterThan(0);
    after.delete(lost);
    before.delete(lost);
    expect(after).toEqual(before);
    expect(readdirSync(cache).filter((name) => name.endsWith(".partial"))).toEqual([]);
  });

  it("writes markup the body's allow-list takes", () => {
    const html = `<p>${pictureHtml(made, { alt: 'The "harbour" at dusk & <calm>', sizes: BODY_SIZES, loading: "lazy" })}</p>\n`;
    expect(isPublishable(html)).toBe(true);
  });
});

describe("responsiveImage of other pictures", () => {
  it("stops at the picture's own width, and makes no width above it", async () => {
    const made = await responsiveImage(root, await read("small.jpg", await plainJpeg(1000, 500)));
    expect(candidates(made.fallback.srcset).map(([, width]) => width)).toEqual([400, 800]);
    const tiny = await responsiveImage(root, await read("tiny.jpg", await plainJpeg(16, 12)));
    expect(candidates(tiny.fallback.srcset)).toEqual([[tiny.fallback.url, 16]]);
    expect(tiny.fallback).toMatchObject({ width: 16, height: 12 });
    expect(await sharp(readFileSync(fileOf(tiny.fallback.url))).metadata()).toMatchObject({ width: 16, height: 12 });
  });

  it("names a changed picture anew, so no browser keeps the old one", async () => {
    const first = await responsiveImage(root, await read("map.jpg", await plainJpeg(500, 300)));
    const second = await responsiveImage(root, await read("map.jpg", await plainJpeg(500, 301)));
    expect(first.files).toHaveLength(3);
    expect(second.files.filter((file) => first.files.includes(file))).toEqual([]);
  });

  it("falls back to a PNG for a picture with transparency, which stays transparent", async () => {
    const made = await responsiveImage(root, await read("disc.png", await transparentPng()));
    expect(made.fallback).toMatchObject({ type: "image/png", width: 600, height: 400 });
    expect(made.files.filter((file) => file.endsWith(".jpg"))).toEqual([]);
    for (const url of [made.fallback.url, ...candidates(made.sources[0]?.srcset ?? "").map(([url]) => url)]) {
      expect((await sharp(readFileSync(fileOf(url))).metadata()).hasAlpha).toBe(true);
    }
  });

  it("turns a photo upright and drops its metadata", async () => {
    const made = await responsiveImage(root, await read("upright.jpg", await turnedJpeg()));
    expect(made.fallback).toMatchObject({ width: 400, height: 600 });
    const metadata = await sharp(readFileSync(fileOf(made.fallback.url))).metadata();
    expect([metadata.width, metadata.height, metadata.orientation, metadata.exif]).toEqual([400, 600, undefined, undefined]);
  });

  it("publishes an SVG and an animation as they are, under a name with their digest", async () => {
    for (const [name, bytes, type] of [
      ["chart.svg", SVG, "image/svg+xml"],
      ["loop.gif", animatedGif(), "image/gif"],
    ] as const) {
      const image = await read(name, bytes);
      const made = await responsiveImage(root, image);
      const file = `${name.split(".")[0]}-${image.digest.slice(0, 10)}.${name.split(".")[1]}`;
      expect(made).toEqual({
        width: image.width,
        height: image.height,
        sources: [],
        fallback: { url: `/assets/img/${file}`, type, srcset: "", width: image.width, height: image.height },
        files: [file],
      });
      expect(readFileSync(path.join(cache, file))).toEqual(Buffer.from(bytes));
    }
  });
});

/**
 * A checked picture (lib/images/media-image.ts) encoded for the page:
 * AVIF, then WebP, then a JPEG for the browsers that read neither (a PNG for
 * a picture with transparency, which JPEG cannot hold), each at several
 * widths up to the picture's own, so a phone takes a small file and a wide
 * screen a sharp one. eleventy-img chooses the widths and names each file by
 * a hash of the source's bytes and of the encoder settings below.
 *
 * Nothing is encoded twice. eleventy-img skips a file it finds on disk, but
 * remembers per process what it found, and would write straight into the
 * final name; so the names are asked for first (statsByDimensionsSync, no
 * decoding), and only when one is missing is the picture encoded, in memory
 * (dryRun), each file then put in place whole (cache-files.ts).
 *
 * An SVG or an animation is published as it is: there is nothing to gain in
 * pixels from a drawing, and the encoders here keep only an animation's first frame.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { readFile } from "node:fs/promises";
import Image, { type ImageOptions } from "@11ty/eleventy-img";
import { addresses } from "../site/addresses.ts";
import { nameStem, pictureUrl, picturesDir, writeOnce } from "./cache-files.ts";
import type { MediaImage } from "./media-image.ts";

export interface ResponsiveImage {
  /** The source picture's size as displayed. */
  width: number;
  height: number;
  /** Better formats first, one <source> each; none for a picture published as it is. */
  sources: Array<{ type: string; srcset: string }>;
  /** For the <img>: its largest file, and every width in its format (empty for a picture published as it is). */
  fallback: { url: string; type: string; srcset: string; width: number; height: number };
  /** Names below .cache/images/, to publish under addresses.images. */
  files: string[];
}

/**
 * Up to 1600 pixels: the story column is at most about 700 CSS pixels wide
 * (picture.ts), so this covers it on screens of two device pixels per CSS
 * pixel, and 1200 is what a 390-pixel phone at three takes. eleventy-img
 * drops the widths above the picture's own and adds that width in their place
 * when it is a quarter or more above the last width kept.
 */
const WIDTHS = [400, 800, 1200, 1600];

/**
 * Tuned on a photograph-like picture (tests/support/test-images.ts): the
 * 1200-pixel AVIF stays well under 100 KB, the budget of issue 18 for what a
 * phone downloads. 4:2:0 halves the colour detail, as JPEG does, which eyes
 * do not miss in photographs. mozjpeg makes smaller JPEGs at the same quality.
 * AVIF at effort 2 rather than sharp's default 4: AVIF encoding is most of a
 * first build with pictures, and effort 2 does it several times over for files
 * a little larger, still well within the budget (BENCHMARKS.md, pictures).
 */
const ENCODING: Pick<ImageOptions, "sharpAvifOptions" | "sharpWebpOptions" | "sharpJpegOptions" | "sharpPngOptions"> = {
  sharpAvifOptions: { quality: 50, effort: 2, chromaSubsampling: "4:2:0" },
  sharpWebpOptions: { quality: 75, effort: 4 },
  sharpJpegOptions: { quality: 75, mozjpeg: true, progressive: true },
  sharpPngOptions: { compressionLevel: 9 },
};

const MIME: Record<string, string> = { svg: "image/svg+xml", gif: "image/gif", webp: "image/webp" };
const EXTENSIONS: Record<string, string> = { jpeg: "jpg" };

/** Encodings under way, by their first file's path: two posts showing one picture in the same build encode it once. */
const encoding = new Map<string, Promise<void>>();

export async function responsiveImage(root: string, image: MediaImage): Promise<ResponsiveImage> {
  if (image.format === "svg" || image.animated) return asItIs(root, image);
  const fallback = image.alpha ? "png" : "jpeg";
  const options: ImageOptions = {
    widths: WIDTHS,
    formats: ["avif", "webp", fallback],
    outputDir: picturesDir(root),
    urlPath: addresses.images,
    filenameFormat: (id, _src, width, format) => `${nameStem(image.file)}-${id}-${width}.${EXTENSIONS[format] ?? format}`,
    ...ENCODING,
    // The caching is done here, by name (above); the formats are chosen here too, transparency included.
    useCache: false,
    formatFiltering: [],
    failOnError: true,
  };
  // Always a file in media/: media-image.ts refuses any other address, so eleventy-img never fetches.
  const source = path.join(root, ...image.file.split("/"));
  const stats = Image.statsByDimensionsSync(source, image.width, image.height, options);
  const outputs = Object.values(stats).flat();
  const first = outputs[0]?.outputPath ?? "";
  const missing = outputs.filter((output) => !existsSync(output.outputPath));
  if (missing.length > 0) {
    // Only what is missing: its widths are outputs' own, at most the picture's, so eleventy-img keeps each and the names stay the same.
    const only = {
      ...options,
      formats: unique(missing.map((output) => output.format)),
      widths: unique(missing.map((output) => output.width)),
    };
    let pending = encoding.get(first);
    if (!pending) encoding.set(first, (pending = encode(root, source, only).finally(() => encoding.delete(first))));
    await pending;
    const lost = outputs.find((output) => !existsSync(output.outputPath));
    if (lost) throw new Error(`eleventy-img did not make ${lost.filename} for ${image.file}`);
  }
  const heightAt = (width: number) => Math.max(1, Math.round((width * image.height) / image.width));
  const srcset = (format: string) => (stats[format] ?? []).map((output) => output.srcset).join(", ");
  const largest = stats[fallback]?.at(-1);
  if (!largest) throw new Error(`eleventy-img planned no ${fallback} for ${image.file}`);
  return {
    width: image.width,
    height: image.height,
    sources: ["avif", "webp"].map((format) => ({ type: stats[format]?.[0]?.sourceType ?? "", srcset: srcset(format) })),
    // eleventy-img states heights rounded down; sharp resizes to the nearest pixel, and the markup gives the file's own.
    fallback: {
      url: largest.url,
      type: largest.sourceType,
      srcset: srcset(fallback),
      width: largest.width,
      height: heightAt(largest.width),
    },
    files: outputs.map((output) => output.filename).sort(),
  };
}

const unique = <T>(values: T[]) => [...new Set(values)];

async function encode(root: string, source: string, options: ImageOptions): Promise<void> {
  const encoded = await Image(source, { ...options, dryRun: true });
  const outputs = Object.values(encoded).flat();
  await Promise.all(
    outputs.map((output) =>
      writeOnce(root, output.filename, async () => {
        if (!output.buffer) throw new Error(`eleventy-img encoded no ${output.filename} for ${source}`);
        return output.buffer;
      }),
    ),
  );
}

/** The file itself, under a name with its digest: one size, no <source>. */
async function asItIs(root: string, image: MediaImage): Promise<ResponsiveImage> {
  const name = `${nameStem(image.file)}-${image.digest.slice(0, 10)}.${image.format}`;
  await writeOnce(root, name, () => readFile(path.join(root, ...image.file.split("/"))));
  const { width, height } = image;
  return {
    width,
    height,
    sources: [],
    fallback: { url: pictureUrl(name), type: MIME[image.format] ?? "", srcset: "", width, height },
    files: [name],
  };
}

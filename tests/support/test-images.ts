/**
 * Real pictures for the image pipeline's tests, made with sharp as a test
 * starts (nothing is downloaded), and a project folder to put them in.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";

export interface MediaProject {
  root: string;
  /** Writes media/<name> and returns its site path, /media/<name>. */
  add(name: string, bytes: Uint8Array | string): string;
  remove(): void;
}

/** A folder standing for a project's root, with an empty media/. */
export function mediaProject(): MediaProject {
  const root = mkdtempSync(path.join(tmpdir(), "pictures-"));
  mkdirSync(path.join(root, "media"));
  return {
    root,
    add(name, bytes) {
      const file = path.join(root, "media", ...name.split("/"));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
      return `/media/${name}`;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** mulberry32: a small generator whose sequence a seed fixes. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a photograph-like picture shows: SVG elements in an 1800×1200 frame, placed with the seeded generator it is given. */
export type Scene = (next: () => number) => string;

/** A landscape at dusk, the same whatever the seed. */
const DUSK: Scene = () => `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#3a6ea5"/><stop offset="0.55" stop-color="#f2c48d"/><stop offset="1" stop-color="#5b4636"/>
    </linearGradient></defs>
    <rect width="1800" height="1200" fill="url(#sky)"/><circle cx="1300" cy="380" r="140" fill="#fff1c1"/>
    <path d="M0 820 L380 520 L700 760 L1050 450 L1800 860 L1800 1200 L0 1200Z" fill="#2f4030"/>
    <rect x="200" y="880" width="1400" height="46" fill="#777"/>`;

/** Coarse to fine: cells of this many pixels, and how far each layer moves a pixel's brightness. */
const TEXTURE = [
  [48, 36],
  [12, 26],
  [3, 20],
  [1, 16],
] as const;

/**
 * A scene with grain and foliage-like texture at every scale, as a JPEG of
 * quality 90 (a camera's or an editor's export): the encoders' work and
 * output sizes come close to what a photograph costs them, where a flat
 * drawing would encode far faster and smaller. A seed fixes every byte.
 * The benchmark's pictures are drawn here too (bench/pictures.ts).
 */
export async function photoLike(
  width = 1800,
  height = 1200,
  { seed = 18, scene = DUSK }: { seed?: number; scene?: Scene } = {},
): Promise<Buffer> {
  const next = random(seed);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1800 1200" preserveAspectRatio="none">${scene(next)}</svg>`;
  const pixels = Float32Array.from(await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer());
  for (const [cell, amount] of TEXTURE) {
    const across = Math.ceil(width / cell);
    const down = Math.ceil(height / cell);
    const grid = Buffer.alloc(across * down);
    for (let i = 0; i < grid.length; i++) grid[i] = Math.floor(next() * 256);
    const layer =
      cell === 1
        ? grid
        : await sharp(grid, { raw: { width: across, height: down, channels: 1 } })
            .resize(width, height, { kernel: "cubic", fit: "fill" })
            .raw()
            .toBuffer();
    for (let i = 0; i < width * height; i++) {
      const shift = (((layer[i] ?? 128) - 128) / 128) * amount;
      pixels[i * 3] = (pixels[i * 3] ?? 0) + shift;
      pixels[i * 3 + 1] = (pixels[i * 3 + 1] ?? 0) + shift;
      pixels[i * 3 + 2] = (pixels[i * 3 + 2] ?? 0) + shift * 0.8;
    }
  }
  return sharp(Buffer.from(Uint8ClampedArray.from(pixels)), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A PNG with transparency: a half-transparent disc on nothing. */
export async function transparentPng(width = 600, height = 400): Promise<Buffer> {
  const disc = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><circle cx="50%" cy="50%" r="40%" fill="#c33" fill-opacity="0.6"/></svg>`;
  return sharp(Buffer.from(disc)).png().toBuffer();
}

/** A plain JPEG of any size, quickly: for the checks, which look at the size and not the content. */
export function plainJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#4a7" } })
    .jpeg()
    .toBuffer();
}

/** A JPEG whose EXIF says to turn it a quarter clockwise (a phone held upright): stored 600×400, shown 400×600. */
export async function turnedJpeg(): Promise<Buffer> {
  return sharp(await photoLike(600, 400))
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

/** The first half of a file: a transfer or a copy cut short. */
export const truncated = (bytes: Uint8Array) => bytes.subarray(0, Math.floor(bytes.length / 2));

/** A PDF, as a file renamed .jpg would hold. */
export const PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/** A drawing that declares its size. */
export const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="320" height="180" fill="#0b57a4"/></svg>';

/** A 1×1 GIF of two frames, red then blue, looping: written byte by byte, as sharp 0.33 writes no animation from scratch. */
export function animatedGif(): Buffer {
  // Graphic control (a tenth of a second), a 1×1 image, and its LZW data: clear, pixel 0 or 1, end.
  const frame = (pixel: 0 | 1) => [0x21, 0xf9, 4, 0, 10, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, pixel ? 0x4c : 0x44, 1, 0];
  const loop = [0x21, 0xff, 11, ...Buffer.from("NETSCAPE2.0"), 3, 1, 0, 0, 0];
  const palette = [0xff, 0, 0, 0, 0, 0xff];
  return Buffer.from([...Buffer.from("GIF89a"), 1, 0, 1, 0, 0x80, 0, 0, ...palette, ...loop, ...frame(0), ...frame(1), 0x3b]);
}

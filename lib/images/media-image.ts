/**
 * A picture a post names, found and checked before anything is made of it:
 * a lead picture (frontmatter `image`) or one in the body. Pictures come
 * from media/ only, named by their site path (/media/bridge.jpg); what a file
 * is, is what sharp reads in it, not its name's ending; and it must decode
 * whole, or the encoder would publish a picture cut short.
 *
 * An SVG passes in a body as it is, with the width and height it declares:
 * it is drawn at any size, so there is nothing to encode, and an <img> runs
 * none of its scripts and loads nothing it names. A lead picture must have
 * pixels: it is cropped for social cards and must be wide enough for them.
 */
import { createHash } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata } from "sharp";
import { MEDIA_DIR } from "./pictures-folder.ts";

export type PictureRole = "lead" | "body";

export type PictureFormat = "jpeg" | "png" | "webp" | "avif" | "gif" | "svg";

export interface MediaImage {
  /** The site path as the post wrote it. */
  src: string;
  /** Relative to the project's root, with forward slashes: media/bridge.jpg. */
  file: string;
  /** sha256 of the file's bytes, base64url. */
  digest: string;
  /** As displayed: a photo's EXIF orientation is applied. */
  width: number;
  height: number;
  /** As sharp reads it, whatever the file's name says. */
  format: PictureFormat;
  /** Has an alpha channel: its fallback is a PNG rather than a JPEG. */
  alpha: boolean;
  /** A GIF or WebP of several frames: published as it is, like an SVG. */
  animated: boolean;
}

/** Social cards and Google's article images are 1200 pixels wide. */
export const LEAD_MIN_WIDTH = 1200;

/** sharp's own ceiling (libvips would refuse to open more); far above any camera. */
const MAX_PIXELS = 0x3fff * 0x3fff;

const EXAMPLE = `/${MEDIA_DIR}/bridge.jpg`;
const RASTER = "a JPEG, PNG, WebP, AVIF or GIF picture";
const ANY = "a JPEG, PNG, WebP, AVIF, GIF or SVG picture";
const NAMES: Record<string, string> = { jpeg: "JPEG", png: "PNG", webp: "WebP", avif: "AVIF", gif: "GIF", svg: "SVG" };

type Problem = { problem: string };
type Picture = Pick<MediaImage, "width" | "height" | "format" | "alpha" | "animated">;
/** What the bytes are, for any file and role: a picture, or what was found instead (the message's end). */
type Verdict = Picture | { notPicture: string } | { damaged: string };

/** Verdicts by digest: a picture named by several posts, or by one edited in the preview, is decoded once. */
const verdicts = new Map<string, Promise<Verdict>>();

export async function readMediaImage(root: string, src: string, role: PictureRole): Promise<MediaImage | Problem> {
  const located = mediaFile(src);
  if ("problem" in located) return located;
  const { file } = located;
  const read = await readMedia(root, file);
  if ("problem" in read) return read;
  const digest = createHash("sha256").update(read.bytes).digest("base64url");
  let verdict = verdicts.get(digest);
  if (!verdict) verdicts.set(digest, (verdict = judge(read.bytes)));
  const picture = await verdict;
  const expected = role === "lead" ? RASTER : ANY;
  if ("notPicture" in picture) return { problem: `expected ${expected}, found ${picture.notPicture}` };
  if ("damaged" in picture) return { problem: `expected ${expected} that opens whole, found ${picture.damaged}` };
  if (role === "lead" && picture.format === "svg")
    return { problem: `expected ${RASTER}, found an SVG drawing (a lead picture is cropped into social cards, which are made of pixels)` };
  if (role === "lead" && picture.width < LEAD_MIN_WIDTH)
    return {
      problem: `expected a lead picture at least ${LEAD_MIN_WIDTH} pixels wide, as social cards are, found ${picture.width}×${picture.height}`,
    };
  return { src, file, digest, ...picture };
}

/** The file a site path names in media/, or why it names none there. */
function mediaFile(src: string): { file: string } | Problem {
  const shown = JSON.stringify(src.length > 100 ? `${src.slice(0, 99)}…` : src);
  const refuse = (found: string) => ({ problem: `expected a picture in ${MEDIA_DIR}/, such as ${EXAMPLE}, found ${found}` });
  // Browsers read "\" as "/", so \\host and /\host name another site too.
  if (/^(?:https?:)?[\\/]{2}/i.test(src) || /^https?:/i.test(src))
    return refuse(`the remote address ${shown} (pictures are served from this site only)`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return refuse(`${shown}, which is not a path on this site`);
  if (!src.startsWith(`/${MEDIA_DIR}/`)) return refuse(`${shown}, which is not a site path below /${MEDIA_DIR}/`);
  if (/[?#]/.test(src)) return refuse(`${shown}: a query or a fragment names no file`);
  const segments: string[] = [];
  for (const segment of src.slice(1).split("/")) {
    try {
      segments.push(decodeURIComponent(segment));
    } catch {
      return refuse(`${shown}, whose %-escapes decode to no text`);
    }
  }
  if (segments.some((segment) => segment === "" || segment === "." || segment === ".." || /[\\/\0]/.test(segment)))
    return refuse(`${shown}, which names no file below ${MEDIA_DIR}/ (no "..", no empty or escaped parts)`);
  return { file: segments.join("/") };
}

/** The file's bytes, if it is a file, below media/ once links are followed. */
async function readMedia(root: string, file: string): Promise<{ bytes: Buffer } | Problem> {
  const at = (found: string) => ({ problem: `expected a picture at ${file}, found ${found}` });
  try {
    const real = await realpath(path.join(root, ...file.split("/")));
    const inside = path.relative(await realpath(path.join(root, MEDIA_DIR)), real);
    if (inside === ".." || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside))
      return at(`a link to a file outside ${MEDIA_DIR}/`);
    if (!(await stat(real)).isFile()) return at("a folder");
    return { bytes: await readFile(real) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return at("no such file");
    return at(`a file that cannot be read (${code ?? String(error)})`);
  }
}

async function judge(bytes: Buffer): Promise<Verdict> {
  if (bytes.length === 0) return { notPicture: "an empty file" };
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch (error) {
    const reason = firstLine(error);
    return /unsupported image format/i.test(reason)
      ? { notPicture: unknownKind(bytes) }
      : { damaged: `a file that is damaged (${reason})` };
  }
  const format = pictureFormat(metadata);
  if (!format) return { notPicture: `a ${otherFormatName(metadata)} file` };
  const animated = (metadata.pages ?? 1) > 1 && (format === "gif" || format === "webp");
  // EXIF orientations 5 to 8 turn the picture a quarter: it is displayed the other way round.
  const turned = (metadata.orientation ?? 1) >= 5;
  const width = (turned ? metadata.height : metadata.width) ?? 0;
  const height = (turned ? metadata.width : metadata.height) ?? 0;
  const name = NAMES[format];
  if (width * height > MAX_PIXELS) return { notPicture: `a ${name} of ${width}×${height} pixels, more than sharp opens` };
  try {
    // Every byte is decoded, every frame of an animation; shrinking as it loads (a JPEG to an eighth) spares the full-size pixels.
    await sharp(bytes, { failOn: "error", pages: animated ? -1 : 1 })
      .resize(64, 64, { fit: "inside" })
      .raw()
      .toBuffer();
  } catch (error) {
    return { damaged: `a ${name} that is damaged or cut short (${firstLine(error)})` };
  }
  return { width, height, format, alpha: metadata.hasAlpha ?? false, animated };
}

/** libvips' messages run to several lines of detail; the first says what went wrong. */
const firstLine = (error: unknown) => ((error instanceof Error ? error.message : String(error)).split("\n", 1)[0] ?? "").trim();

function pictureFormat(metadata: Metadata): PictureFormat | undefined {
  // sharp reads AVIF as HEIF (the container) compressed with AV1.
  if (metadata.format === "heif") return metadata.compression === "av1" ? "avif" : undefined;
  const format = metadata.format as string | undefined;
  return format && format !== "avif" && format in NAMES ? (format as PictureFormat) : undefined;
}

function otherFormatName(metadata: Metadata): string {
  if (metadata.format === "heif") return metadata.compression === "hevc" ? "HEIC" : "HEIF";
  return metadata.format === "jp2" ? "JPEG 2000" : (metadata.format ?? "unknown").toUpperCase();
}

/** What a file no picture decoder reads seems to be, for the message. */
function unknownKind(bytes: Buffer): string {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "a PDF document";
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 4096), { stream: true });
    if (!text.includes("\0")) return /^\s*</.test(text) ? "markup (HTML or XML) that is no picture" : "text";
  } catch {
    // Not UTF-8: binary data.
  }
  return "data in no picture format";
}

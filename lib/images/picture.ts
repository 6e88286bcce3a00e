/**
 * The markup of a picture the pipeline made (lib/images/responsive.ts): a
 * <picture> whose <source>s offer AVIF, then WebP, and whose <img> carries
 * the fallback, the alternative text and the size that reserves its place
 * before it loads. Only what the post body's allow-list takes
 * (lib/checks/html-allow-list-rules.ts), since a body picture is judged
 * again with the rest of the body; fetchpriority only when asked for, by the
 * lead picture's template. Every value is escaped for a quoted attribute.
 */
import type { ResponsiveImage } from "./responsive.ts";

/**
 * How wide a picture in the story column is drawn, for the browser to choose
 * a file before it has laid out the page. The column (.wrap in assets/site.css)
 * is 68ch wide including 1rem of padding on each side, at a root font size of
 * up to 1.15rem; a system font's "0" is about 0.55 to 0.6 of its size, so the
 * column holds at most about 44em of the reader's default font (700 pixels at
 * 16). Em, not pixels: a reader who sets a larger font gets a wider column.
 * Below that the picture is the viewport less the padding. Erring wide costs
 * little: the files are 400 pixels apart.
 */
export const BODY_SIZES = "(min-width: 46em) 44em, calc(100vw - 2rem)";

export interface PictureOptions {
  /** What the picture shows; "" for a decorative one, which screen readers skip. */
  alt: string;
  sizes: string;
  /** "eager" for a picture in the first screen, which "lazy" would only delay. */
  loading: "eager" | "lazy";
  fetchPriority?: "high";
}

export function pictureHtml(image: ResponsiveImage, options: PictureOptions): string {
  const { fallback } = image;
  const responsive = fallback.srcset !== "";
  const img = tag("img", [
    ["src", fallback.url],
    ...(responsive ? [["srcset", fallback.srcset] as const, ["sizes", options.sizes] as const] : []),
    ["alt", options.alt],
    ["width", String(fallback.width)],
    ["height", String(fallback.height)],
    ["loading", options.loading],
    // A picture below the first screen is decoded off the main thread; the lead picture is painted as soon as it arrives.
    ...(options.loading === "lazy" ? [["decoding", "async"] as const] : []),
    ...(options.fetchPriority ? [["fetchpriority", options.fetchPriority] as const] : []),
  ]);
  if (image.sources.length === 0) return img;
  const sources = image.sources.map((source) =>
    tag("source", [
      ["type", source.type],
      ["srcset", source.srcset],
      ["sizes", options.sizes],
    ]),
  );
  return `<picture>${sources.join("")}${img}</picture>`;
}

function tag(name: string, attributes: ReadonlyArray<readonly [string, string]>): string {
  return `<${name}${attributes.map(([attribute, value]) => ` ${attribute}="${escapeAttribute(value)}"`).join("")}>`;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" };
const escapeAttribute = (value: string) => value.replace(/[&"<>]/g, (character) => ESCAPES[character] ?? character);

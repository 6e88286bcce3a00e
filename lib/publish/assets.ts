/**
 * Fingerprinted static assets: each file in assets/ is published as
 * /assets/<name>.<hash>.<ext>, where the hash is of its content. A changed file
 * gets a new URL, so browsers and the CDN may keep a URL forever (netlify.toml
 * marks /assets/* immutable) without ever serving a stale copy.
 * Templates ask for the published URL with `{{ "icon.svg" | assetUrl }}`.
 * The stylesheet is one of them (site.css): one request on a reader's first
 * visit, none after, and the CSP allows it as 'self' (security-headers.ts).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../types/eleventy.ts";
import { MEDIA_DIR } from "../images/pictures-folder.ts";

export const ASSETS_DIR = "assets";

/** Eight hex digits tell a few thousand versions apart and keep URLs short. */
export function fingerprint(name: string, content: Uint8Array): string {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 8);
  const ext = path.extname(name);
  return `${path.basename(name, ext)}.${hash}${ext}`;
}

/**
 * Source name (icon.svg) to published path (/assets/icon.1a2b3c4d.svg). Read
 * from the working directory, as Eleventy resolves passthrough copies.
 */
export function fingerprintAssets(root = process.cwd()): Map<string, string> {
  const dir = path.join(root, ASSETS_DIR);
  const files = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => [entry.name, `/${ASSETS_DIR}/${fingerprint(entry.name, readFileSync(path.join(dir, entry.name)))}`]));
}

/**
 * Documents that posts link to, published at the same path (media/report.pdf
 * is /media/report.pdf). Not fingerprinted: a post names them by a path an
 * author can type, so they are revalidated like pages. Only these kinds: a
 * page, a script or Markdown left in media/ is never published (it would be
 * served from the site's own address, unchecked). Pictures in media/ are not
 * copied either: the image pipeline (lib/images/) publishes what pages show
 * of them, so an original, with whatever its camera wrote into it (a GPS
 * position among others), never leaves the repository.
 */
export const MEDIA_TYPES = ["pdf"];

export default function assetsPlugin(eleventyConfig: EleventyConfig): void {
  // Both cases of each ending: passthrough globs match case-sensitively.
  const endings = MEDIA_TYPES.flatMap((type) => [type, type.toUpperCase()]);
  eleventyConfig.addPassthroughCopy(`${MEDIA_DIR}/**/*.{${endings.join(",")}}`);
  const published = fingerprintAssets();
  for (const [name, url] of published) {
    eleventyConfig.addPassthroughCopy({ [`${ASSETS_DIR}/${name}`]: url.slice(1) });
  }
  eleventyConfig.addFilter("assetUrl", (name: string) => {
    const url = published.get(name);
    // A typo in a template must fail the build, not publish a broken link.
    if (!url) throw new Error(`No asset "${name}" in ${ASSETS_DIR}/ (have: ${[...published.keys()].join(", ")})`);
    return url;
  });
}

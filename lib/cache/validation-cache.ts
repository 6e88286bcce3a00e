/**
 * Each post's validation outcome from an earlier run, its published HTML
 * included, kept on disk by the post's path and the sha256 of its bytes.
 * Between two commits almost every post is unchanged, and reading the stored
 * outcomes spares loading zod, yaml and markdown-it and reading every post.
 *
 * An outcome depends only on the file's path and bytes, the site's address
 * (links to it are rendered differently), the validating code and the
 * runtime, so the whole file is discarded when any of those changes. A change
 * elsewhere in lib/ (feeds, SEO, collections) keeps it. Only per-file outcomes
 * are kept: the checks across posts (lib/checks/post-set-checks.ts) run afresh every
 * time. `v8.serialize` keeps the Dates in validated frontmatter as Dates.
 *
 * A cache cannot publish anything the checks would refuse. With the secret
 * BUILD_CACHE_KEY set (in Netlify's environment, never in the repository),
 * the file is sealed, and a file altered since, or written without the key,
 * is ignored whole (lib/cache/sealed-file.ts). Without the key, the HTML of every
 * stored outcome is judged again on every run (lib/checks/html-allow-list.ts), and an
 * entry whose HTML fails is dropped and its post validated afresh.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PICTURES_FOLDER } from "../images/pictures-folder.ts";
import { codeVersion } from "./code-version.ts";
import { SealedFile } from "./sealed-file.ts";
import type { FileOutcome } from "../checks/outcome.ts";
import { isPublishable } from "../checks/html-allow-list.ts";

/** Bump when the stored shape changes. */
const FORMAT = 5;

interface StoredEntry {
  digest: string;
  outcome: FileOutcome;
}

/**
 * A file's sha256. The last answer is kept: the live preview compares it,
 * then the cache looks the file up and stores it, all with the same bytes.
 */
let lastDigest: { bytes: Uint8Array; digest: string } | undefined;
export function contentDigest(bytes: Uint8Array): string {
  if (lastDigest?.bytes !== bytes) lastDigest = { bytes, digest: createHash("sha256").update(bytes).digest("base64url") };
  return lastDigest.digest;
}

/**
 * lib/checks/validate.ts and every module it imports, and this file: all the code an
 * outcome depends on. tests/unit/cache/validation-cache.test.ts holds the list to
 * the import graph, so a new import cannot be forgotten here.
 */
export const VALIDATING_MODULES = [
  "cache/code-version.ts",
  "cache/sealed-file.ts",
  "cache/validation-cache.ts",
  "checks/body-checks.ts",
  "checks/correction-dates.ts",
  "checks/html-allow-list-repairs.ts",
  "checks/html-allow-list-rules.ts",
  "checks/html-allow-list.ts",
  "checks/known-fields.ts",
  "checks/markdown-checks.ts",
  "checks/outcome.ts",
  "checks/problems.ts",
  "checks/published-html.ts",
  "checks/suggest.ts",
  "checks/validate.ts",
  "content/bidi.ts",
  "content/control-characters.ts",
  "content/frontmatter.ts",
  "content/limits.ts",
  "content/post-date.ts",
  "content/schema.ts",
  "content/slug.ts",
  "content/yaml-positions.ts",
  "images/cache-files.ts",
  "images/media-image.ts",
  "images/picture.ts",
  "images/pictures-folder.ts",
  "images/post-pictures.ts",
  "images/responsive.ts",
  "images/social-crops.ts",
  "publish/output-write-error.ts",
  "render/footnotes.ts",
  "render/markdown.ts",
  "render/video.ts",
  "render/word-count.ts",
  "site/addresses.ts",
  "types/eleventy.ts",
];

/** One fingerprint of everything an outcome depends on besides the file itself. */
export function validatingCodeVersion(siteOrigin: string): string {
  return codeVersion(VALIDATING_MODULES, `format ${FORMAT}\0site ${siteOrigin}`);
}

type ValidateOne = (file: string, bytes: Uint8Array, siteOrigin: string) => FileOutcome;
let validateOne: ValidateOne | undefined;

/**
 * The outcome stored for `file` with these bytes, else a fresh one, stored.
 * The validators (zod, the Markdown checks) load on the first post not in
 * the cache, so a run in which no post changed never loads them. Without a
 * cache, every post is validated.
 */
export async function outcomeOf(
  cache: OutcomeCache | undefined,
  root: string,
  file: string,
  bytes: Uint8Array,
  siteOrigin: string,
): Promise<FileOutcome> {
  const known = cache?.get(file, bytes);
  if (known) return known;
  validateOne ??= (await import("../checks/validate.ts")).validateOne;
  let outcome = validateOne(file, bytes, siteOrigin);
  // The image pipeline (sharp) loads only for a post that names a picture.
  if (outcome.pictures?.length) outcome = await (await import("../images/post-pictures.ts")).withPictures(root, file, outcome);
  else delete outcome.pictures;
  cache?.set(file, bytes, outcome);
  return outcome;
}

export interface OutcomeCache {
  /** The outcome stored for `file` with exactly these bytes, if any, and if its HTML may still be published. */
  get(file: string, bytes: Uint8Array): FileOutcome | undefined;
  set(file: string, bytes: Uint8Array, outcome: FileOutcome): void;
  /** Writes the entries this run used or made (so deleted posts drop out); skipped when nothing changed. */
  save(): void;
  readonly stats: { hits: number; misses: number };
}

/**
 * Whether the pictures an outcome was made from are as they were, and what
 * the pipeline made of them is still in .cache/images/: a picture replaced
 * under the same name, or a cleared folder, makes the post's outcome afresh.
 */
export function picturesStand(root: string, outcome: FileOutcome): boolean {
  const sources = outcome.pictureSources ?? [];
  const unchanged = sources.every(({ file, digest }) => {
    try {
      return contentDigest(readFileSync(path.join(root, file))) === digest;
    } catch {
      return false;
    }
  });
  return unchanged && (outcome.post?.pictureFiles ?? []).every((made) => existsSync(path.join(root, PICTURES_FOLDER, made)));
}

/** The validation cache of the project at `root`, in `.cache/` (which git ignores and Netlify keeps). */
export function openValidationCache(
  root: string,
  siteOrigin: string,
  file = path.join(root, ".cache", "validation.v8"),
  key = process.env.BUILD_CACHE_KEY,
): OutcomeCache {
  const kept = new SealedFile<StoredEntry>(file, validatingCodeVersion(siteOrigin), key);
  const publishable = (outcome: FileOutcome) => kept.trusted || !outcome.post || isPublishable(outcome.post.html);
  return {
    get: (post, bytes) => {
      const digest = contentDigest(bytes);
      // The stored HTML is judged again whatever the entry says: a cache must not be able to publish anything.
      return kept.get(post, (entry) => entry.digest === digest && picturesStand(root, entry.outcome) && publishable(entry.outcome))
        ?.outcome;
    },
    set: (post, bytes, outcome) => kept.set(post, { digest: contentDigest(bytes), outcome }),
    save: () => kept.save(),
    get stats() {
      return kept.stats;
    },
  };
}

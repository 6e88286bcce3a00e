/**
 * Live preview only: which listing pages (home, tag and archive-month pages)
 * need rendering again after an edit. Eleventy re-renders every page of a
 * template that uses a collection whenever any post changes: every listing
 * page of the site for a one-word edit. Instead, each listing page gets
 * a signature of everything it shows, and a rebuild hands Eleventy's
 * pagination only the pages whose signature changed since the last build
 * that finished. The other pages' files are still on disk from that build.
 *
 * Production builds (runMode "build") always render every page.
 * https://www.11ty.dev/docs/events/
 */
import { existsSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../types/eleventy.ts";
import { isPostFile } from "../content/post-files.ts";
import type { StoredPost } from "../content/post-store.ts";
import { LISTED_POST_VALUES, listedFields } from "../content/listed-fields.ts";

/** A listing page as lib/listings/collections.ts makes it: a URL, the posts it lists, and anything else it shows. */
export interface SignablePage {
  url: string;
  items: Array<{ url: string; post: StoredPost }>;
  lastModified?: Date | undefined;
}

/**
 * What a listing page shows, as a string: every field of the page object
 * (number, total, tag, month, neighbour links…), so a field added later is
 * covered without touching this, and for each post what listings show of it
 * (lib/content/listed-fields.ts). `lastModified` is left out: only the sitemap,
 * which always gets complete lists, reads it.
 */
export function pageSignature(page: SignablePage): string {
  const { items, lastModified: _unshown, ...shown } = page;
  return `${JSON.stringify(shown)}\n${items.map(({ url, post }) => `${url} ${postSignature(post)}`).join("\n")}`;
}

/**
 * A post appears on four or five listings; its part of the signature is made
 * once. Keyed by the stored post, which lib/checks/validate-plugin.ts makes afresh
 * for every build, so nothing outlives the build it describes.
 */
const postSignatures = new WeakMap<StoredPost, string>();

function postSignature(post: StoredPost): string {
  let signature = postSignatures.get(post);
  if (signature === undefined) {
    // A Date becomes its ISO text; a field left out becomes null, so every field keeps its place.
    const fields = listedFields.map((field) => post.data[field] ?? null);
    signature = JSON.stringify([...fields, ...LISTED_POST_VALUES.map((name) => post[name] ?? null)]);
    postSignatures.set(post, signature);
  }
  return signature;
}

/**
 * The pages to render: those whose signature differs from `previous` (all of
 * them when there was no previous build) or whose file is gone. Records every
 * page's signature in `next`.
 */
export function changedPages<P extends SignablePage>(
  pages: P[],
  previous: ReadonlyMap<string, string> | undefined,
  next: Map<string, string>,
  isOnDisk: (url: string) => boolean = () => true,
): P[] {
  return pages.filter((page) => {
    const signature = pageSignature(page);
    next.set(page.url, signature);
    return previous?.get(page.url) !== signature || !isOnDisk(page.url);
  });
}

export interface BuildStart {
  runMode: "build" | "watch" | "serve";
  outputMode: "fs" | "json" | "ndjson";
  output: string;
}

/** A listing's output file, as Eleventy writes a folder URL. */
function outputFile(output: string, url: string): string {
  return path.join(output, ...url.split("/").filter(Boolean).map(decodeURIComponent), "index.html");
}

/** A listing page's file, and its folder once empty (a tag's `page/2/`). */
function removeListingFile(file: string): void {
  rmSync(file, { force: true });
  try {
    rmdirSync(path.dirname(file));
  } catch {
    // Not empty: other pages live below it.
  }
}

/**
 * The signatures of one watching Eleventy. Signatures become the reference
 * only when a build finishes; a build that starts while the previous one
 * never finished (it failed part-way, after writing some pages) or after a
 * change to anything but a post starts again from nothing.
 *
 * A listing page that a finished build no longer makes (the month of a
 * deleted post that was its only one, a tag no post carries any more, the
 * last home page) leaves the output folder, so the preview never serves it.
 */
export class ListingChanges {
  #committed: Map<string, string> | undefined;
  #pending = new Map<string, string>();
  /** Every listing URL of the last finished build of this watching process. */
  #made = new Set<string>();
  #building = false;
  #incremental = false;
  #output = "";
  readonly #fileExists: (file: string) => boolean;
  readonly #removeFile: (file: string) => void;

  /**
   * The file functions are for tests. The tracker only asks about listing
   * pages whose signature is unchanged, and removes only pages it saw made.
   */
  constructor(fileExists: (file: string) => boolean = existsSync, removeFile: (file: string) => void = removeListingFile) {
    this.#fileExists = fileExists;
    this.#removeFile = removeFile;
  }

  /** From eleventy.beforeWatch: the files whose change started the rebuild. A post's edits the signatures capture; any other change (layout, page, data, code, CSS) can alter every page. */
  filesChanged(files: string[]): void {
    if (!files.every(isPostFile)) this.#committed = undefined;
  }

  /** From eleventy.before. */
  buildStarted({ runMode, outputMode, output }: BuildStart): void {
    if (this.#building || output !== this.#output) this.#committed = undefined;
    if (output !== this.#output) this.#made = new Set();
    this.#incremental = runMode !== "build" && outputMode === "fs";
    this.#output = output;
    this.#pending = new Map();
    this.#building = true;
  }

  /** From eleventy.after. */
  buildFinished(): void {
    this.#building = false;
    if (this.#incremental) {
      for (const url of this.#made) if (!this.#pending.has(url)) this.#removeFile(outputFile(this.#output, url));
      this.#made = new Set(this.#pending.keys());
    }
    this.#committed = this.#incremental ? this.#pending : undefined;
  }

  /** The pages this build must render: all of them, except in a watching process where some are unchanged and still on disk. */
  toRender<P extends SignablePage>(pages: P[]): P[] {
    if (!this.#incremental) return pages;
    // The dev server may have had its output folder emptied under it: a missing file is rendered again.
    return changedPages(pages, this.#committed, this.#pending, (url) => this.#fileExists(outputFile(this.#output, url)));
  }
}

/**
 * A tracker fed Eleventy's build events. One per configuration: Eleventy runs
 * the config again only when the config or its code changed, and a fresh
 * tracker then renders everything, as it must.
 */
export function trackListingChanges(eleventyConfig: EleventyConfig): ListingChanges {
  const tracker = new ListingChanges();
  eleventyConfig.on("eleventy.beforeWatch", (files) => tracker.filesChanged(files));
  eleventyConfig.on("eleventy.before", ({ runMode, outputMode, directories }) =>
    tracker.buildStarted({ runMode, outputMode, output: directories.output }),
  );
  eleventyConfig.on("eleventy.after", () => tracker.buildFinished());
  return tracker;
}

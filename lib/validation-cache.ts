/**
 * Each post's validation outcome from an earlier run, kept on disk by the
 * post's path and the sha256 of its bytes. `npm run check` runs on every
 * commit, and between two commits almost every post is unchanged: loading
 * zod, yaml and markdown-it and parsing every post again costs most of a
 * second, while reading the stored outcomes costs milliseconds.
 *
 * An outcome depends only on the file's path and bytes, the validating code
 * and the runtime, so the whole file is discarded when a module of the
 * validator, the lock file or the Node version changes. A change elsewhere in
 * lib/ (feeds, SEO, collections) keeps it. Only per-file outcomes are kept:
 * the checks across posts (lib/post-set-checks.ts) run afresh every time.
 * `v8.serialize` keeps the Dates in validated frontmatter as Dates.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { KeptMap } from "./kept-map.ts";
import { latin1Data } from "./latin1-text.ts";
import type { FileOutcome } from "./post-set-checks.ts";
import type { ParsedBodyListener } from "./body-checks.ts";

/** Bump when the stored shape changes. */
const FORMAT = 3;

interface StoredEntry {
  digest: string;
  outcome: FileOutcome;
}

const LIB = fileURLToPath(new URL(".", import.meta.url));

const digestOf = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("base64url");

/**
 * lib/validate.ts and every module it imports, and this file: all the code an
 * outcome depends on. tests/unit/validation-cache.test.ts holds the list to
 * the import graph, so a new import cannot be forgotten here.
 */
export const VALIDATING_MODULES = [
  "body-checks.ts", "control-characters.ts", "eleventy-config.ts", "errors.ts", "frontmatter.ts",
  "html-parser.ts", "html-rules.ts", "html-safety.ts", "kept-map.ts", "latin1-text.ts", "markdown-checks.ts",
  "markdown.ts", "post-links.ts", "post-set-checks.ts", "render-cache.ts",
  "schema.ts", "slug.ts", "suggest.ts", "validate.ts", "validation-cache.ts", "video.ts", "word-count.ts", "yaml-positions.ts",
];

/** One fingerprint of everything an outcome depends on besides the file itself. */
export function validatingCodeVersion(): string {
  const hash = createHash("sha256").update(`format ${FORMAT}\0node ${process.version}\0`);
  for (const name of VALIDATING_MODULES) hash.update(`${name}\0`).update(readFileSync(path.join(LIB, name))).update("\0");
  try {
    hash.update(readFileSync(path.join(LIB, "..", "package-lock.json")));
  } catch {
    hash.update("no lock file");
  }
  return hash.digest("base64url");
}

type ValidateOne = (file: string, bytes: Uint8Array, onParsed?: ParsedBodyListener) => FileOutcome;
let validateOne: ValidateOne | undefined;

/**
 * The outcome stored for `file` with these bytes, else a fresh one, stored.
 * The validators (zod, the Markdown and HTML checks) load on the first post
 * not in the cache, so a run in which no post changed never loads them.
 * Without a cache, every post is validated. `onParsed` hears of the posts
 * validated now (lib/validate.ts validateOne).
 */
export async function outcomeOf(cache: OutcomeCache | undefined, file: string, bytes: Uint8Array, onParsed?: ParsedBodyListener): Promise<FileOutcome> {
  const known = cache?.get(file, bytes);
  if (known) return known;
  validateOne ??= (await import("./validate.ts")).validateOne;
  // One-byte strings: pages built from them stay one byte per character (lib/latin1-text.ts).
  const outcome = latin1Data(validateOne(file, bytes, onParsed));
  cache?.set(file, bytes, outcome);
  return outcome;
}

export interface OutcomeCache {
  /** The outcome stored for `file` with exactly these bytes, if any. */
  get(file: string, bytes: Uint8Array): FileOutcome | undefined;
  set(file: string, bytes: Uint8Array, outcome: FileOutcome): void;
  /** Writes the entries this run used or made (so deleted posts drop out); skipped when nothing changed. */
  save(): void;
  readonly stats: { hits: number; misses: number };
}

/** The validation cache of the project at `root`, in `.cache/` (which git ignores and Netlify keeps). */
export function openValidationCache(root: string, file = path.join(root, ".cache", "validation.v8")): OutcomeCache {
  const kept = new KeptMap<StoredEntry>(file, validatingCodeVersion());
  // A miss is looked up, validated, then stored with the same bytes: hash them once.
  let last: { bytes: Uint8Array; digest: string } | undefined;
  const digestOnce = (bytes: Uint8Array) => (last?.bytes === bytes ? last : (last = { bytes, digest: digestOf(bytes) })).digest;
  return {
    get: (post, bytes) => {
      const digest = digestOnce(bytes);
      return kept.get(post, (entry) => entry.digest === digest)?.outcome;
    },
    set: (post, bytes, outcome) => kept.set(post, { digest: digestOnce(bytes), outcome }),
    save: () => kept.save(),
    get stats() {
      return kept.stats;
    },
  };
}

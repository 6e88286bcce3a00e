/**
 * Each post's validation outcome from an earlier run, kept on disk by the
 * post's path and the sha256 of its bytes. `npm run check` runs on every
 * commit, and between two commits almost every post is unchanged: loading
 * zod, yaml and markdown-it and parsing every post again costs most of a
 * second, while reading the stored outcomes costs milliseconds.
 *
 * An outcome depends only on the file's path and bytes, the validating code
 * and the runtime, so the whole file is discarded when any source in lib/,
 * the lock file or the Node version changes. Only per-file outcomes are kept:
 * the checks across posts (lib/post-set-checks.ts) run afresh every time.
 * `v8.serialize` keeps the Dates in validated frontmatter as Dates.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { FileOutcome } from "./post-set-checks.ts";

/** Bump when the stored shape changes. */
const FORMAT = 1;

interface StoredEntry {
  digest: string;
  outcome: FileOutcome;
}

interface CacheFile {
  version: string;
  entries: Map<string, StoredEntry>;
}

const LIB = fileURLToPath(new URL(".", import.meta.url));

const digestOf = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("base64url");

/** One fingerprint of everything an outcome depends on besides the file itself. */
export function validatingCodeVersion(): string {
  const hash = createHash("sha256").update(`format ${FORMAT}\0node ${process.version}\0`);
  const sources = readdirSync(LIB, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts")).sort();
  for (const name of sources) hash.update(`${name}\0`).update(readFileSync(path.join(LIB, name))).update("\0");
  try {
    hash.update(readFileSync(path.join(LIB, "..", "package-lock.json")));
  } catch {
    hash.update("no lock file");
  }
  return hash.digest("base64url");
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
  return new ValidationCache(file, validatingCodeVersion());
}

class ValidationCache implements OutcomeCache {
  readonly #file: string;
  readonly #version: string;
  readonly #stored: Map<string, StoredEntry>;
  readonly #used = new Map<string, StoredEntry>();
  #misses = 0;

  constructor(file: string, version: string) {
    this.#file = file;
    this.#version = version;
    this.#stored = load(file, version);
  }

  get stats(): { hits: number; misses: number } {
    return { hits: this.#used.size - this.#misses, misses: this.#misses };
  }

  get(file: string, bytes: Uint8Array): FileOutcome | undefined {
    const entry = this.#stored.get(file);
    if (!entry || entry.digest !== digestOf(bytes)) return undefined;
    this.#used.set(file, entry);
    return entry.outcome;
  }

  set(file: string, bytes: Uint8Array, outcome: FileOutcome): void {
    this.#misses++;
    this.#used.set(file, { digest: digestOf(bytes), outcome });
  }

  save(): void {
    if (this.#misses === 0 && this.#used.size === this.#stored.size) return;
    try {
      mkdirSync(path.dirname(this.#file), { recursive: true });
      // Written aside and renamed, so a check running at the same time never reads half a file.
      const partial = `${this.#file}.${process.pid}.tmp`;
      writeFileSync(partial, serialize({ version: this.#version, entries: this.#used } satisfies CacheFile));
      renameSync(partial, this.#file);
    } catch {
      // A cache that cannot be written (read-only checkout) only makes the next run slower.
    }
  }
}

function load(file: string, version: string): Map<string, StoredEntry> {
  try {
    const cached = deserialize(readFileSync(file)) as Partial<CacheFile>;
    if (cached.version === version && cached.entries instanceof Map) return cached.entries;
  } catch {
    // No cache yet, or one cut short or written by another Node version: start afresh.
  }
  return new Map();
}

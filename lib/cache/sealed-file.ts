/**
 * A map kept on disk between runs, for the build cache in `.cache/`
 * (lib/cache/validation-cache.ts). One file, `v8.serialize`d so Dates and Maps
 * survive, tagged with a version: a file written under another version, cut
 * short or unreadable counts as empty. Saving keeps only the entries this run
 * read or wrote, so entries for deleted posts drop out.
 *
 * With a secret key, the file is sealed (HMAC-SHA256): a file whose seal does
 * not match, altered or written without the key, counts as empty too, and a
 * file whose seal matches is `trusted`. Without a key nothing is trusted.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";

interface SealedFileContent {
  version: string;
  /** The entries, serialized: what the seal covers. */
  payload: Uint8Array;
  seal?: string;
}

const sealOf = (key: string, payload: Uint8Array) => createHmac("sha256", key).update(payload).digest("base64url");

export class SealedFile<V> {
  readonly #file: string;
  readonly #version: string;
  readonly #key: string | undefined;
  #stored: Map<string, V>;
  #used = new Map<string, V>();
  #misses = 0;
  /** Whether the entries read were sealed with this run's key: written by a run that had the secret, and not altered since. */
  readonly trusted: boolean;

  constructor(file: string, version: string, key?: string) {
    this.#file = file;
    this.#version = version;
    this.#key = key || undefined;
    const loaded = load<V>(file, version, this.#key);
    this.#stored = loaded.entries;
    this.trusted = loaded.trusted;
  }

  /** Hits: entries read from an earlier run; misses: entries this run wrote. */
  get stats(): { hits: number; misses: number } {
    return { hits: this.#used.size - this.#misses, misses: this.#misses };
  }

  /** The entry for `key`, if there is one and `accept` takes it; only then is it kept for the next run. */
  get(key: string, accept: (value: V) => boolean = () => true): V | undefined {
    const value = this.#used.get(key) ?? this.#stored.get(key);
    if (value === undefined || !accept(value)) return undefined;
    this.#used.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    if (!this.#used.has(key)) this.#misses++;
    this.#used.set(key, value);
  }

  /**
   * Writes this run's entries (aside, then renamed, so a reader never sees
   * half a file) and starts the next run's count. Skipped when nothing
   * changed; a cache that cannot be written only makes the next run slower.
   */
  save(): void {
    if (this.#misses > 0 || this.#used.size !== this.#stored.size) {
      try {
        mkdirSync(path.dirname(this.#file), { recursive: true });
        const partial = `${this.#file}.${process.pid}.tmp`;
        const payload = serialize(this.#used);
        const seal = this.#key === undefined ? undefined : sealOf(this.#key, payload);
        writeFileSync(partial, serialize({ version: this.#version, payload, seal } satisfies SealedFileContent));
        renameSync(partial, this.#file);
      } catch {
        // read-only checkout, full disk: build on without it
      }
    }
    this.#stored = this.#used;
    this.#used = new Map();
    this.#misses = 0;
  }
}

/**
 * When a build writes the caches: after every production build, and after a
 * live preview's first build only, so the preview's next start finds them.
 * Later preview rebuilds keep them in memory: writing one costs about as much
 * as the rebuild itself. One schedule per cache, called once per build.
 */
export function cacheWriteSchedule(): (runMode: "build" | "watch" | "serve") => boolean {
  let written = false;
  return (runMode) => {
    const write = runMode === "build" || !written;
    written = true;
    return write;
  };
}

function load<V>(file: string, version: string, key: string | undefined): { entries: Map<string, V>; trusted: boolean } {
  try {
    const kept = deserialize(readFileSync(file)) as Partial<SealedFileContent>;
    if (kept.version !== version || !(kept.payload instanceof Uint8Array)) return { entries: new Map(), trusted: false };
    if (key !== undefined) {
      const expected = Buffer.from(sealOf(key, kept.payload));
      const found = Buffer.from(kept.seal ?? "");
      // Altered, or sealed with another key or none: nothing in it is used.
      if (found.length !== expected.length || !timingSafeEqual(found, expected)) return { entries: new Map(), trusted: false };
    }
    const entries = deserialize(kept.payload) as unknown;
    if (entries instanceof Map) return { entries: entries as Map<string, V>, trusted: key !== undefined };
  } catch {
    // no file yet, one cut short, or one written by another Node version
  }
  return { entries: new Map(), trusted: false };
}

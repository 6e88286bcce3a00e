/**
 * A map kept on disk between runs, for the build cache in `.cache/`
 * (lib/validation-cache.ts, lib/render-cache.ts). One file, `v8.serialize`d so
 * Dates and Maps survive, tagged with a version: a file written under another
 * version, cut short or unreadable counts as empty. Saving keeps only the
 * entries this run read or wrote, so entries for deleted posts drop out.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";

interface KeptFile<V> {
  version: string;
  entries: Map<string, V>;
}

export class KeptMap<V> {
  readonly #file: string;
  readonly #version: string;
  #stored: Map<string, V>;
  #used = new Map<string, V>();
  #misses = 0;

  constructor(file: string, version: string) {
    this.#file = file;
    this.#version = version;
    this.#stored = load<V>(file, version);
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
        writeFileSync(partial, serialize({ version: this.#version, entries: this.#used } satisfies KeptFile<V>));
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

function load<V>(file: string, version: string): Map<string, V> {
  try {
    const kept = deserialize(readFileSync(file)) as Partial<KeptFile<V>>;
    if (kept.version === version && kept.entries instanceof Map) return kept.entries;
  } catch {
    // no file yet, one cut short, or one written by another Node version
  }
  return new Map();
}

/**
 * Post bodies rendered by an earlier build, kept on disk by the hash of their
 * Markdown. markdown-it is the largest per-post cost we add to a build, and
 * between two commits almost every post is unchanged; Netlify keeps `.cache/`
 * between builds (netlify/plugins/build-cache). The whole file is discarded
 * when the renderer's code, its options or the lock file change, so a cached
 * body is always what a fresh render would give.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";

interface CacheFile {
  version: string;
  entries: Map<string, string>;
}

const hash = (text: string): string => createHash("sha256").update(text).digest("base64url");

/** The renderer's own sources and every installed version, as one fingerprint. */
export function rendererVersion(options: string): string {
  const sources = ["./markdown.ts", "./slug.ts", "../package-lock.json"].map((file) => readFileSync(new URL(file, import.meta.url), "utf8"));
  return hash([...sources, options].join("\0"));
}

export class RenderCache {
  readonly #file: string;
  readonly #version: string;
  #stored = new Map<string, string>();
  /** Entries this build used or made: what the next build may need. */
  #used = new Map<string, string>();
  #misses = 0;

  constructor(file: string, version: string) {
    this.#file = file;
    this.#version = version;
    this.#load();
  }

  get stats(): { hits: number; misses: number } {
    return { hits: this.#used.size - this.#misses, misses: this.#misses };
  }

  /** Wraps a render function: unchanged Markdown comes back from the cache. */
  wrap<Env>(render: (source: string, env?: Env) => string): (source: string, env?: Env) => string {
    return (source, env) => {
      const key = hash(source);
      const known = this.#used.get(key) ?? this.#stored.get(key);
      if (known !== undefined) {
        this.#used.set(key, known);
        return known;
      }
      const html = render(source, env);
      this.#misses++;
      this.#used.set(key, html);
      return html;
    };
  }

  /**
   * Writes what this build used (so deleted posts do not linger) and starts
   * the next build's count. Skipped when nothing changed.
   */
  save(): void {
    const unchanged = this.#misses === 0 && this.#used.size === this.#stored.size;
    if (!unchanged) {
      mkdirSync(path.dirname(this.#file), { recursive: true });
      const partial = `${this.#file}.${process.pid}.tmp`;
      writeFileSync(partial, serialize({ version: this.#version, entries: this.#used } satisfies CacheFile));
      renameSync(partial, this.#file);
    }
    this.#stored = this.#used;
    this.#used = new Map();
    this.#misses = 0;
  }

  #load(): void {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.#file);
    } catch {
      return; // first build, or the cache was cleared
    }
    try {
      const cached = deserialize(bytes) as Partial<CacheFile>;
      if (cached.version === this.#version && cached.entries instanceof Map) this.#stored = cached.entries;
    } catch {
      // A cache written by another Node version or cut short: start afresh.
    }
  }
}

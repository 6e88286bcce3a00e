/**
 * Post bodies rendered by an earlier build, kept on disk by the hash of their
 * Markdown. markdown-it is the largest per-post cost we add to a build, and
 * between two commits almost every post is unchanged; Netlify keeps `.cache/`
 * between builds (netlify/plugins/build-cache). The whole file is discarded
 * when the renderer's code, its options or the lock file change, so a cached
 * body is always what a fresh render would give.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { KeptMap } from "./kept-map.ts";

const hash = (text: string): string => createHash("sha256").update(text).digest("base64url");

/** The renderer's own sources and every installed version, as one fingerprint. */
export function rendererVersion(options: string): string {
  const sources = ["./markdown.ts", "./slug.ts", "./latin1-text.ts", "../package-lock.json"].map((file) => readFileSync(new URL(file, import.meta.url), "utf8"));
  return hash([...sources, options].join("\0"));
}

export class RenderCache {
  readonly #kept: KeptMap<string>;

  constructor(file: string, version: string) {
    this.#kept = new KeptMap(file, version);
  }

  get stats(): { hits: number; misses: number } {
    return this.#kept.stats;
  }

  /** Wraps a render function: unchanged Markdown comes back from the cache. */
  wrap<Env>(render: (source: string, env?: Env) => string): (source: string, env?: Env) => string {
    return (source, env) => {
      const key = hash(source);
      const known = this.#kept.get(key);
      if (known !== undefined) return known;
      const html = render(source, env);
      this.#kept.set(key, html);
      return html;
    };
  }

  /** Writes what this build used (so deleted posts do not linger); skipped when nothing changed. */
  save(): void {
    this.#kept.save();
  }
}

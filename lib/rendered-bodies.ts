/**
 * Post bodies rendered from the parse the checks already made, waiting for
 * Eleventy to ask for them, so a build that validates a post parses its
 * Markdown once, not once to check and again to render. That second parse was
 * half of markdown-it's time on a first build.
 *
 * One instance per build configuration (.eleventy.js), shared by the
 * validate plugin, which offers, and the markdown plugin, which takes.
 */
import path from "node:path";
import type { Token } from "markdown-it/index.js";
import { createParsedRenderer } from "./markdown.ts";

/**
 * Kept by the post's path, not its text: holding every body's text until it
 * renders raised the peak memory by tens of megabytes at 4,000 posts (two
 * bytes a character, with curly quotes). Eleventy reads the file
 * after the checks did; a body whose length differs (CRLF line endings, a
 * file saved in between) is not taken, and renders afresh.
 */
export class RenderedBodies {
  readonly #siteOrigin: string;
  #render: ((tokens: Token[]) => string) | undefined;
  readonly #waiting = new Map<string, { length: number; html: string }>();
  #taken = 0;

  constructor(siteOrigin: string) {
    this.#siteOrigin = siteOrigin;
  }

  /** Called with a post's body and its tokens once the checks are done reading them. */
  offer(inputPath: string, body: string, tokens: Token[]): void {
    this.#render ??= createParsedRenderer(this.#siteOrigin);
    this.#waiting.set(path.resolve(inputPath), { length: body.length, html: this.#render(tokens) });
  }

  /** The HTML of the body offered for this file in this build, handed out once: a post renders once per build. */
  take(inputPath: string, body: string): string | undefined {
    const key = path.resolve(inputPath);
    const offered = this.#waiting.get(key);
    if (offered === undefined) return undefined;
    this.#waiting.delete(key);
    if (offered.length !== body.length) return undefined;
    this.#taken++;
    return offered.html;
  }

  /** Forgets what the last build offered and did not take (a draft's body, in production). */
  startBuild(): void {
    this.#waiting.clear();
    this.#taken = 0;
  }

  /** Bodies rendered from the checks' parse in this build. */
  get taken(): number {
    return this.#taken;
  }
}

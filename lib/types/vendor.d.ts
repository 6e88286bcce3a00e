// Declarations for the parts of untyped packages this project calls.

declare module "@11ty/eleventy" {
  export interface EleventyResult {
    url: string | false;
    inputPath: string;
    outputPath: string | false;
    rawInput: string;
    content: string;
  }
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: { configPath?: string; quietMode?: boolean; runMode?: string; config?: (eleventyConfig: unknown) => void },
    );
    write(): Promise<unknown>;
    disableLogger(): void;
    toJSON(): Promise<EleventyResult[]>;
    init(): Promise<void>;
    /** Resets Eleventy's per-build state, as it does before each rebuild in watch mode. */
    restart(): Promise<void>;
    setIncrementalBuild(incremental: boolean): void;
    /** The first build, then the file watcher; resolves to the function that rebuilds after a change to one file. */
    watch(): Promise<(changedFile: string) => Promise<void>>;
    /** The file watcher (chokidar), once watch() has resolved. */
    watcher: { on(event: "add" | "change" | "unlink", listener: (file: string) => void): unknown };
    serve(port?: number): Promise<void>;
    /** Eleventy's handle on its dev server (lib/preview/host.ts): the dev server, once created, and the HTTP server in it. */
    eleventyServe: {
      init(): Promise<void>;
      initServerInstance(): Promise<void>;
      server: { server: import("node:net").Server };
    };
    stopWatch(): Promise<void>;
  }
}

declare module "@11ty/eleventy-plugin-rss" {
  /** Rewrites every relative URL in an HTML fragment against `base`. */
  export function convertHtmlToAbsoluteUrls(html: string, base: string, options?: Record<string, unknown>): Promise<string>;
  export function absoluteUrl(url: string, base: string): string;
}

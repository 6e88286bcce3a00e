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
  }
}

declare module "@11ty/eleventy-plugin-rss" {
  /** Rewrites every relative URL in an HTML fragment against `base`. */
  export function convertHtmlToAbsoluteUrls(html: string, base: string, options?: Record<string, unknown>): Promise<string>;
  export function absoluteUrl(url: string, base: string): string;
}

// The part of @11ty/eleventy-img (untyped) that lib/images/responsive.ts calls.

declare module "@11ty/eleventy-img" {
  import type { AvifOptions, JpegOptions, PngOptions, WebpOptions } from "sharp";

  export interface ImageOptions {
    widths: number[];
    formats: string[];
    outputDir: string;
    urlPath: string;
    /** The output's file name; `id` is eleventy-img's hash of the source's bytes and the sharp options. */
    filenameFormat: (id: string, src: string, width: number, format: string) => string;
    sharpAvifOptions?: AvifOptions;
    sharpWebpOptions?: WebpOptions;
    sharpJpegOptions?: JpegOptions;
    sharpPngOptions?: PngOptions;
    /** Its in-memory and on-disk caches. */
    useCache?: boolean;
    /** Encode into `buffer` and write nothing. */
    dryRun?: boolean;
    /** Formats it drops for transparent or animated sources. */
    formatFiltering?: string[];
    /** Otherwise an error is logged and the promise resolves to nothing. */
    failOnError?: boolean;
  }

  export interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    /** The MIME type. */
    sourceType: string;
    /** "<url> <width>w" */
    srcset: string;
    /** The name in outputDir. */
    filename: string;
    outputPath: string;
    /** With dryRun, the encoded file. */
    buffer?: Buffer;
  }

  /** Outputs by format, each narrowest first. */
  export type ImageStats = Record<string, ImageStat[]>;

  interface EleventyImage {
    (src: string, options: ImageOptions): Promise<ImageStats>;
    /** Where each output of a picture of this size goes, without decoding or encoding anything. */
    statsByDimensionsSync(src: string, width: number, height: number, options: ImageOptions): ImageStats;
  }

  const Image: EleventyImage;
  export default Image;
}

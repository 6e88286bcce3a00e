/**
 * Eleventy plugin: the live preview (`npm start`) starts its rebuild soon
 * after a save. Eleventy waits until a changed file has kept its size for
 * 150 ms, in case the editor is still writing; that was a fifth of the time
 * from a save to the rebuilt page at 1,000 posts (BENCHMARKS.md). An editor
 * writes a post, a few kilobytes, in one go or swaps in a finished file, so
 * 50 ms of stillness, checked every 10 ms, is plenty; should a write ever
 * straddle it, the half-written post is reported and the next change event
 * rebuilds with the whole file.
 * https://www.11ty.dev/docs/watch-serve/#advanced-chokidar-configuration
 */
import type { EleventyConfig } from "../types/eleventy.ts";

const WRITE_SETTLED = { stabilityThreshold: 50, pollInterval: 10 };

export default function livePreviewPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: WRITE_SETTLED });
}

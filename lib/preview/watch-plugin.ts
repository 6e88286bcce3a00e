/**
 * Eleventy plugin: the live preview (`npm start`) starts its rebuild soon
 * after a save. Eleventy waits until a changed file has kept its size for
 * a while, in case the editor is still writing, and its default wait is much
 * of the time from a save to the rebuilt page. An editor writes a post, a
 * few kilobytes, in one go or swaps in a finished file, so a short stillness
 * is plenty; should a write ever straddle it, the half-written post is
 * reported and the next change event rebuilds with the whole file.
 * https://www.11ty.dev/docs/watch-serve/#advanced-chokidar-configuration
 */
import type { EleventyConfig } from "../types/eleventy.ts";

const WRITE_SETTLED = { stabilityThreshold: 50, pollInterval: 10 };

export default function livePreviewPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: WRITE_SETTLED });
}

/**
 * The build, as run in production (scripts/build.ts) and by the tests. Eleventy writes into a fresh staging folder next to the
 * output; only a build that finished completely is swapped into place, so a
 * failed build leaves the previous site untouched and never publishes half.
 */
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Eleventy from "@11ty/eleventy";

export async function build(options: { root?: string; output?: string } = {}): Promise<void> {
  const root = path.resolve(options.root ?? ".");
  const output = path.resolve(root, options.output ?? "_site");
  const staging = `${output}.staging-${process.pid}`;
  const previous = `${output}.previous-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    const eleventy = new Eleventy(root, staging, {
      configPath: path.join(root, ".eleventy.js"),
      quietMode: true,
    });
    // Our caller reports the outcome; Eleventy's own log would print each error twice.
    eleventy.disableLogger();
    await eleventy.write();
  } catch (error) {
    await removeStaging(staging);
    throw error;
  }
  // Two renames: the old site exists until the new one is complete.
  await rename(output, previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(staging, output);
  await rm(previous, { recursive: true, force: true });
}

/**
 * When a template fails, Eleventy rejects while writes it already started are
 * still landing, so one removal can meet a folder that refills (ENOTEMPTY).
 * Retry until the folder stays gone; a cleanup problem must never hide the
 * build error the author needs to see.
 */
async function removeStaging(staging: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    await rm(staging, { recursive: true, force: true, maxRetries: 3, retryDelay: 25 }).catch(() => undefined);
    await sleep(25);
    if (!existsSync(staging)) return;
  }
}

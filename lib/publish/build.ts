/**
 * The build, as run in production (scripts/build.ts) and by the tests. Eleventy writes into a fresh staging folder next to the
 * output; only a build that finished completely is swapped into place, so a
 * failed build leaves the previous site untouched and never publishes half.
 * How the swap survives a kill at any point: lib/publish/output-folder.ts.
 */
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Eleventy from "@11ty/eleventy";
import { discardPrevious, previousFolder, recoverOutput, stagingFolder } from "./output-folder.ts";
import { asOutputWriteError, attempt, unmaskMkdir } from "./output-write-error.ts";

const WRITE = "write the site to";

export async function build(options: { root?: string; output?: string } = {}): Promise<void> {
  const root = path.resolve(options.root ?? ".");
  const output = path.resolve(root, options.output ?? "_site");
  // A build killed earlier may have left the site aside and half-written folders about.
  await recoverOutput(output);
  const staging = stagingFolder(output);
  const previous = previousFolder(output);
  // Made here rather than by Eleventy, so that a folder we may not write to
  // fails in one place, before any rendering, with the system's own error.
  await attempt(WRITE, staging, () => mkdir(staging));
  // Eleventy 3.1 leaves a failed passthrough copy unhandled while templates
  // render (TemplatePassthroughManager.copyAll), which would end the process
  // without a word of ours; its own command line listens for these too. Can
  // go once Eleventy awaits its passthrough copies within write().
  const lost: unknown[] = [];
  const keep = (reason: unknown) => void lost.push(reason);
  process.on("unhandledRejection", keep);
  try {
    const eleventy = new Eleventy(root, staging, {
      configPath: path.join(root, ".eleventy.js"),
      quietMode: true,
    });
    // Our caller reports the outcome; Eleventy's own log would print each error twice.
    eleventy.disableLogger();
    await eleventy.write();
    if (lost.length > 0) throw lost[0];
  } catch (error) {
    // Before the staging folder goes: unmaskMkdir needs it.
    const unmasked = await unmaskMkdir(staging, [error, ...lost]);
    await removeStaging(staging);
    throw asOutputWriteError(WRITE, staging, error, [...lost, ...unmasked]);
  } finally {
    process.off("unhandledRejection", keep);
  }
  // Steps 1 and 2: the old site exists until the new one is complete.
  await attempt(WRITE, output, () =>
    rename(output, previous).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    }),
  );
  try {
    await rename(staging, output);
  } catch (error) {
    // Nothing half published: the old site back in place, the new one gone.
    if (existsSync(previous)) await rename(previous, output).catch(() => undefined);
    await removeStaging(staging);
    throw asOutputWriteError(WRITE, output, error);
  }
  // Step 3. The new site is published; should this fail, the next build's recovery removes what is left.
  await discardPrevious(previous).catch(() => undefined);
}

/**
 * When a template fails, Eleventy rejects while writes it already started are
 * still landing, so one removal can meet a folder that refills (ENOTEMPTY).
 * Retry until the folder stays gone; a cleanup problem must never hide the
 * build error the author needs to see.
 */
async function removeStaging(staging: string): Promise<void> {
  for (let tries = 0; tries < 40; tries++) {
    await rm(staging, { recursive: true, force: true, maxRetries: 3, retryDelay: 25 }).catch(() => undefined);
    await sleep(25);
    if (!existsSync(staging)) return;
  }
}

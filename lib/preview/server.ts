/**
 * The live preview (`npm start`): Eleventy's watch mode with incremental
 * rebuilds and its dev server, started through Eleventy's API rather than its
 * command line for one reason. Eleventy 3.1 forgets a deleted file but does
 * not rebuild, so a deleted post stayed on the home page, its tags and its
 * month until the next save, and its page stayed reachable
 * (https://github.com/11ty/eleventy/issues/2798, fixed in Eleventy 4; the
 * deletion handling below can go with that upgrade).
 *
 * Here a deletion removes the deleted post's page from the output folder,
 * then rebuilds every page. So do a new post, and an edit to a field that
 * other stories' pages show of a post in their previous/next links or their
 * related stories, or choose them by (the headline, the date, the tags;
 * lib/content/listed-fields.ts says which): Eleventy's incremental
 * rebuild, which renders only the post that changed, would leave them stale
 * (listing pages are handled apart, lib/preview/listing-changes.ts). So does the first build after one
 * that failed (a post with a problem): the saves it did not write are written
 * then. Any other edit stays incremental. And a preview started while a post
 * has a problem waits for the fix instead of stopping.
 * https://www.11ty.dev/docs/programmatic/
 */
import { existsSync, type FSWatcher, readFileSync, rmSync, watch } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { EleventyConfig } from "../types/eleventy.ts";
import { readPost } from "../content/frontmatter.ts";
import { isPostFile } from "../content/post-files.ts";
import { getPost } from "../content/post-store.ts";
import { serveLocallyOnly } from "./host.ts";
import { frontmatterSchema, type Frontmatter } from "../content/schema.ts";
import { neighbourFields } from "../content/listed-fields.ts";
import { POST_SLUG } from "../content/slug.ts";
import { addresses } from "../site/addresses.ts";

export interface PreviewOptions {
  /** The output folder, relative to the working directory (the project). */
  output?: string;
  /** Serve the site (Eleventy Dev Server, with live reload); without it, only watch and rebuild. */
  server: boolean;
  port?: number;
  /** Serve to other devices on the network too (Eleventy's default); otherwise this machine only (lib/preview/host.ts). */
  lan?: boolean;
}

export interface Preview {
  stop(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const output = options.output ?? "_site";
  // Set when a change needs every page rebuilt: the next build to start is a full one, and
  // incremental rebuilds resume once it has finished (a failed build does not finish).
  let fullRebuild: "asked" | "running" | undefined;
  // A build that started and never reached eleventy.after failed, and did not write what its
  // changes touched: Eleventy's next incremental build would write only the next change.
  let unfinished = false;
  function rebuildEverything(): void {
    fullRebuild = "asked";
    eleventy.setIncrementalBuild(false);
  }
  const eleventy = new Eleventy(".", output, {
    configPath: ".eleventy.js",
    runMode: options.server ? "serve" : "watch",
    config: (eleventyConfig) => {
      const events = eleventyConfig as EleventyConfig;
      // Its start-up message lists the network addresses only when it serves them.
      events.setServerOptions({ showAllHosts: options.lan === true });
      events.on("eleventy.beforeWatch", () => {
        if (unfinished) rebuildEverything();
      });
      events.on("eleventy.before", () => {
        unfinished = true;
        if (fullRebuild === "asked") fullRebuild = "running";
      });
      events.on("eleventy.after", () => {
        unfinished = false;
        if (fullRebuild !== "running") return;
        fullRebuild = undefined;
        eleventy.setIncrementalBuild(true);
      });
    },
  });
  await eleventy.init();
  eleventy.setIncrementalBuild(true);
  // The first build, then the watcher; what it returns rebuilds after a change to the file it is given.
  const rebuild = await watchOnceBuilt(eleventy, () => unfinished);
  eleventy.watcher.on("unlink", (file: string) => {
    removePostPage(output, file);
    rebuildEverything();
    // Should a build be running, Eleventy runs again once it ends, and that run is the full one.
    void rebuild(file);
  });
  // Eleventy's own listeners, added before these, have scheduled the rebuild
  // (on a timer, so it starts after these return); these only make it whole.
  eleventy.watcher.on("add", (file: string) => {
    if (isPostFile(file)) rebuildEverything();
  });
  eleventy.watcher.on("change", (file: string) => {
    if (changesNeighbours(file)) rebuildEverything();
  });
  if (options.server) {
    if (!options.lan) await serveLocallyOnly(eleventy);
    await eleventy.serve(options.port);
  }
  return { stop: () => eleventy.stopWatch() };
}

/** What an author may fix after a failed first build: posts, page templates, layouts, assets. */
const SOURCE_FOLDERS = ["posts", "pages", "layouts", "assets"];

/**
 * Eleventy's watch() starts its watcher only after a first build that
 * succeeded: started while a post had a problem, the preview reported it and
 * stopped. Now it waits for a save, then tries again, as it does after a
 * later build fails. An error before any build started (`buildFailed` says
 * whether one did) is no problem of the site's, and still stops it.
 */
export async function watchOnceBuilt(
  eleventy: Pick<Eleventy, "watch" | "restart" | "init">,
  buildFailed: () => boolean,
): Promise<(changedFile: string) => Promise<void>> {
  for (;;) {
    try {
      return await eleventy.watch();
    } catch (error) {
      if (!buildFailed()) throw error;
      // Eleventy has printed the problems, each with its file, line and field.
      console.log("Watching… the first build failed; it runs again when you save a file, and the preview starts once it succeeds.");
      await nextSave(SOURCE_FOLDERS);
      // What Eleventy does before each rebuild, so the next attempt reads everything afresh.
      await eleventy.restart();
      await eleventy.init();
    }
  }
}

/** Resolves once a file under one of `folders` has changed and kept still for 100 ms. */
function nextSave(folders: string[]): Promise<void> {
  return new Promise((resolve) => {
    const watchers: FSWatcher[] = [];
    let settle: NodeJS.Timeout | undefined;
    const saved = () => {
      clearTimeout(settle);
      settle = setTimeout(() => {
        for (const watcher of watchers) watcher.close();
        resolve();
      }, 100);
    };
    for (const folder of folders) if (existsSync(folder)) watchers.push(watch(folder, { recursive: true }, saved));
  });
}

/**
 * Whether a saved post file now shows the pages beside it differently: a
 * field the neighbours show (lib/content/listed-fields.ts) differs from the
 * last build's. A file that does not read as a post leaves them alone: the
 * build reports it and writes nothing.
 */
export function changesNeighbours(file: string): boolean {
  if (!isPostFile(file)) return false;
  const before = getPost(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return false;
  }
  const read = readPost(text);
  const now = read.ok ? frontmatterSchema.safeParse(read.post.data) : undefined;
  if (!now?.success) return false;
  if (!before) return true;
  // As JSON, so dates and lists compare by value.
  const shown = (data: Frontmatter) => JSON.stringify(neighbourFields.map((field) => data[field]));
  return shown(now.data) !== shown(before.data);
}

/**
 * Removes the page of a deleted post file, at its address (lib/site/addresses.ts),
 * from `output`. Anything else is left alone, including a file whose name is
 * not a slug: no name can reach outside the post's own folder.
 */
export function removePostPage(output: string, file: string): void {
  if (!isPostFile(file)) return;
  const slug = path.basename(file, ".md");
  if (POST_SLUG.test(slug)) rmSync(path.join(output, addresses.post(slug)), { recursive: true, force: true });
}

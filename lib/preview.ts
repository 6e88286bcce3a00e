/**
 * The live preview (`npm start`): Eleventy's watch mode with incremental
 * rebuilds and its dev server, started through Eleventy's API rather than its
 * command line for one reason. Eleventy 3.1 forgets a deleted file but does
 * not rebuild, so a deleted post stayed on the home page, its tags and its
 * month until the next save, and its page stayed reachable
 * (https://github.com/11ty/eleventy/issues/2798, fixed in Eleventy 4).
 *
 * Here a deletion removes the deleted post's page from the output folder,
 * then rebuilds every page: Eleventy's incremental rebuild would leave the
 * pages next to it linking to the page just removed. Deleting is rare; edits
 * stay incremental.
 * https://www.11ty.dev/docs/programmatic/
 */
import { rmSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { POST_SLUG } from "./slug.ts";

export interface PreviewOptions {
  /** The output folder, relative to the working directory (the project). */
  output?: string;
  /** Serve the site (Eleventy Dev Server, with live reload); without it, only watch and rebuild. */
  server: boolean;
  port?: number;
}

export interface Preview {
  stop(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const output = options.output ?? "_site";
  // A deletion asks for a full rebuild; the next build to start is one, and incremental rebuilds resume once it has finished.
  let fullRebuild: "asked" | "running" | undefined;
  const eleventy = new Eleventy(".", output, {
    configPath: ".eleventy.js",
    runMode: options.server ? "serve" : "watch",
    config: (eleventyConfig) => {
      const events = eleventyConfig as { on(event: "eleventy.before" | "eleventy.after", listener: () => void): void };
      events.on("eleventy.before", () => {
        if (fullRebuild === "asked") fullRebuild = "running";
      });
      events.on("eleventy.after", () => {
        if (fullRebuild !== "running") return;
        fullRebuild = undefined;
        eleventy.setIncrementalBuild(true);
      });
    },
  });
  await eleventy.init();
  eleventy.setIncrementalBuild(true);
  // The first build, then the watcher; what it returns rebuilds after a change to the file it is given.
  const rebuild = await eleventy.watch();
  eleventy.watcher.on("unlink", (file: string) => {
    removePostPage(output, file);
    fullRebuild = "asked";
    eleventy.setIncrementalBuild(false);
    // Should a build be running, Eleventy runs again once it ends, and that run is the full one.
    void rebuild(file);
  });
  if (options.server) await eleventy.serve(options.port);
  return { stop: () => eleventy.stopWatch() };
}

/**
 * Removes the page of a deleted post file, `/posts/<slug>/` (lib/post-data.ts),
 * from `output`. Anything else is left alone, including a file whose name is
 * not a slug: no name can reach outside the post's own folder.
 */
export function removePostPage(output: string, file: string): void {
  const [folder, ...rest] = path.normalize(file).split(path.sep);
  if (folder !== "posts" || rest.length === 0 || path.extname(file) !== ".md") return;
  const slug = path.basename(file, ".md");
  if (POST_SLUG.test(slug)) rmSync(path.join(output, "posts", slug), { recursive: true, force: true });
}

/**
 * Eleventy plugin: before each build, validate every post and stop the build,
 * listing every problem, if anything is wrong. Nothing renders from a bad post.
 * https://www.11ty.dev/docs/events/#eleventy.before
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "../types/eleventy.ts";
import { PostValidationError } from "./problems.ts";
import { readGitHistory } from "../content/git-dates.ts";
import { revisionDate } from "../content/revision-date.ts";
import { replacePosts, type StoredPost } from "../content/post-store.ts";
import { isPublished, isScheduled } from "../site/publication.ts";
import type { SiteMetadata } from "../site/settings.ts";
import { combineOutcomes } from "./post-set-checks.ts";
import { addCards } from "../images/post-cards.ts";
import type { FileOutcome } from "./outcome.ts";
import { findPostFiles, isPostFile } from "../content/post-files.ts";
import { cacheWriteSchedule } from "../cache/sealed-file.ts";
import { contentDigest, openValidationCache, outcomeOf, picturesStand, type OutcomeCache } from "../cache/validation-cache.ts";

export interface ValidatePluginOptions {
  site: SiteMetadata;
  /** The build's notion of "now", for scheduled posts. */
  now: Date;
  /** Keep outcomes in .cache/ between runs (lib/cache/validation-cache.ts), as `npm run check` does. */
  persist?: boolean;
}

/**
 * Each post's outcome: unchanged since the last rebuild of this process
 * (for the live preview: not among the files the watcher reported, or the
 * same bytes), else unchanged since an earlier run (same bytes, from
 * .cache/), else validated now. Bytes, not a file's time and size: an edit
 * that keeps both is still an edit.
 */
async function outcomesOf(
  root: string,
  files: string[],
  recent: RecentOutcomes,
  watched: WatchedChanges,
  stored: OutcomeCache | undefined,
  siteOrigin: string,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const full = path.join(root, file);
    const known = recent.get(full);
    if (known && watched.unchanged(full)) {
      outcomes.push(known.outcome);
      continue;
    }
    const bytes = readFileSync(full);
    const digest = contentDigest(bytes);
    if (known && known.digest === digest && picturesStand(root, known.outcome)) {
      outcomes.push(known.outcome);
      continue;
    }
    const outcome = await outcomeOf(stored, root, file, bytes, siteOrigin);
    recent.set(full, { digest, outcome });
    outcomes.push(outcome);
  }
  return outcomes;
}

type RecentOutcomes = Map<string, { digest: string; outcome: FileOutcome }>;

/**
 * In the live preview, the files Eleventy's watcher reported before this
 * rebuild (https://www.11ty.dev/docs/events/#eleventy.beforewatch). Only they
 * can differ from the last build, so the others need no `stat` on every save.
 * Any other build, or a change to anything
 * but posts, looks at every file.
 */
class WatchedChanges {
  #changed: Set<string> | undefined;

  reported(files: string[]): void {
    this.#changed = files.every(isPostFile) ? new Set(files.map((file) => path.resolve(file))) : undefined;
  }

  unchanged(full: string): boolean {
    return this.#changed !== undefined && !this.#changed.has(full);
  }

  /** Called once a build has read its posts: the next build is told its own changes, if any. */
  forget(): void {
    this.#changed = undefined;
  }
}

export default function validatePlugin(eleventyConfig: EleventyConfig, options: ValidatePluginOptions): void {
  const recent: RecentOutcomes = new Map();
  const watched = new WatchedChanges();
  eleventyConfig.on("eleventy.beforeWatch", (files) => watched.reported(files));
  let stored: OutcomeCache | undefined;
  const writeNow = cacheWriteSchedule();
  eleventyConfig.on("eleventy.before", async ({ directories, runMode }) => {
    const root = path.resolve(directories.input);
    if (options.persist) stored ??= openValidationCache(root, options.site.url);
    const { files, problems: folderProblems } = findPostFiles(root);
    // git runs while the posts are checked; a shallow clone or a missing git gives no history, never an error.
    const gitHistory = readGitHistory(root, "posts");
    let outcomes: FileOutcome[];
    try {
      outcomes = await outcomesOf(root, files, recent, watched, stored, options.site.url);
    } finally {
      watched.forget();
    }
    const report = combineOutcomes(files, outcomes, options.now, options.site.authors);
    report.problems.unshift(...folderProblems);
    // Good and bad outcomes alike: the next run re-checks only what changed.
    if (stored && writeNow(runMode)) {
      const { hits, misses } = stored.stats;
      console.log(`Posts checked: ${misses} validated, ${hits} unchanged from the build cache.`);
      stored.save();
    }
    if (report.problems.length > 0) throw new PostValidationError(report.problems);

    const history = await gitHistory;
    const posts = report.posts.map((post): StoredPost => {
      const scheduled = isScheduled(post.data, options.now);
      return {
        path: path.join(root, post.file),
        file: post.file,
        slug: post.slug,
        data: post.data,
        words: post.words,
        html: post.html,
        updated: revisionDate(post.data, history.revisedAt(post.file)),
        published: isPublished(post.data, options.site.context, options.now),
        unpublished: post.data.draft ? "draft" : scheduled ? "scheduled" : undefined,
        lead: post.lead,
        pictureFiles: post.pictureFiles ?? [],
      };
    });
    await addCards(root, options.site, posts);
    replacePosts(posts);
  });
}

/**
 * The validated posts of the current build, keyed by absolute path. Filled once per build by lib/checks/validate-plugin.ts,
 * read by the post directory data and the collections, so templates use typed,
 * validated values and never re-parse frontmatter.
 */
import path from "node:path";
import type { Frontmatter } from "./schema.ts";
import type { LeadPicture } from "../checks/outcome.ts";
import type { SocialCard } from "../images/card.ts";

export interface StoredPost {
  /** Absolute path of the Markdown file. */
  path: string;
  /** Path relative to the site root, as shown in messages: posts/foo.md */
  file: string;
  slug: string;
  data: Frontmatter;
  /** Words in the body, for the reading time. */
  words: number;
  /** The body as published: the HTML lib/checks/validate.ts judged. */
  html: string;
  /** Last revision: frontmatter `updated`, else git history, else none; never before the newest correction (lib/content/revision-date.ts). */
  updated: Date | undefined;
  /** Whether this build writes the post at all (drafts and scheduled posts only in previews). */
  published: boolean;
  /** Published in this build, but not live in production: shown with a banner. */
  unpublished: "draft" | "scheduled" | undefined;
  /** The lead picture, as the image pipeline made it (lib/images/). */
  lead?: LeadPicture;
  /** The card social networks show for a story without a lead picture (lib/images/card.ts). */
  card?: SocialCard;
  /** The files below .cache/images/ this post's pages show: published with it. */
  pictureFiles: string[];
}

const posts = new Map<string, StoredPost>();
let spellings: string[] | undefined;

export function replacePosts(entries: StoredPost[]): void {
  posts.clear();
  spellings = undefined;
  for (const entry of entries) posts.set(entry.path, entry);
}

/** Every post of this build, published or not. */
export function allPosts(): Iterable<StoredPost> {
  return posts.values();
}

/** Every tag as written in any post (`Politics` and `politics` both), computed once per build. */
export function tagSpellings(): string[] {
  spellings ??= [...new Set([...posts.values()].flatMap((post) => post.data.tags))];
  return spellings;
}

/** Eleventy's inputPaths, resolved: every build looks each post up two or three times, and path.resolve showed in profiles. */
const resolved = new Map<string, string>();
let resolvedIn = "";

/** Looks a post up by Eleventy's inputPath, which is relative to the working directory. */
export function getPost(inputPath: string): StoredPost | undefined {
  if (process.cwd() !== resolvedIn) {
    resolved.clear();
    resolvedIn = process.cwd();
  }
  let key = resolved.get(inputPath);
  if (key === undefined) resolved.set(inputPath, (key = path.resolve(inputPath)));
  return posts.get(key);
}

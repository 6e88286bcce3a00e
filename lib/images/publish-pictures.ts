/**
 * After the build, the pictures the published posts show are published from
 * where the pipeline keeps them (.cache/images/) into the output under
 * addresses.images. Only those: a picture of a draft, or of a
 * post since deleted, stays in the cache and is not published. Each name
 * carries a hash of what it holds, so a file already in the output is the
 * same picture and is not published again (the live preview writes into one
 * folder build after build).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync } from "node:fs";
import path from "node:path";
import { allPosts } from "../content/post-store.ts";
import { addresses } from "../site/addresses.ts";
import { PICTURES_FOLDER } from "./pictures-folder.ts";

/** The files below .cache/images/ that this build publishes. */
function publishedPictureFiles(): Set<string> {
  const files = new Set<string>();
  for (const post of allPosts()) {
    if (!post.published) continue;
    for (const file of post.pictureFiles) files.add(file);
    if (post.card) files.add(post.card.file);
  }
  return files;
}

/** Copies this build's pictures from the project at `input` into the output folder. */
export function copyPublishedPictures(input: string, output: string): void {
  const from = path.resolve(input, PICTURES_FOLDER);
  const to = path.join(path.resolve(output), addresses.images);
  const files = publishedPictureFiles();
  if (files.size > 0) mkdirSync(to, { recursive: true });
  for (const file of files) {
    const target = path.join(to, file);
    if (!existsSync(target)) publish(path.join(from, file), target);
  }
}

/**
 * A second name for the same bytes rather than a copy of them: every build
 * publishes every picture again, and a link costs no reading or writing. No
 * one writes to either name (a picture's name is its content's hash). Where
 * the output is on another disk than .cache/, or links are not allowed, a copy.
 */
function publish(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

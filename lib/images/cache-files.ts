/**
 * The files the image pipeline makes, in <root>/.cache/images/ and published
 * under addresses.images. Browsers and the CDN keep those for good (netlify.toml
 * marks /assets/* immutable), so each name carries a hash of everything that
 * decides its bytes: a changed picture or setting is a new name, never new
 * bytes under an old one. A file already there is the same picture and is
 * not made again, which is how a build with nothing changed encodes nothing.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { attempt } from "../publish/output-write-error.ts";
import { addresses } from "../site/addresses.ts";
import { PICTURES_FOLDER } from "./pictures-folder.ts";

export const picturesDir = (root: string) => path.join(root, ...PICTURES_FOLDER.split("/"));

export const pictureUrl = (name: string) => `${addresses.images}${name}`;

/** Ten base64url characters (60 bits): no two pictures of a site share one, and URLs stay short. */
export function shortHash(...parts: Array<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("base64url").slice(0, 10);
}

/**
 * The readable start of an output's name, from its source file (media/Harbour Bridge.JPG
 * is "harbour-bridge"): only letters, digits and dashes, so a name never needs
 * escaping in a URL and never splits a srcset, whose entries end at a space or comma.
 */
export function nameStem(file: string): string {
  const stem = path.posix
    .basename(file, path.posix.extname(file))
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return stem || "picture";
}

/**
 * Makes `name` in the pictures folder unless it is there already: `make` is
 * called only then. Written beside it first and renamed into place, so a build
 * stopped halfway leaves no half a file under a name the next build would take as done.
 */
export async function writeOnce(root: string, name: string, make: () => Promise<Uint8Array>): Promise<void> {
  const target = path.join(picturesDir(root), name);
  if (existsSync(target)) return;
  const bytes = await make();
  // A full disk or a missing permission is said in plain words, as for the output folder.
  await attempt("write pictures to", picturesDir(root), async () => {
    await makeFolders(root);
    const partial = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
    try {
      await writeFile(partial, bytes);
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
  });
}

/**
 * The pictures folder and the folder above it, one at a time: Node 20's
 * recursive mkdir reports a full disk or a read-only file system as ENOENT
 * (nodejs/node#42808, #47098), a plain mkdir says what the system said.
 */
async function makeFolders(root: string): Promise<void> {
  const folder = picturesDir(root);
  for (const [index] of PICTURES_FOLDER.split("/").entries()) {
    const level = path.join(root, ...PICTURES_FOLDER.split("/").slice(0, index + 1));
    try {
      await mkdir(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  if (!existsSync(folder)) throw new Error(`could not make ${folder}`);
}

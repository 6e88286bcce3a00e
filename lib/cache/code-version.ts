/**
 * What a stored outcome depends on besides its own input: the code that made
 * it (the lib/ modules named, each by its bytes), the lock file (the versions
 * of yaml, zod, markdown-it, parse5…), the Node version and whatever else the
 * caller names. A change to any of them gives another fingerprint, and
 * outcomes stored under the old one are not used.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const LIB = fileURLToPath(new URL("..", import.meta.url));

/** One fingerprint of `modules` (paths below lib/), the lock file, Node and `context` (a format number, the site's address). */
export function codeVersion(modules: readonly string[], context: string): string {
  const hash = createHash("sha256").update(`${context}\0node ${process.version}\0`);
  for (const name of modules)
    hash
      .update(`${name}\0`)
      .update(readFileSync(path.join(LIB, name)))
      .update("\0");
  try {
    hash.update(readFileSync(path.join(LIB, "..", "package-lock.json")));
  } catch {
    hash.update("no lock file");
  }
  return hash.digest("base64url");
}

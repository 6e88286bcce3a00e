// The lib/ modules a module loads, read by the TypeScript compiler's own
// scanner: what the caches' lists of the code their outcomes depend on
// (VALIDATING_MODULES, SETTINGS_MODULES) are held to.
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const LIB = path.join(import.meta.dirname, "..", "..", "lib");

/** `entry` (a path below lib/) and every lib/ module it reaches through relative imports. */
export function importClosure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const imports = ts.preProcessFile(readFileSync(path.join(LIB, entry), "utf8"), true, true).importedFiles;
  for (const { fileName } of imports)
    if (fileName.startsWith(".")) importClosure(path.posix.join(path.posix.dirname(entry), fileName), seen);
  return seen;
}

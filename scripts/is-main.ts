/**
 * Whether a module is the script node was started with. Compares real paths:
 * node resolves symlinks in import.meta.url but not in process.argv.
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";

export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === moduleUrl;
  } catch {
    return false;
  }
}

/**
 * Where the publication's settings come from: the file and its bytes. A leaf,
 * shared by the checker (settings-file.ts) and the store that keeps its
 * verdict (settings-store.ts), so neither imports the other.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SiteSettings } from "./settings-schema.ts";

/** The settings file, at the root of the project. */
export const SETTINGS_FILE = "site.yaml";

export type SettingsReading = { ok: true; settings: SiteSettings } | { ok: false; problems: string[] };

/** site.yaml's bytes, or the problem of a file that cannot be read. */
export function readSettingsBytes(root: string): Buffer | SettingsReading {
  try {
    return readFileSync(path.join(root, SETTINGS_FILE));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "found no such file" : `could not read it: ${(error as Error).message}`;
    return {
      ok: false,
      problems: [`${SETTINGS_FILE}:1:1: file: expected the publication's settings at the root of the project, ${reason}`],
    };
  }
}

/**
 * The publication's settings as the build and `npm run check` get them: the
 * file site.yaml, checked (lib/site/settings-file.ts). Checking needs `yaml`
 * and zod, which a run where no post changed otherwise never loads
 * (lib/cache/validation-cache.ts), so the settings last checked are kept in
 * `.cache/` by the sha256 of the file's bytes, with the post outcomes, and
 * used again while the file and the checking code stay the same.
 *
 * The stored settings are held to what the post outcomes are held to: with
 * BUILD_CACHE_KEY the file is sealed and an altered one ignored whole
 * (lib/cache/sealed-file.ts); without it, the stored addresses are checked again,
 * so a cache cannot point the site's links anywhere site.yaml does not.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { codeVersion } from "../cache/code-version.ts";
import { SealedFile } from "../cache/sealed-file.ts";
import { isPageAddress, siteOrigin } from "./origin.ts";
import { AUTHOR_KEY } from "../content/slug.ts";
import type { SiteSettings } from "./settings-schema.ts";
import { readSettingsBytes, SETTINGS_FILE, type SettingsReading } from "./settings-source.ts";

/** Bump when the stored shape changes. */
const FORMAT = 2;

/**
 * lib/site/settings-file.ts and every module it imports, and this file: all the code
 * stored settings depend on. tests/unit/site/settings-store.test.ts holds the
 * list to the import graph.
 */
export const SETTINGS_MODULES = [
  "cache/code-version.ts",
  "cache/sealed-file.ts",
  "checks/problems.ts",
  "checks/suggest.ts",
  "content/bidi.ts",
  "content/control-characters.ts",
  "content/frontmatter.ts",
  "content/limits.ts",
  "content/slug.ts",
  "content/yaml-positions.ts",
  "site/origin.ts",
  "site/settings-file.ts",
  "site/settings-schema.ts",
  "site/settings-source.ts",
  "site/settings-store.ts",
];

interface StoredSettings {
  digest: string;
  settings: SiteSettings;
}

export interface ReadOptions {
  /** Keep the checked settings in `.cache/` (BUILD_CACHE=off: never read nor written). */
  cache: boolean;
  /** BUILD_CACHE_KEY, which seals the cache. */
  key?: string;
}

/** The settings of the project at `root`, or every problem of its site.yaml. */
export async function readSettings(root: string, options: ReadOptions): Promise<SettingsReading> {
  const bytes = readSettingsBytes(root);
  if (!Buffer.isBuffer(bytes)) return bytes;
  const digest = createHash("sha256").update(bytes).digest("base64url");
  const kept = options.cache
    ? new SealedFile<StoredSettings>(path.join(root, ".cache", "settings.v8"), settingsCodeVersion(), options.key)
    : undefined;
  const plausible = (settings: SiteSettings) =>
    kept?.trusted ||
    (siteOrigin(settings.url) === settings.url &&
      isPageAddress(settings.author.url) &&
      Object.entries(settings.authors ?? {}).every(
        ([key, person]) => AUTHOR_KEY.test(key) && (person.link === undefined || isPageAddress(person.link)),
      ));
  const stored = kept?.get(SETTINGS_FILE, (entry) => entry.digest === digest && plausible(entry.settings));
  if (stored) return { ok: true, settings: stored.settings };

  const { checkSettingsFile } = await import("./settings-file.ts");
  const checked = checkSettingsFile(SETTINGS_FILE, bytes);
  if (!checked.ok) return checked;
  kept?.set(SETTINGS_FILE, { digest, settings: checked.settings });
  kept?.save();
  return checked;
}

/** One fingerprint of everything a stored outcome depends on besides the file itself. */
export function settingsCodeVersion(): string {
  return codeVersion(SETTINGS_MODULES, `format ${FORMAT}`);
}

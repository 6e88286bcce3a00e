// The settings last checked, kept in .cache/ so that a run in which nothing
// changed loads neither yaml nor zod: used only for the same bytes and the
// same checking code, and never to point the site at an address site.yaml
// does not give.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectWith } from "../../support/settings-project.ts";
import { importClosure } from "../../support/import-closure.ts";
import { SealedFile } from "../../../lib/cache/sealed-file.ts";
import { readSettings, SETTINGS_MODULES, settingsCodeVersion } from "../../../lib/site/settings-store.ts";

const PROJECT = path.join(import.meta.dirname, "..", "..", "..");

const project = readFileSync(path.join(PROJECT, "site.yaml"), "utf8");
const cacheFile = (root: string) => path.join(root, ".cache", "settings.v8");

describe("the settings kept between runs", () => {
  it("keeps what it checked, and checks the file again once it changed", async () => {
    const root = projectWith(project);
    const first = await readSettings(root, { cache: true });
    expect(first.ok && first.settings.pageSize).toBe(20);
    expect(existsSync(cacheFile(root))).toBe(true);
    expect(await readSettings(root, { cache: true })).toEqual(first);

    writeFileSync(path.join(root, "site.yaml"), project.replace("pageSize: 20", "pageSize: 7"));
    const edited = await readSettings(root, { cache: true });
    expect(edited.ok && edited.settings.pageSize).toBe(7);
    writeFileSync(path.join(root, "site.yaml"), project.replace("pageSize: 20", "pageSize: seven"));
    expect((await readSettings(root, { cache: true })).ok).toBe(false);
  });

  it("writes nothing with the cache off", async () => {
    const root = projectWith(project);
    expect((await readSettings(root, { cache: false })).ok).toBe(true);
    expect(existsSync(cacheFile(root))).toBe(false);
  });

  it("does not take an address from an unsealed cache that site.yaml does not give", async () => {
    const root = projectWith(project);
    const checked = await readSettings(root, { cache: true });
    if (!checked.ok) throw new Error(checked.problems.join("\n"));
    const digest = createHash("sha256")
      .update(readFileSync(path.join(root, "site.yaml")))
      .digest("base64url");
    const store = (settings: object) => {
      const kept = new SealedFile(cacheFile(root), settingsCodeVersion());
      kept.set("site.yaml", { digest, settings: { ...checked.settings, ...settings } });
      kept.save();
    };
    // What is stored for these bytes is what a run gets, unchecked: the file is not read as YAML again.
    store({ pageSize: 99 });
    const stored = await readSettings(root, { cache: true });
    expect(stored.ok && stored.settings.pageSize).toBe(99);
    for (const forged of [{ url: "javascript:alert(1)" }, { author: { name: "x", url: "javascript:alert(1)" } }]) {
      store(forged);
      expect(await readSettings(root, { cache: true })).toEqual(checked);
    }
  });
});

describe("the code stored settings depend on", () => {
  it("is lib/site/settings-file.ts with everything it imports, and the store itself", () => {
    const expected = [...importClosure("site/settings-file.ts"), ...importClosure("site/settings-store.ts")];
    expect([...SETTINGS_MODULES].sort()).toEqual([...new Set(expected)].sort());
  });
});

// lib/publish/output-folder.ts: the folders a build keeps beside the output, and the recovery that leaves a complete site in place after any kill.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { discardPrevious, previousFolder, recoverOutput, stagingFolder } from "../../../lib/publish/output-folder.ts";
import { deadPid } from "../../support/output-folders.ts";

const parents: string[] = [];
afterAll(() => {
  for (const parent of parents) rmSync(parent, { recursive: true, force: true });
});

/** A folder to hold `_site` and its neighbours. */
function parentFolder(): { parent: string; output: string; names: () => string[] } {
  const parent = mkdtempSync(path.join(tmpdir(), "output-folder-"));
  parents.push(parent);
  return { parent, output: path.join(parent, "_site"), names: () => readdirSync(parent).sort() };
}

/** A site folder whose index.html says which site it is. */
function site(folder: string, label: string): void {
  mkdirSync(path.join(folder, "posts"), { recursive: true });
  writeFileSync(path.join(folder, "index.html"), label);
}
const label = (folder: string) => readFileSync(path.join(folder, "index.html"), "utf8");

const DEAD = deadPid();
/** The process that started this test worker: running for as long as the test does. */
const RUNNING = process.ppid;

describe("folder names", () => {
  it("names the staging and previous folders after the output and a process", () => {
    expect(stagingFolder("/x/_site", 42)).toBe("/x/_site.staging-42");
    expect(previousFolder("/x/_site", 42)).toBe("/x/_site.previous-42");
    expect(stagingFolder("/x/_site")).toBe(`/x/_site.staging-${process.pid}`);
  });
});

describe("discardPrevious", () => {
  it("removes the old site, leaving nothing beside the output", async () => {
    const { output, names } = parentFolder();
    site(output, "new");
    site(previousFolder(output, DEAD), "old");
    await discardPrevious(previousFolder(output, DEAD));
    expect(names()).toEqual(["_site"]);
  });
});

describe("recoverOutput", () => {
  it("does nothing to a lone output folder, or when there is nothing at all", async () => {
    const { output, names } = parentFolder();
    await recoverOutput(output);
    expect(names()).toEqual([]);
    site(output, "live");
    await recoverOutput(output);
    expect([names(), label(output)]).toEqual([["_site"], "live"]);
    await expect(recoverOutput(path.join(output, "missing", "_site"))).resolves.toBeUndefined();
  });

  it("puts the old site back when a build died between setting it aside and moving the new one in", async () => {
    const { output, names } = parentFolder();
    site(previousFolder(output, DEAD), "old");
    site(stagingFolder(output, DEAD), "half");
    await recoverOutput(output);
    expect([names(), label(output)]).toEqual([["_site"], "old"]);
  });

  it("keeps a complete output and discards a dead build's previous site", async () => {
    const { output, names } = parentFolder();
    site(output, "new");
    site(previousFolder(output, DEAD), "old");
    await recoverOutput(output);
    expect([names(), label(output)]).toEqual([["_site"], "new"]);
  });

  it("removes what dead builds left half-written or half-removed", async () => {
    const { output, names } = parentFolder();
    site(output, "live");
    site(stagingFolder(output, DEAD), "half");
    site(path.join(path.dirname(output), `_site.removing-${DEAD}`), "going");
    await recoverOutput(output);
    expect(names()).toEqual(["_site"]);
  });

  it("counts leftovers bearing its own pid as dead: pids are reused", async () => {
    const { output, names } = parentFolder();
    site(previousFolder(output), "old");
    site(stagingFolder(output), "half");
    await recoverOutput(output);
    expect([names(), label(output)]).toEqual([["_site"], "old"]);
  });

  it("leaves a running build's folders alone, and puts nothing back while it swaps", async () => {
    const { output, names } = parentFolder();
    site(stagingFolder(output, RUNNING), "being written");
    site(previousFolder(output, RUNNING), "set aside");
    site(previousFolder(output, DEAD), "older");
    await recoverOutput(output);
    expect(existsSync(output)).toBe(false);
    expect(names()).toEqual([`_site.previous-${RUNNING}`, `_site.staging-${RUNNING}`]);
  });

  it("puts back the site set aside last when several dead builds left one", async () => {
    const { output, names } = parentFolder();
    const [first, second] = [deadPid(), deadPid()];
    site(previousFolder(output, first), "earlier");
    await sleep(20);
    // Renamed into place, as a build sets a site aside: the rename is what dates it.
    site(path.join(path.dirname(output), "incoming"), "later");
    renameSync(path.join(path.dirname(output), "incoming"), previousFolder(output, second));
    await recoverOutput(output);
    expect([names(), label(output)]).toEqual([["_site"], "later"]);
  });

  it("touches no other folder beside the output", async () => {
    const { output, names } = parentFolder();
    site(output, "live");
    for (const name of ["_site.backup", `_site.staging-${DEAD}x`, `_sites.staging-${DEAD}`, `other.staging-${DEAD}`]) {
      site(path.join(path.dirname(output), name), name);
    }
    await recoverOutput(output);
    expect(names()).toEqual(["_site", `_site.staging-${DEAD}x`, "_site.backup", `_sites.staging-${DEAD}`, `other.staging-${DEAD}`].sort());
  });
});

/**
 * A build killed at any point (SIGKILL: no cleanup of its own runs): the next
 * build, and the next `npm start`, bring back a complete _site, the old one
 * or the new one, and remove what the killed build left beside it; what a
 * build that is still running keeps there is left alone.
 *
 * One kill is real, while Eleventy writes. The points between the renames of
 * the swap (lib/publish/output-folder.ts) last too short a time to hit by timing, so
 * those tests make on disk exactly the state a kill there leaves, named with
 * the pid of a process that has exited.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  copyOfSite,
  deadPid,
  expectCompleteSite,
  fingerprint,
  halfWritten,
  killOnceWriting,
  leftovers,
} from "../../support/output-folders.ts";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";
import { watchSite } from "../../support/watching-site.ts";

const post = (title: string, date = "2024-01-10") => `---
title: ${title}
date: ${date}
description: Boats are back.
---

The harbour reopened on Tuesday.
`;

const ENV = { CONTEXT: "production", SITE_URL: "https://news.example.org" };
const SLUG = "harbour-reopens";

let site: ScratchSite;
/** The first build's site, kept elsewhere: each test starts from it, whatever the one before left. */
let pristine: string;
const staging = (pid: number) => `${site.output}.staging-${pid}`;
const previous = (pid: number) => `${site.output}.previous-${pid}`;

/** The next build succeeds, and leaves a complete site titled `title` and nothing beside it. */
async function expectBuildRecovers(title: string): Promise<void> {
  await site.writePost(`${SLUG}.md`, post(title));
  const next = await site.build(ENV);
  expect(next.stderr).toBe("");
  expect(next.code).toBe(0);
  expectCompleteSite(site.output, SLUG, title);
  expect(leftovers(site.root)).toEqual([]);
}

beforeAll(async () => {
  site = await createScratchSite({ [`${SLUG}.md`]: post("Harbour reopens") });
  expect((await site.build(ENV)).code).toBe(0);
  pristine = path.join(mkdtempSync(path.join(tmpdir(), "pristine-site-")), "_site");
  cpSync(site.output, pristine, { recursive: true });
});

beforeEach(async () => {
  for (const name of [...leftovers(site.root), "_site"]) rmSync(path.join(site.root, name), { recursive: true, force: true });
  cpSync(pristine, site.output, { recursive: true });
  await site.writePost(`${SLUG}.md`, post("Harbour reopens"));
});

afterAll(async () => {
  await site?.remove();
  if (pristine) rmSync(path.dirname(pristine), { recursive: true, force: true });
});

describe("a build killed", () => {
  it("while Eleventy writes (a real SIGKILL): _site is untouched, and the next build removes the half staging folder", async () => {
    const before = fingerprint(site.output);
    await site.writePost(`${SLUG}.md`, post("Harbour reopens again"));
    const pid = await killOnceWriting(site, ENV);
    expect(fingerprint(site.output)).toEqual(before);
    expect(leftovers(site.root)).toEqual([path.basename(staging(pid))]);
    await expectBuildRecovers("Harbour reopens, killed while writing");
  });

  it("between its two renames: the next build puts the old site back first, even when it fails itself", async () => {
    const before = fingerprint(site.output);
    const pid = deadPid();
    // Step 1 done (the complete old site renamed aside), step 2 not: _site is missing.
    renameSync(site.output, previous(pid));
    halfWritten(staging(pid), previous(pid));
    await site.writePost(`${SLUG}.md`, post("Harbour reopens", "next Tuesday"));
    const failed = await site.build(ENV);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("date: expected a date like");
    expect(existsSync(site.output), "_site is back").toBe(true);
    expect(fingerprint(site.output)).toEqual(before);
    expect(leftovers(site.root)).toEqual([]);
    await expectBuildRecovers("Harbour reopens, killed between the renames");
  });

  it("between its two renames on its first build (no old site): the next build writes a new one", async () => {
    const pid = deadPid();
    // Step 1 found no _site to put aside; step 2 not done.
    renameSync(site.output, staging(pid));
    await expectBuildRecovers("Harbour reopens, killed on its first build");
  });

  it("after its second rename: the next build removes the old site left aside", async () => {
    copyOfSite(site, previous(deadPid()));
    await expectBuildRecovers("Harbour reopens, killed after the swap");
  });

  it("while removing the old site: the next build removes what is left of it", async () => {
    // Step 3 renamed the old site to removing-<pid> before removing it; the removal stopped halfway.
    halfWritten(`${site.output}.removing-${deadPid()}`, site.output);
    await expectBuildRecovers("Harbour reopens, killed while removing");
  });
});

describe("a build still running", () => {
  it("keeps its folders: they are removed only once it has ended", async () => {
    const running = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    const pid = running.pid;
    if (pid === undefined) throw new Error("could not start a process to stand for a running build");
    try {
      halfWritten(staging(pid), site.output);
      copyOfSite(site, previous(pid));
      const kept = { staging: fingerprint(staging(pid)), previous: fingerprint(previous(pid)) };
      const next = await site.build(ENV);
      expect(next.code).toBe(0);
      expect({ staging: fingerprint(staging(pid)), previous: fingerprint(previous(pid)) }).toEqual(kept);
    } finally {
      const ended = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await ended;
    }
    await expectBuildRecovers("Harbour reopens, after a build that ran alongside");
  });
});

describe("npm start after a build killed between its two renames", () => {
  it("puts the last complete site back before its first build, and removes every leftover", async () => {
    const [killed, earlier] = [deadPid(), deadPid()];
    // A file no build writes: found in _site afterwards, it came from the old site put back.
    writeFileSync(path.join(site.output, "put-back.txt"), "the last complete site");
    renameSync(site.output, previous(killed));
    halfWritten(staging(killed), previous(killed));
    // An older build's removal of its old site, stopped halfway: never taken for a complete site.
    halfWritten(`${site.output}.removing-${earlier}`, previous(killed));
    const preview = await watchSite(site.root, ENV);
    await preview.stop();
    expect(existsSync(path.join(site.output, "put-back.txt"))).toBe(true);
    expectCompleteSite(site.output, SLUG, "Harbour reopens");
    expect(leftovers(site.root)).toEqual([]);
  });
});

/**
 * A build that cannot write its output, for the machine's reasons: a full
 * disk, a folder this user may not write to, a read-only file system. Each is
 * said in plain words with the folder, exits 1, and publishes nothing: no
 * _site on a first build, the old _site untouched after one, no staging left.
 *
 * Real conditions, not stubs: a tmpfs a little too small, a folder without
 * write permission and a build without root's power to ignore it, a
 * read-only bind mount. These need root (mount, setpriv); without it the
 * tests fail and say so.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, realpathSync, rmdirSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fingerprint, leftovers } from "../../support/output-folders.ts";
import { createScratchSite, type RunResult, type ScratchSite } from "../../support/scratch-site.ts";

const post = (title: string) => `---
title: ${title}
date: 2024-01-10
description: Boats are back.
---

The harbour reopened on Tuesday.
`;

const ENV = { CONTEXT: "production", SITE_URL: "https://news.example.org" };
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The one line a failed build prints: the staging folder it could not write, why, and what to do. */
/** The one line a build that cannot write says: about the output, or about the pictures it makes first (.cache/images/). */
const plainWords = (root: string, why: string, fix: string) => {
  const folder = escapeRegExp(realpathSync(root));
  return new RegExp(
    `^Cannot write (the site to ${folder}/_site\\.staging-\\d+|pictures to ${folder}/\\.cache/images): ${escapeRegExp(why)}\\. ${escapeRegExp(fix)}\n$`,
  );
};

const mounted: string[] = [];
const disks: string[] = [];
const sites: ScratchSite[] = [];

function asRoot(command: string, args: string[], purpose: string): void {
  try {
    execFileSync(command, args, { stdio: "pipe" });
  } catch (error) {
    const said = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`This test ${purpose}, which needs root: \`${command} ${args.join(" ")}\` failed: ${said || String(error)}`);
  }
}

/** A scratch site whose folder is on a tmpfs of `size`, so a build fills it. */
async function siteOnTmpfs(size: string): Promise<{ site: ScratchSite; disk: string }> {
  const disk = mkdtempSync(path.join(tmpdir(), "full-disk-"));
  disks.push(disk);
  asRoot("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", disk], "mounts a small tmpfs to fill");
  mounted.push(disk);
  // os.tmpdir() follows TMPDIR: the scratch site is made inside the tmpfs.
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = disk;
  try {
    const site = await createScratchSite({ "harbour-reopens.md": post("Harbour reopens") });
    sites.push(site);
    return { site, disk };
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/** Fills the disk but for a few pages: enough to read the site, not to write it. */
function fill(disk: string): void {
  const { bavail, bsize } = statfsSync(disk);
  writeFileSync(path.join(disk, "filler"), Buffer.alloc(Math.max(0, (bavail - 4) * bsize)));
}

function expectNothingPublished(failed: RunResult, site: ScratchSite, before: Record<string, string> | undefined, message: RegExp): void {
  expect(failed.stderr).toMatch(message);
  expect(failed.code).toBe(1);
  expect(leftovers(site.root)).toEqual([]);
  if (before === undefined) expect(() => fingerprint(site.output)).toThrow(/ENOENT/);
  else expect(fingerprint(site.output)).toEqual(before);
}

afterAll(async () => {
  for (const folder of mounted.reverse()) execFileSync("umount", [folder]);
  for (const site of sites) await site.remove();
  for (const disk of disks) rmdirSync(disk);
});

describe("a full disk", () => {
  it("is said in plain words, and publishes nothing, on a first build and over a published site", async () => {
    const { site, disk } = await siteOnTmpfs("1m");
    const full = plainWords(site.root, "the disk is full (ENOSPC)", "Free some space and build again.");
    fill(disk);
    expectNothingPublished(await site.build(ENV), site, undefined, full);

    rmSync(path.join(disk, "filler"));
    expect((await site.build(ENV)).code).toBe(0);
    const published = fingerprint(site.output);
    fill(disk);
    await site.writePost("harbour-reopens.md", post("Harbour reopens for good"));
    expectNothingPublished(await site.build(ENV), site, published, full);
  });

  it("out of inodes, with bytes to spare, is a full disk too", async () => {
    const { site, disk } = await siteOnTmpfs("4m");
    // Room for a few more files and folders, far fewer than a site has.
    const { files, ffree } = statfsSync(disk);
    asRoot("mount", ["-o", `remount,nr_inodes=${files - ffree + 3}`, disk], "limits a tmpfs's inodes");
    const full = plainWords(site.root, "the disk is full (ENOSPC)", "Free some space and build again.");
    expectNothingPublished(await site.build(ENV), site, undefined, full);
  });
});

describe("a folder the build may not write to", () => {
  it("without write permission: said in plain words, the published site untouched", async () => {
    const site = await createScratchSite({ "harbour-reopens.md": post("Harbour reopens") });
    sites.push(site);
    expect((await site.build(ENV)).code).toBe(0);
    const published = fingerprint(site.output);
    // No write bit for anyone; the build runs as root without the capability
    // that lets root ignore permissions, so they apply to it as to any user.
    // (Running as another user needs every parent folder of the checkout to be
    // readable by that user, which a CI clone need not be.)
    chmodSync(site.root, 0o555);
    const withoutOverride = ["--bounding-set=-dac_override,-dac_read_search", "--", process.execPath];
    try {
      const failed = await site.run("setpriv", [...withoutOverride, "--import", "./scripts/typescript.js", "scripts/build.ts"], ENV);
      const message = plainWords(
        site.root,
        "permission denied (EACCES)",
        `Let the user ${userInfo().username} write to ${realpathSync(site.root)}, or build as a user who may, and build again.`,
      );
      expectNothingPublished(failed, site, published, message);
    } finally {
      chmodSync(site.root, 0o755);
    }
  });

  it("on a read-only file system: said in plain words, the published site untouched", async () => {
    const site = await createScratchSite({ "harbour-reopens.md": post("Harbour reopens") });
    sites.push(site);
    expect((await site.build(ENV)).code).toBe(0);
    const published = fingerprint(site.output);
    asRoot("mount", ["--bind", site.root, site.root], "mounts the site read-only");
    mounted.push(site.root);
    asRoot("mount", ["-o", "remount,bind,ro", site.root], "mounts the site read-only");
    const message = plainWords(
      site.root,
      "the file system is read-only (EROFS)",
      "Build on a writable file system, or mount this one read-write, and build again.",
    );
    expectNothingPublished(await site.build(ENV), site, published, message);
  });
});

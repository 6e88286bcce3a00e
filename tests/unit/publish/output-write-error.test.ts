/**
 * lib/publish/output-write-error.ts on real file systems (mounted here, which needs
 * root; without it the tests fail and say so): the system's reason is found
 * however deep Eleventy wrapped it, and found again behind the ENOENT that
 * Node's recursive mkdir reports instead (nodejs/node#42808, #47098), which
 * is how Eleventy's passthrough copy makes folders.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { asOutputWriteError, OutputWriteError, unmaskMkdir } from "../../../lib/publish/output-write-error.ts";

const mounted: string[] = [];
const folders: string[] = [];

function mount(args: string[], at: string): void {
  try {
    execFileSync("mount", [...args, at], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`This test mounts file systems, which needs root: mount ${args.join(" ")} failed: ${String(error)}`);
  }
  mounted.push(at);
}

function folder(): string {
  const made = mkdtempSync(path.join(tmpdir(), "output-write-error-"));
  folders.push(made);
  return made;
}

/** What Eleventy throws for a failed passthrough copy: the system's error two `originalError`s deep. */
function wrappedAsEleventyDoes(error: unknown): Error {
  const inner = Object.assign(new Error("Error copying passthrough files"), { originalError: error });
  return Object.assign(new Error("Having trouble copying './assets'"), { originalError: inner });
}

afterAll(() => {
  for (const at of mounted.reverse()) execFileSync("umount", [at]);
  for (const made of folders) rmSync(made, { recursive: true, force: true });
});

describe("asOutputWriteError", () => {
  it("finds ENOSPC under Eleventy's wrappers and says it in plain words, with the folder", async () => {
    const disk = folder();
    mount(["-t", "tmpfs", "-o", "size=16k", "tmpfs"], disk);
    const error = await mkdir(path.join(disk, "_site.staging-1"))
      .then(() => writeFileSync(path.join(disk, "_site.staging-1", "big"), Buffer.alloc(64 * 1024)))
      .catch((caught: unknown) => caught);
    const reported = asOutputWriteError("write the site to", "/x/_site.staging-1", wrappedAsEleventyDoes(error));
    expect(reported).toBeInstanceOf(OutputWriteError);
    expect((reported as Error).message).toBe(
      "Cannot write the site to /x/_site.staging-1: the disk is full (ENOSPC). Free some space and build again.",
    );
  });

  it("leaves an error that is not the machine's as it is", () => {
    const error = new Error("a template failed");
    expect(asOutputWriteError("write the site to", "/x/_site.staging-1", error)).toBe(error);
  });
});

describe("unmaskMkdir", () => {
  it("finds ENOSPC behind a recursive mkdir's ENOENT on a disk out of inodes", async () => {
    const disk = folder();
    mount(["-t", "tmpfs", "-o", "size=1m,nr_inodes=16", "tmpfs"], disk);
    const staging = path.join(disk, "_site.staging-1");
    mkdirSync(staging);
    // Files until no inode is left: a full disk that still has bytes free.
    for (let file = 0; ; file++) {
      try {
        writeFileSync(path.join(staging, `page-${file}.html`), "");
      } catch {
        break;
      }
    }
    const error = await mkdir(path.join(staging, "assets", "fonts"), { recursive: true }).catch((caught: unknown) => caught);
    const message = (also: unknown[]) =>
      String((asOutputWriteError("write the site to", staging, wrappedAsEleventyDoes(error), also) as Error).message);
    expect(message(await unmaskMkdir(staging, [error]))).toMatch(/^Cannot write the site to .*: the disk is full \(ENOSPC\)\./);
  });

  it("finds EROFS behind a recursive mkdir's ENOENT on a read-only file system", async () => {
    const parent = folder();
    const staging = path.join(parent, "_site.staging-1");
    mkdirSync(staging);
    mount(["--bind", parent], parent);
    execFileSync("mount", ["-o", "remount,bind,ro", parent]);
    const error = await mkdir(path.join(staging, "assets", "fonts"), { recursive: true }).catch((caught: unknown) => caught);
    const reported = asOutputWriteError("write the site to", staging, wrappedAsEleventyDoes(error), await unmaskMkdir(staging, [error]));
    expect((reported as Error).message).toMatch(/: the file system is read-only \(EROFS\)\. /);
  });
});

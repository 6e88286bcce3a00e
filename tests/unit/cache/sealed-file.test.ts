// lib/cache/sealed-file.ts: a map kept on disk between runs, read as empty whenever it cannot be trusted to be what a run with this version (and key) wrote.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import { cacheWriteSchedule, SealedFile } from "../../../lib/cache/sealed-file.ts";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Where a cache file would go, in a folder not yet made. */
function cacheFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "sealed-file-"));
  folders.push(folder);
  return path.join(folder, ".cache", "test.v8");
}

/** A file saved with these entries. */
function saved(file: string, entries: Record<string, unknown>, version = "v1", key?: string): void {
  const map = new SealedFile<unknown>(file, version, key);
  for (const [name, value] of Object.entries(entries)) map.set(name, value);
  map.save();
}

const read = (file: string, version = "v1", key?: string) => new SealedFile<unknown>(file, version, key);

describe("SealedFile", () => {
  it("starts empty without a file, and gives back what a saved run wrote, Dates and Maps included", () => {
    const file = cacheFile();
    expect(read(file).get("a")).toBeUndefined();
    const value = { when: new Date("2024-06-01T00:00:00Z"), fields: new Map([["title", { line: 2 }]]), html: "<p>é</p>" };
    saved(file, { a: value });
    expect(read(file).get("a")).toEqual(value);
  });

  it("reads a file written under another version as empty", () => {
    const file = cacheFile();
    saved(file, { a: 1 }, "v1");
    expect(read(file, "v2").get("a")).toBeUndefined();
  });

  it("reads a file cut short, or not a cache at all, as empty", () => {
    const file = cacheFile();
    saved(file, { a: 1 });
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 5));
    expect(read(file).get("a")).toBeUndefined();
    writeFileSync(file, "not serialized");
    expect(read(file).get("a")).toBeUndefined();
    writeFileSync(file, serialize({ version: "v1", payload: serialize(["not", "a", "map"]) }));
    expect(read(file).get("a")).toBeUndefined();
  });

  it("only hands out an entry the caller accepts, and keeps only accepted ones", () => {
    const file = cacheFile();
    saved(file, { a: 1, b: 2 });
    const map = read(file);
    expect(map.get("a", (value) => value === 99)).toBeUndefined();
    expect(map.get("b", (value) => value === 2)).toBe(2);
    map.save();
    expect([read(file).get("a"), read(file).get("b")]).toEqual([undefined, 2]);
  });

  it("keeps for the next run only what this run read or wrote: entries of deleted posts drop out", () => {
    const file = cacheFile();
    saved(file, { kept: 1, gone: 2 });
    const map = read(file);
    map.get("kept");
    map.set("added", 3);
    map.save();
    const next = read(file);
    expect(["kept", "gone", "added"].map((name) => next.get(name))).toEqual([1, undefined, 3]);
  });

  it("counts entries read from an earlier run as hits and entries written as misses, per run", () => {
    const file = cacheFile();
    saved(file, { a: 1, b: 2 });
    const map = read(file);
    map.get("a");
    map.get("b");
    map.get("missing");
    map.set("c", 3);
    expect(map.stats).toEqual({ hits: 2, misses: 1 });
    map.save();
    expect(map.stats).toEqual({ hits: 0, misses: 0 });
  });

  it("writes nothing when a run read every entry and wrote none", () => {
    const file = cacheFile();
    saved(file, { a: 1 });
    const map = read(file);
    map.get("a");
    rmSync(file);
    map.save();
    expect(existsSync(file)).toBe(false);
  });

  it("leaves no partial file behind, and builds on when the file cannot be written", () => {
    const file = cacheFile();
    saved(file, { a: 1 });
    expect(path.basename(path.dirname(file))).toBe(".cache");
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
    const blocked = path.join(file, "inside-a-file.v8");
    expect(() => saved(blocked, { a: 1 })).not.toThrow();
    expect(read(blocked).get("a")).toBeUndefined();
  });
});

describe("a SealedFile with a key", () => {
  it("trusts and reads a file sealed with the same key", () => {
    const file = cacheFile();
    saved(file, { a: 1 }, "v1", "secret");
    const map = read(file, "v1", "secret");
    expect([map.trusted, map.get("a")]).toEqual([true, 1]);
  });

  it("reads as empty, and untrusted, a file sealed with another key or with none", () => {
    const file = cacheFile();
    saved(file, { a: 1 }, "v1", "other secret");
    expect([read(file, "v1", "secret").trusted, read(file, "v1", "secret").get("a")]).toEqual([false, undefined]);
    saved(file, { a: 1 });
    expect([read(file, "v1", "secret").trusted, read(file, "v1", "secret").get("a")]).toEqual([false, undefined]);
  });

  it("reads as empty a file whose entries were altered after sealing", () => {
    const file = cacheFile();
    saved(file, { a: "published" }, "v1", "secret");
    const kept = deserialize(readFileSync(file)) as { version: string; payload: Uint8Array; seal: string };
    const entries = deserialize(kept.payload) as Map<string, unknown>;
    entries.set("a", "<script>tampered</script>");
    writeFileSync(file, serialize({ ...kept, payload: serialize(entries) }));
    expect(read(file, "v1", "secret").get("a")).toBeUndefined();
    expect(read(file).get("a")).toBe("<script>tampered</script>");
  });

  it("trusts nothing without a key, sealed or not, though it reads the entries", () => {
    const file = cacheFile();
    saved(file, { a: 1 }, "v1", "secret");
    expect([read(file).trusted, read(file).get("a")]).toEqual([false, 1]);
    expect(read(file, "v1", "").trusted).toBe(false);
  });
});

describe("cacheWriteSchedule", () => {
  it("writes after every production build", () => {
    const writeNow = cacheWriteSchedule();
    expect(["build", "build", "build"].map((mode) => writeNow(mode as "build"))).toEqual([true, true, true]);
  });

  it("writes after a live preview's first build only", () => {
    const watch = cacheWriteSchedule();
    expect([watch("watch"), watch("watch"), watch("watch")]).toEqual([true, false, false]);
    const serve = cacheWriteSchedule();
    expect([serve("serve"), serve("serve")]).toEqual([true, false]);
  });

  it("keeps one schedule per cache", () => {
    const first = cacheWriteSchedule();
    first("watch");
    expect(cacheWriteSchedule()("watch")).toBe(true);
  });
});

/**
 * lib/cache/validation-cache.ts on its own: what comes back is what went in (Dates
 * included), only for the same bytes, and a damaged or foreign file is read
 * as an empty cache rather than an error. tests/site/authoring/check-cache.test.ts covers it
 * through `npm run check`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importClosure } from "../../support/import-closure.ts";
import { openValidationCache, validatingCodeVersion, VALIDATING_MODULES } from "../../../lib/cache/validation-cache.ts";
import { validateOne } from "../../../lib/checks/validate.ts";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function tempRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), "validation-cache-"));
  roots.push(root);
  return root;
}

const SITE = "https://news.example.org";
const bytes = (text: string) => new TextEncoder().encode(text);
const good = bytes("---\ntitle: Harbour reopens\ndate: 2024-01-10\ndescription: Boats are back.\n---\n\nThe harbour reopened.\n");
const bad = bytes("---\ntitle: 42\ndate: 2024-01-10\ndescription: Boats are back.\n---\n\nThe harbour reopened.\n");

describe("the validation cache", () => {
  it("returns a saved outcome for the same file and bytes, with its Dates", () => {
    const root = tempRoot();
    const first = openValidationCache(root, SITE);
    const outcome = validateOne("posts/harbour.md", good, SITE);
    expect(first.get("posts/harbour.md", good)).toBeUndefined();
    first.set("posts/harbour.md", good, outcome);
    first.save();

    const again = openValidationCache(root, SITE).get("posts/harbour.md", good);
    expect(again).toEqual(outcome);
    expect(again?.post?.data.date).toBeInstanceOf(Date);
  });

  it("misses when the bytes or the path differ", () => {
    const root = tempRoot();
    const first = openValidationCache(root, SITE);
    first.set("posts/harbour.md", good, validateOne("posts/harbour.md", good, SITE));
    first.save();
    const cache = openValidationCache(root, SITE);
    expect(cache.get("posts/harbour.md", bad)).toBeUndefined();
    expect(cache.get("posts/ferry.md", good)).toBeUndefined();
  });

  it("keeps only the entries the last run used", () => {
    const root = tempRoot();
    const first = openValidationCache(root, SITE);
    first.set("posts/harbour.md", good, validateOne("posts/harbour.md", good, SITE));
    first.set("posts/ferry.md", bad, validateOne("posts/ferry.md", bad, SITE));
    first.save();
    const second = openValidationCache(root, SITE);
    expect(second.get("posts/ferry.md", bad)?.problems).toHaveLength(1);
    second.save();
    expect(openValidationCache(root, SITE).get("posts/harbour.md", good)).toBeUndefined();
  });

  it("starts empty from a damaged file, or one written for other code", () => {
    const root = tempRoot();
    const file = path.join(root, "cache.v8");
    writeFileSync(file, "not a v8 serialization");
    expect(openValidationCache(root, SITE, file).get("posts/harbour.md", good)).toBeUndefined();

    const cache = openValidationCache(root, SITE, file);
    cache.set("posts/harbour.md", good, validateOne("posts/harbour.md", good, SITE));
    cache.save();
    // The same file with only its code version changed, as after an edit to lib/.
    const stored = readFileSync(file);
    const version = Buffer.from(validatingCodeVersion(SITE));
    writeFileSync(file, Buffer.from(stored.toString("latin1").replace(version.toString("latin1"), "x".repeat(version.length)), "latin1"));
    expect(openValidationCache(root, SITE, file).get("posts/harbour.md", good)).toBeUndefined();
  });
});

describe("the code an outcome depends on", () => {
  it("is lib/checks/validate.ts with everything it imports, and the cache itself", () => {
    const expected = [...importClosure("checks/validate.ts"), ...importClosure("cache/validation-cache.ts")];
    expect([...VALIDATING_MODULES].sort()).toEqual([...new Set(expected)].sort());
  });
});

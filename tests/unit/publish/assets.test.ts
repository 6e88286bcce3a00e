// lib/publish/assets.ts: assets published under names that change with their content, media by kind only, and a template typo failing the build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { MEDIA_DIR } from "../../../lib/images/pictures-folder.ts";
import assetsPlugin, { ASSETS_DIR, fingerprint, fingerprintAssets, MEDIA_TYPES } from "../../../lib/publish/assets.ts";
import { filterOf, recordingConfig } from "../../support/unit-fixtures.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const home = process.cwd();
const roots: string[] = [];
afterEach(() => process.chdir(home));
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project folder with these files in assets/ (and a subfolder, which is not an asset). */
function projectWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "assets-"));
  roots.push(root);
  mkdirSync(path.join(root, ASSETS_DIR, "drafts"), { recursive: true });
  writeFileSync(path.join(root, ASSETS_DIR, "drafts", "old.css"), "old");
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, ASSETS_DIR, name), text);
  return root;
}

describe("fingerprint", () => {
  it("puts eight hex digits between the name and its extension", () => {
    expect(fingerprint("icon.svg", bytes("<svg/>"))).toMatch(/^icon\.[0-9a-f]{8}\.svg$/);
    expect(fingerprint("site.min.css", bytes("a{}"))).toMatch(/^site\.min\.[0-9a-f]{8}\.css$/);
    expect(fingerprint("LICENSE", bytes("x"))).toMatch(/^LICENSE\.[0-9a-f]{8}$/);
  });

  it("gives the same content the same name, and changed content a new one", () => {
    expect(fingerprint("site.css", bytes("a{}"))).toBe(fingerprint("site.css", bytes("a{}")));
    expect(fingerprint("site.css", bytes("a{}"))).not.toBe(fingerprint("site.css", bytes("a{ }")));
  });

  it("depends on the content alone, not on the name", () => {
    const hash = (name: string) => fingerprint(name, bytes("same")).split(".").at(-2);
    expect(hash("a.css")).toBe(hash("b.css"));
  });
});

describe("fingerprintAssets", () => {
  it("maps each file in assets/ to its published path, leaving folders out", () => {
    const root = projectWith({ "site.css": "body{}", "icon.svg": "<svg/>" });
    const published = fingerprintAssets(root);
    expect([...published.keys()].sort()).toEqual(["icon.svg", "site.css"]);
    expect(published.get("site.css")).toBe(`/${ASSETS_DIR}/${fingerprint("site.css", bytes("body{}"))}`);
  });

  it("follows the content: an edited file gets a new path, an untouched one keeps its own", () => {
    const root = projectWith({ "site.css": "body{}", "icon.svg": "<svg/>" });
    const before = fingerprintAssets(root);
    writeFileSync(path.join(root, ASSETS_DIR, "site.css"), "body{color:red}");
    const after = fingerprintAssets(root);
    expect(after.get("site.css")).not.toBe(before.get("site.css"));
    expect(after.get("icon.svg")).toBe(before.get("icon.svg"));
  });
});

describe("the assets plugin", () => {
  function registered() {
    process.chdir(projectWith({ "site.css": "body{}", "icon.svg": "<svg/>" }));
    const recorded = recordingConfig();
    assetsPlugin(recorded.config);
    return recorded;
  }

  it("copies each asset from the working directory's assets/ to its fingerprinted path", () => {
    const copies = registered().passthroughCopies.filter((copy) => typeof copy === "object");
    const published = fingerprintAssets();
    expect(copies).toEqual(expect.arrayContaining([...published].map(([name, url]) => ({ [`${ASSETS_DIR}/${name}`]: url.slice(1) }))));
    expect(copies).toHaveLength(published.size);
  });

  it("copies media of the listed kinds only, in either case of their ending", () => {
    const globs = registered().passthroughCopies.filter((copy): copy is string => typeof copy === "string");
    expect(globs).toHaveLength(1);
    const match = new RegExp(`^${MEDIA_DIR}/\\*\\*/\\*\\.\\{(.*)\\}$`).exec(globs[0] ?? "");
    const endings = match?.[1]?.split(",") ?? [];
    expect(endings.sort()).toEqual(MEDIA_TYPES.flatMap((type) => [type, type.toUpperCase()]).sort());
    for (const refused of ["html", "htm", "js", "md", "xml", "css"])
      expect(endings.map((ending) => ending.toLowerCase())).not.toContain(refused);
  });

  it("gives templates each asset's published path, and fails on a name with no asset", () => {
    const assetUrl = filterOf(registered(), "assetUrl");
    expect(assetUrl("site.css")).toBe(fingerprintAssets().get("site.css"));
    expect(() => assetUrl("sitee.css")).toThrow('No asset "sitee.css" in assets/ (have: ');
  });
});

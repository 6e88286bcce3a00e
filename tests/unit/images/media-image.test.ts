// lib/images/media-image.ts: a picture is taken from media/ only, by what sharp reads in it, whole, and a lead picture wide enough for social cards.
import { createHash } from "node:crypto";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEAD_MIN_WIDTH, type MediaImage, readMediaImage } from "../../../lib/images/media-image.ts";
import { animatedGif, mediaProject, PDF, plainJpeg, SVG, transparentPng, truncated, turnedJpeg } from "../../support/test-images.ts";

const project = mediaProject();
const { root } = project;
let wide: Buffer;

beforeAll(async () => {
  wide = await plainJpeg(1600, 900);
  project.add("bridge.jpg", wide);
  project.add("narrow.jpg", await plainJpeg(800, 600));
  project.add("cut.jpg", truncated(await plainJpeg(1600, 900)));
  project.add("report.jpg", PDF);
  project.add("notes.jpg", "Remember to crop the bridge.\n");
  project.add("empty.jpg", "");
  project.add(
    "scan.jpg",
    await sharp(await plainJpeg(40, 30))
      .tiff()
      .toBuffer(),
  );
  project.add("page.jpg", "<!doctype html><title>Not a picture</title>");
  project.add("png-named.jpg", await transparentPng());
  project.add("drawing.svg", SVG);
  project.add("broken.svg", SVG.slice(0, 60));
  project.add("loop.gif", animatedGif());
  project.add("upright.jpg", await turnedJpeg());
  project.add("Harbour Bridge.jpg", wide);
  project.add("..bridge.jpg", wide);
  project.add("folder.jpg/inside.txt", "a folder named like a picture");
  writeFileSync(path.join(root, "secret.jpg"), wide);
  symlinkSync(path.join(root, "secret.jpg"), path.join(root, "media", "escape.jpg"));
  mkdirSync(path.join(root, "media", "nested"));
});
afterAll(() => project.remove());

const problemOf = async (src: string, role: "lead" | "body" = "body") => {
  const read = await readMediaImage(root, src, role);
  return "problem" in read ? read.problem : undefined;
};

const picture = async (src: string, role: "lead" | "body" = "body"): Promise<MediaImage> => {
  const read = await readMediaImage(root, src, role);
  if ("problem" in read) throw new Error(read.problem);
  return read;
};

describe("readMediaImage", () => {
  it("reads a picture in media/: its file, digest, size and format", async () => {
    expect(await picture("/media/bridge.jpg", "lead")).toEqual({
      src: "/media/bridge.jpg",
      file: "media/bridge.jpg",
      digest: createHash("sha256").update(wide).digest("base64url"),
      width: 1600,
      height: 900,
      format: "jpeg",
      alpha: false,
      animated: false,
    });
  });

  it("takes the format from the bytes, not the name", async () => {
    expect(await picture("/media/png-named.jpg")).toMatchObject({ format: "png", alpha: true, width: 600, height: 400 });
  });

  it("gives a turned photo's size as it is displayed", async () => {
    expect(await picture("/media/upright.jpg")).toMatchObject({ width: 400, height: 600 });
  });

  it("decodes %-escapes as markdown-it writes them, for a name with a space", async () => {
    expect(await picture("/media/Harbour%20Bridge.jpg")).toMatchObject({ file: "media/Harbour Bridge.jpg", width: 1600 });
    expect(await picture("/media/..bridge.jpg")).toMatchObject({ file: "media/..bridge.jpg", width: 1600 });
  });

  it("passes an SVG in a body with its declared size, and an animation as one", async () => {
    expect(await picture("/media/drawing.svg")).toMatchObject({ format: "svg", width: 320, height: 180 });
    expect(await picture("/media/loop.gif")).toMatchObject({ format: "gif", animated: true, width: 1, height: 1 });
  });

  it.each([
    [
      "https://cdn.example.com/bridge.jpg",
      'the remote address "https://cdn.example.com/bridge.jpg" (pictures are served from this site only)',
    ],
    ["http://example.com/a.png", 'the remote address "http://example.com/a.png" (pictures are served from this site only)'],
    ["//cdn.example.com/bridge.jpg", 'the remote address "//cdn.example.com/bridge.jpg" (pictures are served from this site only)'],
    ["/\\cdn.example.com/bridge.jpg", 'the remote address "/\\\\cdn.example.com/bridge.jpg" (pictures are served from this site only)'],
  ])("refuses the remote address %s", async (src, found) => {
    expect(await problemOf(src)).toBe(`expected a picture in media/, such as /media/bridge.jpg, found ${found}`);
  });

  it.each([
    ["data:image/png;base64,iVBORw0KGgo=", "which is not a path on this site"],
    ["media/bridge.jpg", "which is not a site path below /media/"],
    ["/assets/icon.svg", "which is not a site path below /media/"],
    ["/media/../secret.jpg", 'which names no file below media/ (no "..", no empty or escaped parts)'],
    ["/media/%2e%2e/secret.jpg", 'which names no file below media/ (no "..", no empty or escaped parts)'],
    ["/media/..%2Fsecret.jpg", 'which names no file below media/ (no "..", no empty or escaped parts)'],
    ["/media//bridge.jpg", 'which names no file below media/ (no "..", no empty or escaped parts)'],
    ["/media/%E0%A4%A.jpg", "whose %-escapes decode to no text"],
    ["/media/bridge.jpg?v=2", ": a query or a fragment names no file"],
  ])("refuses %s, which is no file in media/", async (src, why) => {
    const shown = JSON.stringify(src);
    expect(await problemOf(src)).toBe(
      `expected a picture in media/, such as /media/bridge.jpg, found ${shown}${why.startsWith(":") ? "" : ", "}${why}`,
    );
  });

  it("refuses a missing file, a folder and a link out of media/", async () => {
    expect(await problemOf("/media/x.jpg")).toBe("expected a picture at media/x.jpg, found no such file");
    expect(await problemOf("/media/bridge.jpg/x.jpg")).toBe("expected a picture at media/bridge.jpg/x.jpg, found no such file");
    expect(await problemOf("/media/folder.jpg")).toBe("expected a picture at media/folder.jpg, found a folder");
    expect(await problemOf("/media/nested")).toBe("expected a picture at media/nested, found a folder");
    expect(await problemOf("/media/escape.jpg")).toBe("expected a picture at media/escape.jpg, found a link to a file outside media/");
  });

  it("refuses what is no picture, by its bytes", async () => {
    const expected = "expected a JPEG, PNG, WebP, AVIF, GIF or SVG picture, found";
    expect(await problemOf("/media/report.jpg")).toBe(`${expected} a PDF document`);
    expect(await problemOf("/media/notes.jpg")).toBe(`${expected} text`);
    expect(await problemOf("/media/empty.jpg")).toBe(`${expected} an empty file`);
    expect(await problemOf("/media/page.jpg")).toBe(`${expected} markup (HTML or XML) that is no picture`);
    expect(await problemOf("/media/scan.jpg")).toBe(`${expected} a TIFF file`);
  });

  it("refuses a picture cut short, saying what the decoder found", async () => {
    expect(await problemOf("/media/cut.jpg")).toBe(
      "expected a JPEG, PNG, WebP, AVIF, GIF or SVG picture that opens whole, found a JPEG that is damaged or cut short (VipsJpeg: Premature end of input file)",
    );
    expect(await problemOf("/media/broken.svg")).toMatch(
      /^expected a JPEG, PNG, WebP, AVIF, GIF or SVG picture that opens whole, found a file that is damaged \(.*XML parse error/,
    );
  });

  it("asks a lead picture for pixels, at least 1200 of them across", async () => {
    expect(LEAD_MIN_WIDTH).toBe(1200);
    expect(await problemOf("/media/narrow.jpg", "lead")).toBe(
      "expected a lead picture at least 1200 pixels wide, as social cards are, found 800×600",
    );
    expect(await problemOf("/media/narrow.jpg", "body")).toBeUndefined();
    expect(await problemOf("/media/drawing.svg", "lead")).toBe(
      "expected a JPEG, PNG, WebP, AVIF or GIF picture, found an SVG drawing (a lead picture is cropped into social cards, which are made of pixels)",
    );
    expect(await problemOf("/media/report.jpg", "lead")).toBe("expected a JPEG, PNG, WebP, AVIF or GIF picture, found a PDF document");
  });

  it("judges the bytes again when a file is replaced under the same name", async () => {
    project.add("replaced.jpg", await plainJpeg(1300, 700));
    expect(await picture("/media/replaced.jpg")).toMatchObject({ width: 1300 });
    project.add("replaced.jpg", PDF);
    expect(await problemOf("/media/replaced.jpg")).toMatch(/found a PDF document$/);
  });
});

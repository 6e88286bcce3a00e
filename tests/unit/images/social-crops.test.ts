// lib/images/social-crops.ts: a lead picture's 16:9, 4:3 and 1:1 crops, 1200 pixels wide at most and never enlarged, JPEG, made once.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MediaImage, readMediaImage } from "../../../lib/images/media-image.ts";
import { socialCrops } from "../../../lib/images/social-crops.ts";
import { mediaProject, photoLike, transparentPng } from "../../support/test-images.ts";

const project = mediaProject();
const { root } = project;
const cache = path.join(root, ".cache", "images");
afterAll(() => project.remove());

async function lead(name: string, bytes: Uint8Array): Promise<MediaImage> {
  const image = await readMediaImage(root, project.add(name, bytes), "lead");
  if ("problem" in image) throw new Error(image.problem);
  return image;
}

const fileOf = (url: string) => path.join(cache, url.replace(/^\/assets\/img\//, ""));

describe("socialCrops", () => {
  let photo: MediaImage;
  beforeAll(async () => {
    photo = await lead("harbour.jpg", await photoLike());
  });

  it("crops 16:9, 4:3 and 1:1, 1200 pixels wide, as JPEGs of those sizes", async () => {
    const { crops, files } = await socialCrops(root, photo);
    expect(crops.map(({ ratio, width, height }) => [ratio, width, height])).toEqual([
      ["16x9", 1200, 675],
      ["4x3", 1200, 900],
      ["1x1", 1200, 1200],
    ]);
    expect(files).toEqual(crops.map((crop) => crop.url.replace("/assets/img/", "")));
    for (const crop of crops) {
      expect(crop.url).toMatch(new RegExp(`^/assets/img/harbour-[\\w-]{10}-${crop.ratio}\\.jpg$`));
      const metadata = await sharp(readFileSync(fileOf(crop.url)), { failOn: "error" }).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual(["jpeg", crop.width, crop.height]);
    }
  });

  it("makes nothing on a second run", async () => {
    const { files } = await socialCrops(root, photo);
    const times = files.map((file) => statSync(path.join(cache, file)).mtimeMs);
    expect((await socialCrops(root, photo)).files).toEqual(files);
    expect(files.map((file) => statSync(path.join(cache, file)).mtimeMs)).toEqual(times);
  });

  it("never enlarges: a crop the picture is too short for is as large as it allows", async () => {
    const { crops } = await socialCrops(root, await lead("wide.jpg", await photoLike(1600, 1000)));
    expect(crops.map(({ ratio, width, height }) => [ratio, width, height])).toEqual([
      ["16x9", 1200, 675],
      ["4x3", 1200, 900],
      ["1x1", 1000, 1000],
    ]);
    const panorama = await socialCrops(root, await lead("panorama.jpg", await photoLike(2400, 600)));
    expect(panorama.crops.map(({ width, height }) => [width, height])).toEqual([
      [1066, 600],
      [800, 600],
      [600, 600],
    ]);
  });

  it("puts a transparent picture on white", async () => {
    const { crops } = await socialCrops(root, await lead("disc.png", await transparentPng(1200, 800)));
    const corner = await sharp(readFileSync(fileOf(crops[0]?.url ?? "")))
      .extract({ left: 0, top: 0, width: 1, height: 1 })
      .raw()
      .toBuffer();
    expect([...corner]).toEqual([255, 255, 255]);
    expect(readdirSync(cache).filter((name) => name.endsWith(".partial"))).toEqual([]);
  });
});

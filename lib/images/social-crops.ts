/**
 * The crops of a lead picture that search engines and social networks take.
 * Google's article structured data asks for 16:9, 4:3 and 1:1, high
 * resolution; each is 1200 pixels wide, a JPEG every crawler reads.
 *
 * The 16:9 crop is the og:image too, rather than a fifth file at 1.91:1
 * (1200×630): Google Discover shows 16:9, Facebook and LinkedIn show 1.91:1 by
 * trimming about 3% off its top and bottom, which no one sees, and one file
 * fewer to encode and publish for each story.
 *
 * sharp's "attention" strategy keeps the part of the picture that draws the
 * eye (faces, contrast, saturated colour) rather than its middle. A crop is
 * never enlarged: where the picture is too short for a ratio at 1200 pixels
 * wide (a 3:2 photograph's square), the crop is as large as the picture
 * allows: enlarging would add bytes, not detail.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type JpegOptions } from "sharp";
import { nameStem, pictureUrl, shortHash, writeOnce } from "./cache-files.ts";
import type { MediaImage } from "./media-image.ts";

export interface SocialCrop {
  /** A site path below addresses.images. */
  url: string;
  width: number;
  height: number;
  ratio: "16x9" | "4x3" | "1x1";
}

/** Widest first, the order Google's examples give them in. */
const RATIOS = [
  ["16x9", 16, 9],
  ["4x3", 4, 3],
  ["1x1", 1, 1],
] as const;

const CROP_WIDTH = 1200;

/** A little above the page's JPEGs (responsive.ts): a crop is seen at full size, often larger than in the story. */
const JPEG: JpegOptions = { quality: 80, mozjpeg: true, progressive: true };

const POSITION = "attention";

/** Raised by hand when the crops change in a way the settings above would not show, so no old file keeps its name. */
const FORMAT = "social crops 1";

export async function socialCrops(root: string, image: MediaImage): Promise<{ crops: SocialCrop[]; files: string[] }> {
  // Read once here: sharp given a path may serve a file replaced under the same name from its cache.
  let bytes: Promise<Buffer> | undefined;
  const source = () => (bytes ??= readFile(path.join(root, ...image.file.split("/"))));
  const made = await Promise.all(
    RATIOS.map(async ([ratio, across, down]) => {
      const width = Math.min(CROP_WIDTH, image.width, Math.floor((image.height * across) / down));
      const height = Math.round((width * down) / across);
      const settings = JSON.stringify({ ratio, width, height, JPEG, POSITION, FORMAT });
      const name = `${nameStem(image.file)}-${shortHash(image.digest, settings)}-${ratio}.jpg`;
      await writeOnce(root, name, async () =>
        sharp(await source())
          // Turned upright by its EXIF orientation first, as width and height already are.
          .rotate()
          .resize(width, height, { fit: "cover", position: POSITION })
          // Transparency has no place in a JPEG: white, as a page behind the picture would be.
          .flatten({ background: "#ffffff" })
          .jpeg(JPEG)
          .toBuffer(),
      );
      const crop: SocialCrop = { url: pictureUrl(name), width, height, ratio };
      return { crop, name };
    }),
  );
  return { crops: made.map(({ crop }) => crop), files: made.map(({ name }) => name) };
}

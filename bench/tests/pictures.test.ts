// The source pictures of --pictures: drawn from the seed, at the sizes the pipeline asks for.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makePicture } from "../pictures.ts";

describe("bench pictures", () => {
  it("are JPEGs, leads 1600×1067 and body pictures 1200×800, the same bytes for the same seed and name", async () => {
    const [a, again, b, other, small] = await Promise.all([
      makePicture("lead-0000.jpg", 7),
      makePicture("lead-0000.jpg", 7),
      makePicture("lead-0001.jpg", 7),
      makePicture("lead-0000.jpg", 8),
      makePicture("body-0000.jpg", 7),
    ]);
    expect(again.equals(a)).toBe(true);
    expect(b.equals(a)).toBe(false);
    expect(other.equals(a)).toBe(false);
    expect(await sharp(a).metadata()).toMatchObject({ format: "jpeg", width: 1600, height: 1067 });
    expect(await sharp(small).metadata()).toMatchObject({ format: "jpeg", width: 1200, height: 800 });
  });
});

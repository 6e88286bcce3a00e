// Issue 18: a picture that cannot be published is refused with the file, line
// and field that name it, by `npm run check` and the build alike, all in one
// run, and nothing is published.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchSite, type RunResult, type ScratchSite } from "../../support/scratch-site.ts";
import { photoLike, plainJpeg, truncated } from "../../support/test-images.ts";

const lead = (src: string) => `---
title: A story
date: 2024-05-01
description: With a picture.
image:
  src: ${src}
  alt: What the picture shows
---

Text.
`;

const inBody = (src: string) => `---
title: A story
date: 2024-05-01
description: With a picture.
---

Text.

![What the picture shows](${src})
`;

const POSTS = {
  "missing.md": lead("/media/nowhere.jpg"),
  "remote.md": lead("https://images.example.org/bridge.jpg"),
  "outside.md": lead("/assets/site.css"),
  "not-a-picture.md": lead("/media/notes.jpg"),
  "too-small.md": lead("/media/small.jpg"),
  "corrupt.md": inBody("/media/broken.jpg"),
};

let scratch: ScratchSite;
let check: RunResult;
let build: RunResult;

beforeAll(async () => {
  scratch = await createScratchSite(POSTS);
  const media = path.join(scratch.root, "media");
  await mkdir(media);
  await writeFile(path.join(media, "notes.jpg"), "Not a picture at all, only text with a .jpg name.\n");
  await writeFile(path.join(media, "small.jpg"), await plainJpeg(800, 600));
  await writeFile(path.join(media, "broken.jpg"), truncated(await photoLike(900, 600)));
  check = await scratch.run(process.execPath, ["--import", "./scripts/typescript.js", "scripts/check.ts"]);
  build = await scratch.build({ CONTEXT: "production" });
}, 120_000);
afterAll(() => scratch?.remove());

/** The one problem line about `file`. */
const lineAbout = (output: string, file: string) => output.split("\n").filter((line) => line.startsWith(`posts/${file}:`));

describe("a picture that cannot be published", () => {
  it.each([
    ["missing.md", /^posts\/missing\.md:6:3: image\.src: .*media\/nowhere\.jpg.*no such file/],
    ["remote.md", /^posts\/remote\.md:6:3: image\.src: .*https:\/\/images\.example\.org\/bridge\.jpg/],
    ["outside.md", /^posts\/outside\.md:6:3: image\.src: .*media\//],
    ["not-a-picture.md", /^posts\/not-a-picture\.md:6:3: image\.src: expected a JPEG, PNG, WebP, AVIF or GIF picture/],
    ["too-small.md", /^posts\/too-small\.md:6:3: image\.src: .*1200.*800×600/],
    // At the picture's address in ![…](/media/broken.jpg).
    ["corrupt.md", /^posts\/corrupt\.md:9:27: body: .*found a JPEG that is damaged or cut short/],
  ])("%s is refused at its line", (file, expected) => {
    for (const output of [check.stderr + check.stdout, build.stderr + build.stdout]) {
      const lines = lineAbout(output, file);
      expect(lines, output).toHaveLength(1);
      expect(lines[0]).toMatch(expected);
    }
  });

  it("fails check and build alike, every problem in one run, and publishes nothing", () => {
    expect(check.code).not.toBe(0);
    expect(build.code).not.toBe(0);
    expect(build.stderr).toContain("6 problems in posts; nothing was published.");
    expect(existsSync(scratch.output)).toBe(false);
  });
});

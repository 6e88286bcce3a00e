// Issue 18: the live preview processes a picture once, not on every save.
// Saves that leave a story's pictures and card alone encode and draw
// nothing; a picture replaced under the same name is encoded afresh, and the
// story shows the new one without another save. Through Eleventy's real
// watcher on a scratch site, with pictures made here with sharp.
import { readdirSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bridgeStory } from "../../support/picture-story.ts";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";
import { readSite, type BuiltSite } from "../../support/site-build.ts";
import { photoLike } from "../../support/test-images.ts";
import { watchSite, type WatchingSite } from "../../support/watching-site.ts";

const story = (body: string) => bridgeStory(`${body}\n\n![Crowds on the span at noon](/media/crowd.jpg)`);

const plain = (body: string) => `---
title: Council meets on Tuesday
date: 2024-04-01
description: The agenda is short.
---

${body}
`;

let scratch: ScratchSite;
let site: BuiltSite;
let watching: WatchingSite;

/** Every file the pipeline keeps, with its modification time. */
function kept(): Map<string, number> {
  const folder = path.join(scratch.root, ".cache", "images");
  return new Map(readdirSync(folder).map((name) => [name, statSync(path.join(folder, name)).mtimeMs]));
}

/** The lead picture's fallback the story page shows. */
const leadFallback = () => /<img src="(\/assets\/img\/[^"]+)"[^>]*fetchpriority="high"/.exec(site.text("/posts/harbour-bridge/"))?.[1];

beforeAll(async () => {
  scratch = await createScratchSite({ "harbour-bridge.md": story("The bridge took ten years."), "council.md": plain("Nothing to see.") });
  await mkdir(path.join(scratch.root, "media"));
  await writeFile(path.join(scratch.root, "media", "bridge.jpg"), await photoLike(1600, 1067));
  await writeFile(path.join(scratch.root, "media", "crowd.jpg"), await photoLike(1000, 750));
  site = readSite(scratch.output);
  watching = await watchSite(scratch.root);
}, 180_000);

afterAll(async () => {
  await watching?.stop();
  await scratch?.remove();
});

describe("the live preview with pictures (issue 18)", () => {
  it("encodes and draws nothing again on saves that keep a story's pictures and headline", async () => {
    const first = kept();
    expect(
      [...first.keys()].some((name) => name.endsWith(".avif")),
      "the first build encoded the pictures",
    ).toBe(true);
    expect(
      [...first.keys()].some((name) => name.endsWith(".png")),
      "and drew the plain story's card",
    ).toBe(true);

    for (const words of ["The bridge took ten years and two floods.", "The bridge took ten years, two floods and a strike."]) {
      await watching.rebuildAfter(() => scratch.writePost("harbour-bridge.md", story(words)));
      expect(site.text("/posts/harbour-bridge/")).toContain(words);
    }
    await watching.rebuildAfter(() => scratch.writePost("council.md", plain("The agenda is short and the room is booked.")));
    expect(site.text("/posts/council/")).toContain("the room is booked");

    expect(kept(), "no picture or card made again").toEqual(first);
    const shown = leadFallback();
    expect(shown).toBeDefined();
    expect(site.exists(shown ?? ""), "the picture the page shows is published").toBe(true);
  }, 120_000);

  it("encodes a picture replaced under the same name, and the story shows it without another save", async () => {
    const before = kept();
    const shownBefore = leadFallback();
    await watching.rebuildAfter(async () => writeFile(path.join(scratch.root, "media", "bridge.jpg"), await photoLike(2000, 1125)));

    const made = [...kept().keys()].filter((name) => !before.has(name));
    expect(
      made.some((name) => name.endsWith(".avif")),
      made.join(", "),
    ).toBe(true);
    const shown = leadFallback();
    expect(shown).not.toBe(shownBefore);
    expect(site.exists(shown ?? ""), "the new picture is published").toBe(true);
    // The home page's thumbnail is the new picture too: the old one's files are named nowhere.
    const home = site.text("/");
    expect(home).toContain(`srcset="${shown}`.replace(/-\d+\.\w+$/, ""));
    for (const name of before.keys()) expect(home, name).not.toContain(name);
  }, 120_000);
});

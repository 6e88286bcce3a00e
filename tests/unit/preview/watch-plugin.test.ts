import Eleventy from "@11ty/eleventy";
import { describe, expect, it } from "vitest";

interface WatchingEleventy {
  init(): Promise<void>;
  getChokidarConfig(): { awaitWriteFinish: unknown };
}

describe("the live preview's file watcher", () => {
  it("starts a rebuild once a save has kept still for 50 ms, not Eleventy's default 150", async () => {
    const eleventy = new Eleventy(".", "_site", { configPath: ".eleventy.js", quietMode: true }) as unknown as WatchingEleventy;
    await eleventy.init();
    expect(eleventy.getChokidarConfig().awaitWriteFinish).toEqual({ stabilityThreshold: 50, pollInterval: 10 });
  });
});

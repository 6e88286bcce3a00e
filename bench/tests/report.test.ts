/** The bench report's ratios pair by pair: each round's builds compared with each other. */
import { describe, expect, it } from "vitest";
import { pairRatios, renderReport, type Cell, type Results } from "../report.ts";

const cell = (
  builder: Cell["builder"],
  label: string,
  rounds: number[],
  wallMs: number[],
  cpuMs: number[],
  peakRssKiB: number[],
): Cell => ({
  builder,
  label,
  n: 4000,
  rounds,
  wallMs,
  cpuMs,
  peakRssKiB,
  files: 4000,
  failures: [],
});

describe("pairRatios", () => {
  it("divides the builds of the same round, and skips a round in which either failed", () => {
    // ours failed in round 2: its samples are rounds 1 and 3.
    const ours = cell("ours", "ours", [1, 3], [1200, 1500], [1300, 1600], [1100, 1300]);
    const bare = cell("bare", "bare", [1, 2, 3], [1000, 900, 1000], [1000, 950, 1000], [1000, 1000, 1000]);
    const pairs = pairRatios(ours, bare);
    expect(pairs.rounds).toBe(2);
    expect(pairs.wall).toEqual([1.2, 1.5]);
    expect(pairs.cpu).toEqual([1.3, 1.6]);
    expect(pairs.rss).toEqual([1.1, 1.3]);
  });

  it("leaves CPU and memory out when a builder has no such figures", () => {
    const pairs = pairRatios(cell("ours", "ours", [1], [1200], [], []), cell("bare", "bare", [1], [1000], [], []));
    expect(pairs).toEqual({ rounds: 1, wall: [1.2], cpu: [], rss: [] });
  });
});

describe("the report", () => {
  it("lists each pair's median ratio and range", () => {
    const results: Results = {
      runs: 3,
      seed: 7,
      versions: {},
      loadAtStart: 0,
      rssMethod: "GNU time",
      loader: null,
      watch: [],
      skipped: [],
      profiles: [],
      pictures: null,
      notes: [],
      cells: [
        cell("ours", "ours", [1, 2, 3], [1100, 1300, 1200], [1150, 1400, 1250], [1050, 1100, 1080]),
        cell("bare", "bare", [1, 2, 3], [1000, 1000, 1000], [1000, 1000, 1000], [1000, 1000, 1000]),
      ],
    };
    const report = renderReport(results);
    expect(report).toContain("### Ratios pair by pair");
    expect(report).toContain("| 4,000 | ours / bare | 3 | 1.20× (1.10–1.30×) | 1.25× (1.15–1.40×) | 1.08× (1.05–1.10×) |");
    // No second build was measured, so there is no row for it.
    expect(report).not.toMatch(/\| 4,000 \| ours second build \/ bare \| \d/);
  });

  it("states the pictures' share and cap, and notes a second build that made files again", () => {
    const results: Results = {
      runs: 1,
      seed: 7,
      versions: {},
      loadAtStart: 0,
      rssMethod: "GNU time",
      loader: null,
      watch: [],
      skipped: [],
      profiles: [],
      pictures: { distinct: 200, sets: [{ n: 1000, lead: 200, body: 200, mib: 180.4 }] },
      notes: ["n1000 ours, second build round 1: the build added 3 files to its cache"],
      cells: [cell("bare", "bare", [1], [1000], [1000], [1000])],
    };
    const report = renderReport(results);
    expect(report).toContain("one post in five has a lead picture, one in ten two body pictures");
    expect(report).toContain("at most 200 distinct files of each kind, reused past that (1,000 posts: 200 lead + 200 body files, 180 MiB)");
    expect(report).toContain("### Notes\n\n- n1000 ours, second build round 1: the build added 3 files to its cache");
  });
});

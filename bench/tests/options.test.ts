import { describe, expect, it } from "vitest";
import { readOptions } from "../options.ts";

describe("npm run bench options", () => {
  it("defaults to 1,000, 4,000 and 10,000 posts, 3 runs, every builder", () => {
    const options = readOptions([], {});
    expect(options).toMatchObject({ sizes: [1000, 4000, 10000], runs: 3, seed: 7, watchCheck: false, watchN: 1000, profile: false });
    expect([...options.only]).toEqual(["ours", "ours-cached", "check", "check-cached", "bare", "hugo"]);
    expect(options.pictures).toBeNull();
  });

  it("gives posts pictures with --pictures, at most 200 distinct files of each kind unless --distinct-pictures says otherwise", () => {
    expect(readOptions(["--pictures"], {}).pictures).toEqual({ distinct: 200 });
    expect(readOptions(["--pictures", "--distinct-pictures", "12"], {}).pictures).toEqual({ distinct: 12 });
    expect(() => readOptions(["--pictures", "--distinct-pictures", "0"], {})).toThrow("--distinct-pictures: expected a whole number");
  });

  it("reads sizes from --n, or else from BENCH_N, and a subset of builders from --only", () => {
    expect(readOptions(["--n", "200, 1000", "--only", "ours,bare"], { BENCH_N: "5" })).toMatchObject({
      sizes: [200, 1000],
      only: new Set(["ours", "bare"]),
    });
    expect(readOptions([], { BENCH_N: "5" }).sizes).toEqual([5]);
  });

  it.each([
    [["--runs", "0"], '--runs: expected a whole number, got "0"'],
    [["--n", "1000,lots"], '--n: expected a whole number, got "lots"'],
    [["--seed=-1"], '--seed: expected a whole number, got "-1"'],
  ])("refuses %j", (args, message) => {
    expect(() => readOptions(args, {})).toThrow(message);
  });
});

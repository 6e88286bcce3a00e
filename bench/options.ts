// The command line of `npm run bench` (bench/run.ts); BENCHMARKS.md
// documents each option.
import { parseArgs } from "node:util";
import { DEFAULT_DISTINCT } from "./pictures.ts";

export interface BenchOptions {
  sizes: number[];
  runs: number;
  seed: number;
  out?: string;
  /** Builder ids: ours, ours-cached, bare, hugo. */
  only: Set<string>;
  watchCheck: boolean;
  watchN: number;
  skipStartup: boolean;
  keep: boolean;
  ref?: string;
  profile: boolean;
  /** `--pictures`: the posts show pictures (bench/pictures.ts), at most this many distinct files of each kind; null without. */
  pictures: { distinct: number } | null;
}

const wholeNumber = (text: string, what: string, min: number): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${what}: expected a whole number, got "${text}"`);
  return value;
};

export function readOptions(args: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      n: { type: "string", default: env.BENCH_N ?? "1000,4000,10000" },
      runs: { type: "string", default: "3" },
      out: { type: "string" },
      seed: { type: "string", default: "7" },
      only: { type: "string", default: "ours,ours-cached,check,check-cached,bare,hugo" },
      "watch-check": { type: "boolean", default: false },
      "watch-n": { type: "string", default: "1000" },
      "skip-startup": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      ref: { type: "string" },
      profile: { type: "boolean", default: false },
      pictures: { type: "boolean", default: false },
      "distinct-pictures": { type: "string", default: String(DEFAULT_DISTINCT) },
    },
  });
  return {
    sizes: values.n.split(",").map((size) => wholeNumber(size.trim(), "n", 1)),
    runs: wholeNumber(values.runs, "runs", 1),
    seed: wholeNumber(values.seed, "seed", 0),
    out: values.out,
    only: new Set(values.only.split(",").map((id) => id.trim())),
    watchCheck: values["watch-check"],
    watchN: wholeNumber(values["watch-n"], "watch-n", 1),
    skipStartup: values["skip-startup"],
    keep: values.keep,
    ref: values.ref,
    profile: values.profile,
    pictures: values.pictures ? { distinct: wholeNumber(values["distinct-pictures"], "distinct-pictures", 1) } : null,
  };
}

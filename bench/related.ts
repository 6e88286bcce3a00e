// The related-stories computation alone (lib/listings/related.ts, issue 19),
// on synthetic stories whose tags follow a Zipf-like law: a few tags on a
// large share of the stories, a long tail of tags on a handful each. Reports the
// median time of several runs per size and that time divided by n·log2 n, so
// growth beyond n log n shows as a rising "× first size"; then the worst
// cases: the same stories with one more tag that every story carries, and
// stories that carry that one tag alone. Beside each, a control that does
// the least any answer must (read every tag, keep a list per story), linear
// by construction: what its time per story gains with size is the machine's
// share of any growth, not the computation's.
//
//   node --import ./scripts/typescript.js bench/related.ts [--n 1000,2000,4000,10000] [--runs 9] [--seed 19]
//
// Markdown on stdout. Nothing is built or written: the figures are the
// computation's own, without Eleventy around it.
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { slugifyTag } from "../lib/content/slug.ts";
import { relatedStories } from "../lib/listings/related.ts";

interface Story {
  slug: string;
  tags: string[];
}

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "1000,2000,4000,10000" },
    runs: { type: "string", default: "9" },
    seed: { type: "string", default: "19" },
  },
});
const sizes = (values.n ?? "").split(",").map(Number);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (sizes.some((n) => !Number.isInteger(n) || n < 2) || !Number.isInteger(runs) || runs < 1) {
  throw new Error("--n takes whole numbers of stories (at least 2), comma-separated; --runs a whole number");
}

/** A 32-bit linear congruential generator: the same stories on every machine for a seed. */
function random(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `n` stories, newest first, each with one to five tags drawn with
 * probability falling as 1/rank from a vocabulary that grows with the site
 * (a newsroom names new people and places every week). About one spelling in
 * five is in lower case, as authors write them.
 */
function stories(n: number, rng: () => number): Story[] {
  const vocabulary = 200 + Math.floor(n / 5);
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= vocabulary; rank++) {
    total += 1 / rank;
    cumulative.push(total);
  }
  const draw = () => {
    const target = rng() * total;
    let [low, high] = [0, cumulative.length - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return rng() < 0.2 ? `topic ${low}` : `Topic ${low}`;
  };
  return Array.from({ length: n }, (_, index) => ({
    slug: `story-${index}`,
    tags: Array.from({ length: 1 + Math.floor(rng() * 5) }, draw),
  }));
}

const tagsOf = (story: Story) => story.tags;

/**
 * The control: the least any answer must do, linear by construction. It
 * reads every story's tags by slug, files the story under them, and hands
 * back a list of three stories for every story (its neighbours in the list),
 * keeping as many lists as the real answer keeps. Whatever its time per
 * story gains from one size to the next is the machine's (caches, the
 * garbage collector moving what a run keeps), not any computation's; the
 * related stories' growth is read against it.
 */
function control(list: Story[]): Map<Story, Story[]> {
  const carriers = new Map<string, number[]>();
  const answer = new Map<Story, Story[]>();
  for (const [position, story] of list.entries()) {
    for (const tag of story.tags) {
      const slug = slugifyTag(tag);
      const positions = carriers.get(slug);
      if (positions) positions.push(position);
      else carriers.set(slug, [position]);
    }
    answer.set(
      story,
      [1, 2, 3].map((step) => list[(position + step) % list.length] as Story),
    );
  }
  return answer;
}

interface Row {
  n: number;
  list: Story[];
  related: number[];
  control: number[];
}

const elapsed = (work: () => unknown): number => {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

/**
 * Times every size once per round, `runs` rounds, after two untimed ones: a
 * change of load on the machine then falls on every size alike, not on
 * whichever size was being timed when it came.
 */
function timeRounds(rows: Row[]): void {
  for (let round = -2; round < runs; round++) {
    for (const row of rows) {
      const related = elapsed(() => relatedStories(row.list, tagsOf));
      const controlled = elapsed(() => control(row.list));
      if (round < 0) continue;
      row.related.push(related);
      row.control.push(controlled);
    }
  }
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
const count = (value: number) => value.toLocaleString("en-US");

/** One table: each size's median, per n·log2 n and as a multiple of the first size's, beside the control's per story. */
function table(title: string, make: (n: number) => Story[]): void {
  const rows = sizes.map((n): Row => ({ n, list: make(n), related: [], control: [] }));
  timeRounds(rows);
  console.log(`\n### ${title}\n`);
  console.log(
    "| stories | (story, tag) pairs | most carried tag | related, median ms (min–max) | ns per n·log2 n | × first size | control, median ms | ns per n | × first size |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  let first: { related: number; control: number } | undefined;
  for (const { n, list, related, control } of rows) {
    const pairs = list.reduce((sum, story) => sum + story.tags.length, 0);
    const carriers = new Map<string, number>();
    for (const story of list) for (const slug of new Set(story.tags.map(slugifyTag))) carriers.set(slug, (carriers.get(slug) ?? 0) + 1);
    const perNLogN = (median(related) * 1e6) / (n * Math.log2(n));
    const perN = (median(control) * 1e6) / n;
    first ??= { related: perNLogN, control: perN };
    const spread = `${ms(Math.min(...related))}–${ms(Math.max(...related))}`;
    console.log(
      `| ${count(n)} | ${count(pairs)} | ${count(Math.max(...carriers.values()))} | ${ms(median(related))} (${spread}) | ${perNLogN.toFixed(1)} | ${(perNLogN / first.related).toFixed(2)}× | ${ms(median(control))} | ${perN.toFixed(1)} | ${(perN / first.control).toFixed(2)}× |`,
    );
  }
}

console.log(`Related stories (lib/listings/related.ts), ${runs} timed rounds of every size after two untimed, seed ${seed}`);
console.log(
  `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown"}), load ${(loadavg()[0] ?? 0).toFixed(2)} at start`,
);
table("Zipf-like tags", (n) => stories(n, random(seed + n)));
table("Worst case: one tag on every story, besides its own", (n) =>
  stories(n, random(seed + n)).map((story) => ({ ...story, tags: [...story.tags, "News"] })),
);
table("Worst case: one tag on every story, and no other", (n) =>
  stories(n, random(seed + n)).map((story) => ({ ...story, tags: ["News"] })),
);

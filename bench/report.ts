// Markdown rendering of the benchmark results; no measuring happens here.
import { cpus, loadavg, totalmem } from "node:os";
import type { BuilderId } from "./builder.ts";
import type { LoaderCost } from "./measure.ts";
import { median } from "./measure.ts";
import type { BuilderProfile } from "./profile.ts";
import { renderProfiles } from "./profile-report.ts";
import type { WatchResult } from "./watch-check.ts";

export interface Cell {
  builder: BuilderId;
  label: string;
  /** posts in the build; 0 for the start-up measurement */
  n: number;
  wallMs: number[];
  /** user + system, all threads and child processes */
  cpuMs: number[];
  peakRssKiB: number[];
  /** The round of each sample, so builds of one round are compared with each other (a failed build leaves a gap). */
  rounds: number[];
  files: number;
  failures: string[];
}

export interface Results {
  runs: number;
  seed: number;
  versions: Record<string, string>;
  /** 1-minute load average when the run started; other work skews timings */
  loadAtStart: number;
  rssMethod: string;
  cells: Cell[];
  loader: LoaderCost | null;
  watch: Array<{ label: string; n: number; result: WatchResult | null; error?: string }>;
  skipped: Array<{ label: string; reason: string }>;
  /** --profile only */
  profiles: BuilderProfile[];
  /** --pictures only: the cap on distinct files of each kind, and the files each post count used. */
  pictures: { distinct: number; sets: PictureSet[] } | null;
  /** What went unexpectedly but failed no build, such as a second build that made pictures again. */
  notes: string[];
}

export interface PictureSet {
  n: number;
  /** Distinct files: lead pictures (1600×1067), body pictures (1200×800). */
  lead: number;
  body: number;
  mib: number;
}

function picturesLine(p: NonNullable<Results["pictures"]>): string {
  const sets = p.sets.map((s) => `${count(s.n)} posts: ${s.lead} lead + ${s.body} body files, ${s.mib.toFixed(0)} MiB`).join("; ");
  return (
    "Pictures (--pictures): one post in five has a lead picture, one in ten two body pictures, the rest a generated social card; " +
    `at most ${p.distinct} distinct files of each kind, reused past that (${sets}). ` +
    "Bare Eleventy copies media/ as it is and shows each picture as a plain <img>."
  );
}

const sec = (ms: number): string => (ms / 1000).toFixed(2);
const ms = (v: number): string => `${Math.round(v)} ms`;
const cpuCell = (c: Cell): string => (c.cpuMs.length ? `${sec(median(c.cpuMs))} s` : "n/a");
const mib = (kib: number[]): string => (kib.length ? `${Math.round(Math.max(...kib) / 1024)} MiB` : "n/a");
const cellText = (text: string): string => (text.split("\n")[0] ?? "").replace(/\|/g, "\\|");
const count = (v: number): string => v.toLocaleString("en-US");

function wallCells(c: Cell): [string, string] {
  if (c.wallMs.length === 0) return ["failed", "—"];
  const lo = Math.min(...c.wallMs);
  const hi = Math.max(...c.wallMs);
  return [`${sec(median(c.wallMs))} s`, `${sec(lo)}–${sec(hi)} s`];
}

function ratio(cells: Cell[], n: number, a: BuilderId, b: BuilderId): string {
  const find = (id: BuilderId): Cell | undefined => cells.find((c) => c.n === n && c.builder === id && c.wallMs.length);
  const x = find(a);
  const y = find(b);
  if (!x || !y) return "—";
  // CPU time beside wall time: other load on the machine inflates wall time
  // far more than CPU time, and Hugo spreads its work over every core.
  const cpu = x.cpuMs.length && y.cpuMs.length ? ` (CPU ${(median(x.cpuMs) / median(y.cpuMs)).toFixed(2)}×)` : "";
  return `${(median(x.wallMs) / median(y.wallMs)).toFixed(2)}×${cpu}`;
}

/** One ratio per round in which both builders measured: median and range. */
export interface PairRatios {
  rounds: number;
  wall: number[];
  cpu: number[];
  rss: number[];
}

export function pairRatios(x: Cell, y: Cell): PairRatios {
  const wall: number[] = [];
  const cpu: number[] = [];
  const rss: number[] = [];
  x.rounds.forEach((round, i) => {
    const j = y.rounds.indexOf(round);
    if (j < 0) return;
    wall.push((x.wallMs[i] as number) / (y.wallMs[j] as number));
    if (x.cpuMs.length === x.rounds.length && y.cpuMs.length === y.rounds.length) cpu.push((x.cpuMs[i] as number) / (y.cpuMs[j] as number));
    if (x.peakRssKiB.length === x.rounds.length && y.peakRssKiB.length === y.rounds.length)
      rss.push((x.peakRssKiB[i] as number) / (y.peakRssKiB[j] as number));
  });
  return { rounds: wall.length, wall, cpu, rss };
}

const spread = (values: number[]): string =>
  values.length ? `${median(values).toFixed(2)}× (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}×)` : "n/a";

const PAIRS: Array<[BuilderId, BuilderId, string]> = [
  ["ours", "bare", "ours / bare"],
  ["ours-cached", "bare", "ours second build / bare"],
  ["check", "bare", "npm run check, no cache / bare build"],
  ["check-cached", "bare", "npm run check, cache kept / bare build"],
  ["bare", "hugo", "bare / hugo"],
];

function pairTable(builds: Cell[], ns: number[]): string[] {
  const rows: string[] = [];
  for (const n of ns) {
    for (const [a, b, label] of PAIRS) {
      const x = builds.find((c) => c.n === n && c.builder === a);
      const y = builds.find((c) => c.n === n && c.builder === b);
      const p = x && y ? pairRatios(x, y) : undefined;
      if (p?.rounds) rows.push(`| ${count(n)} | ${label} | ${p.rounds} | ${spread(p.wall)} | ${spread(p.cpu)} | ${spread(p.rss)} |`);
    }
  }
  if (!rows.length) return [];
  return [
    "",
    "### Ratios pair by pair",
    "",
    "The two builders' builds of the same round, minutes apart at most, as one ratio; the median of those ratios and their range.",
    "",
    "| posts | pair | rounds | wall | CPU | peak RSS |",
    "|---:|---|---:|---:|---:|---:|",
    ...rows,
  ];
}

function machineLine(): string {
  const cpu = cpus();
  const model = (cpu[0]?.model ?? "unknown CPU").replace(/\s+/g, " ").trim();
  return `${cpu.length} cores (${model}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM`;
}

export function renderReport(r: Results): string {
  const out: string[] = [];
  const versions = Object.entries(r.versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  out.push(
    `Machine: ${machineLine()}; 1-min load average ${r.loadAtStart.toFixed(2)} at the start, ` +
      `${(loadavg()[0] ?? 0).toFixed(2)} at the end. Versions: ${versions}.`,
  );
  out.push(
    `Each cell: ${r.runs} run(s), builders alternated within each round; seed ${r.seed}. ` +
      `Peak RSS: ${r.rssMethod}, highest over the runs.`,
    "",
  );
  if (r.pictures) out.push(picturesLine(r.pictures), "");
  for (const s of r.skipped) out.push(`- Skipped ${s.label}: ${s.reason}`);
  if (r.skipped.length) out.push("");

  const builds = r.cells.filter((c) => c.n > 0);
  out.push(
    "### Full builds",
    "",
    "| posts | builder | median wall | min–max wall | median CPU | peak RSS | files written |",
    "|---:|---|---:|---:|---:|---:|---:|",
  );
  for (const c of builds)
    out.push(`| ${count(c.n)} | ${c.label} | ${wallCells(c).join(" | ")} | ${cpuCell(c)} | ${mib(c.peakRssKiB)} | ${count(c.files)} |`);

  const ns = [...new Set(builds.map((c) => c.n))];
  out.push(
    "",
    "### Ratios of median wall time (of median CPU time)",
    "",
    "| posts | ours / bare | ours second build / bare | bare / hugo | ours / hugo |",
    "|---:|---:|---:|---:|---:|",
  );
  for (const n of ns) {
    out.push(
      `| ${count(n)} | ${ratio(builds, n, "ours", "bare")} | ${ratio(builds, n, "ours-cached", "bare")} | ${ratio(builds, n, "bare", "hugo")} | ${ratio(builds, n, "ours", "hugo")} |`,
    );
  }
  out.push(...pairTable(builds, ns));

  const zero = r.cells.filter((c) => c.n === 0);
  if (zero.length) {
    out.push(
      "",
      "### Start-up: the same builders on zero posts",
      "",
      "| builder | median wall | min–max wall | median CPU | peak RSS |",
      "|---|---:|---:|---:|---:|",
    );
    for (const c of zero) out.push(`| ${c.label} | ${wallCells(c).join(" | ")} | ${cpuCell(c)} | ${mib(c.peakRssKiB)} |`);
  }

  if (r.loader) {
    const l = r.loader;
    out.push("", `### TypeScript loader start-up (median of ${l.runs})`, "", "| command | median wall |", "|---|---:|");
    out.push(`| \`node -e 0\` | ${ms(l.plainMs)} |`, `| \`node --import tsx -e 0\` | ${ms(l.tsxMs)} |`);
    if (l.projectLoaderMs !== null) out.push(`| \`node --import ./scripts/typescript.js -e 0\` | ${ms(l.projectLoaderMs)} |`);
    out.push("", `tsx adds ${ms(l.tsxMs - l.plainMs)} to every Node start-up.`);
  }

  if (r.watch.length) {
    out.push(
      "",
      "### Watch mode: write → rebuild finished",
      "",
      "One post edited (median of the edits), then a new post added, dated after every other, then deleted.",
      "",
      "| posts | builder | first build | edit → “Wrote” | edit → “Watching” | new post → “Watching” | deleted → “Watching” | rebuild logs: edit · new · deleted |",
      "|---:|---|---:|---:|---:|---:|---:|---|",
    );
    for (const w of r.watch) {
      if (!w.result) {
        out.push(`| ${count(w.n)} | ${w.label} | failed | — | — | — | — | ${cellText(w.error ?? "")} |`);
        continue;
      }
      const x = w.result;
      const logs = [x.rebuildLine, x.addLine, x.deleteLine].map(cellText).join(" · ");
      out.push(
        `| ${count(w.n)} | ${w.label} | ${sec(x.firstBuildMs)} s | ${ms(median(x.wroteMs))} | ${ms(median(x.rebuildMs))} | ${ms(x.addMs)} | ${x.deleteMs === null ? "no rebuild" : ms(x.deleteMs)} | ${logs} |`,
      );
    }
  }

  if (r.profiles.length) out.push("", ...renderProfiles(r.profiles));

  if (r.notes.length) out.push("", "### Notes", "", ...r.notes.map((note) => `- ${note}`));

  const failed = r.cells.filter((c) => c.failures.length);
  if (failed.length) {
    out.push("", "### Failures", "");
    for (const c of failed) out.push(`- ${c.label} at ${count(c.n)} posts:`, "", "```", c.failures[0] ?? "", "```");
  }
  return `${out.join("\n")}\n`;
}

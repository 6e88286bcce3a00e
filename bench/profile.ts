// Where a build's time goes (--profile): Eleventy's DEBUG=Eleventy:Benchmark*
// lines and V8 CPU profiles (node --cpu-prof), reduced to rows for the report.
// Pure functions of the text and the parsed JSON; run.ts does the running.

/** One line of Eleventy's benchmark debug output. */
export interface BenchmarkLine {
  ms: number;
  /** of Eleventy's whole run, as Eleventy prints it */
  percent: number;
  calls: number;
  /** in parentheses: Aggregate, Configuration, Data … */
  group: string;
  label: string;
}

/** The parts of a .cpuprofile this file reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number } }>;
  /** microseconds, like timeDeltas */
  startTime: number;
  endTime: number;
  /** node id of each sample */
  samples: number[];
  /** microseconds since the previous sample (the first: since startTime) */
  timeDeltas: number[];
}

export interface TimeRow {
  name: string;
  ms: number;
}

export interface FunctionRow extends TimeRow {
  /** file:line, or "native" */
  where: string;
}

export interface ProfileSummary {
  /** sampled time of every thread, (idle) left out */
  cpuMs: number;
  /** (idle) of the main thread: waiting for I/O, timers, child processes */
  idleMs: number;
  threads: number;
  /** every group, most time first */
  groups: TimeRow[];
  /** the functions with the most self time, most first */
  functions: FunctionRow[];
}

/** What --profile found for one builder at one post count. */
export interface BuilderProfile {
  n: number;
  builder: string;
  label: string;
  benchmarks: BenchmarkLine[];
  summary: ProfileSummary | null;
  error?: string;
}

// `… Eleventy:Benchmark Benchmark   1234ms  12%  4002× (Aggregate) Template Write`,
// with colours and a trailing "+3ms" when stderr is a terminal.
const ANSI = /\x1b\[[0-9;]*m/g;
const LINE = /Benchmark\s+(\d+(?:\.\d+)?)ms\s+(\d+)%\s+(\d+)×\s+\(([^)]*)\)\s+(.+?)(?:\s+\+\d+(?:ms|s|m|h|d))?\s*$/;

/** Eleventy's benchmark lines in `stderr`, most milliseconds first. */
export function parseBenchmarkLines(stderr: string, top = 12): BenchmarkLine[] {
  const rows: BenchmarkLine[] = [];
  for (const raw of stderr.split("\n")) {
    const line = raw.replace(ANSI, "");
    // Eleventy also warns about slow benchmarks without the namespace: those repeat debug lines.
    if (!line.includes("Eleventy:Benchmark")) continue;
    const m = LINE.exec(line);
    if (!m) continue;
    rows.push({ ms: Number(m[1]), percent: Number(m[2]), calls: Number(m[3]), group: m[4] as string, label: (m[5] as string).trim() });
  }
  return rows.sort((a, b) => b.ms - a.ms).slice(0, top);
}

const bare = (url: string): string => url.replace(/[?#].*$/, "");

/**
 * What a sample is charged to: an npm package, one of our lib/ modules, a
 * Node internal (node:fs, node:modules …), or, for code without a script
 * (the garbage collector, native bindings), the function's name.
 */
export function groupOf(functionName: string, url: string): string {
  const file = bare(url);
  if (!file) return functionName.startsWith("RegExp: ") ? "(regexp)" : functionName || "(native)";
  const nm = file.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const [first = "", second = ""] = file.slice(nm + "/node_modules/".length).split("/");
    return first.startsWith("@") ? `${first}/${second}` : first;
  }
  // node:internal/fs/promises and node:fs are both node:fs.
  if (/^(?:node:|internal\/)/.test(file))
    return `node:${
      file
        .replace(/^node:/, "")
        .replace(/^internal\//, "")
        .split("/")[0]
    }`;
  if (file.startsWith("wasm:")) return "(wasm)";
  const lib = file.lastIndexOf("/lib/");
  if (lib >= 0) return file.slice(lib + 1);
  return file.slice(file.lastIndexOf("/") + 1);
}

/** A short file name for the report: inside node_modules, lib/, or just the base name. */
export function shortFile(url: string): string {
  const file = bare(url);
  const nm = file.lastIndexOf("/node_modules/");
  if (nm >= 0) return file.slice(nm + "/node_modules/".length);
  if (!file.startsWith("file:")) return file;
  const lib = file.lastIndexOf("/lib/");
  return lib >= 0 ? file.slice(lib + 1) : file.slice(file.lastIndexOf("/") + 1);
}

/** Self time of each node, in ms: each sample lasts until the next one (the last, until endTime). */
function selfTimes(p: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  let at = p.startTime;
  const stamps = p.timeDeltas.map((d) => (at += d));
  p.samples.forEach((id, i) => {
    const next = i + 1 < stamps.length ? (stamps[i + 1] as number) : p.endTime;
    self.set(id, (self.get(id) ?? 0) + Math.max(0, next - (stamps[i] as number)) / 1000);
  });
  return self;
}

const add = (map: Map<string, number>, key: string, ms: number): Map<string, number> => map.set(key, (map.get(key) ?? 0) + ms);

/** Sums the main thread's profile and any worker threads' (the TypeScript loader's, on Node 20). */
export function summarizeProfiles(main: CpuProfile, workers: CpuProfile[] = [], top = 12): ProfileSummary {
  const groups = new Map<string, number>();
  const fns = new Map<string, FunctionRow>();
  let cpuMs = 0;
  let idleMs = 0;
  for (const p of [main, ...workers]) {
    const byId = new Map(p.nodes.map((node) => [node.id, node.callFrame]));
    for (const [id, ms] of selfTimes(p)) {
      const frame = byId.get(id);
      if (!frame) continue;
      if (frame.functionName === "(idle)") {
        if (p === main) idleMs += ms;
        continue;
      }
      cpuMs += ms;
      add(groups, groupOf(frame.functionName, frame.url), ms);
      const name = frame.functionName || "(anonymous)";
      const where = frame.url ? `${shortFile(frame.url)}:${frame.lineNumber + 1}` : "native";
      const key = `${name}\0${where}:${frame.columnNumber ?? 0}`;
      const row = fns.get(key) ?? { name, where, ms: 0 };
      row.ms += ms;
      fns.set(key, row);
    }
  }
  const functions = [...fns.values()].sort((a, b) => b.ms - a.ms).slice(0, top);
  return {
    cpuMs,
    idleMs,
    threads: 1 + workers.length,
    groups: [...groups].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms),
    functions,
  };
}

// Wall time and peak RSS of one command.
//
// Peak RSS means the same thing on both paths: the largest resident set any
// single process of the tree reached (getrusage's ru_maxrss, as GNU time
// reports it). Summing a tree would need sampling and would miss short peaks.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Measurement {
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  /** KiB; null when neither GNU time nor /proc could tell */
  peakRssKiB: number | null;
  /** user + system CPU of the whole tree; null without GNU time */
  cpuMs: number | null;
  /** last few KiB of output, for error reports */
  outputTail: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

const GNU_TIME = "/usr/bin/time";
let gnuTimeWorks: boolean | undefined;

function hasGnuTime(): boolean {
  if (gnuTimeWorks === undefined) {
    // BusyBox and BSD time exist at the same path but lack -f/-o.
    // BENCH_RSS=proc forces the fallback, to test it where GNU time exists.
    gnuTimeWorks =
      process.env.BENCH_RSS !== "proc" && existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%M", "-o", "/dev/null", "true"]).status === 0;
  }
  return gnuTimeWorks;
}

export function peakRssMethod(): string {
  return hasGnuTime() ? "GNU time %M (max RSS of any one process in the tree)" : "/proc VmHWM polling (max over the tree)";
}

const TAIL = 4096;
const keepTail = (acc: string, chunk: Buffer): string => (acc + chunk.toString()).slice(-TAIL);

function childrenOf(): Map<number, number[]> {
  const kids = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may contain spaces and parens; ppid follows the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = kids.get(ppid) ?? [];
      list.push(Number(entry));
      kids.set(ppid, list);
    } catch {
      // the process exited between readdir and read
    }
  }
  return kids;
}

function treeHwmKiB(root: number): number {
  const kids = childrenOf();
  let max = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) max = Math.max(max, Number(m[1]));
    } catch {
      // gone already
    }
    stack.push(...(kids.get(pid) ?? []));
  }
  return max;
}

export function measure(cmd: string, args: readonly string[], opts: RunOptions): Promise<Measurement> {
  const useTime = hasGnuTime();
  const scratch = useTime ? mkdtempSync(join(tmpdir(), "bench-time-")) : "";
  const timeFile = join(scratch, "rss");
  const [file, argv] = useTime ? [GNU_TIME, ["-f", "%M %U %S", "-o", timeFile, cmd, ...args]] : [cmd, [...args]];

  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let tail = "";
    child.stdout.on("data", (c: Buffer) => (tail = keepTail(tail, c)));
    child.stderr.on("data", (c: Buffer) => (tail = keepTail(tail, c)));

    let polled = 0;
    const poller =
      useTime || child.pid === undefined
        ? undefined
        : setInterval(() => {
            polled = Math.max(polled, treeHwmKiB(child.pid as number));
          }, 50);
    const timer = opts.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs) : undefined;

    const finish = (exitCode: number | null, extra = ""): void => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (poller) clearInterval(poller);
      if (timer) clearTimeout(timer);
      let peak: number | null = polled > 0 ? polled : null;
      let cpuMs: number | null = null;
      if (useTime) {
        // GNU time puts "Command exited with non-zero status" before the numbers.
        const lines = existsSync(timeFile) ? readFileSync(timeFile, "utf8").trim().split("\n") : [];
        const [rss, user, sys] = (lines[lines.length - 1] ?? "").split(" ").map(Number);
        peak = rss !== undefined && Number.isFinite(rss) && rss > 0 ? rss : null;
        cpuMs = user !== undefined && sys !== undefined && Number.isFinite(user + sys) ? (user + sys) * 1000 : null;
        rmSync(scratch, { recursive: true, force: true });
      }
      resolve({ ok: exitCode === 0, exitCode, wallMs, peakRssKiB: peak, cpuMs, outputTail: tail + extra });
    };
    child.on("error", (err) => finish(null, `\nspawn failed: ${err.message}`));
    child.on("close", (code) => finish(code));
  });
}

export interface LoaderCost {
  plainMs: number;
  tsxMs: number;
  /** the project's own loader file, when it exists */
  projectLoaderMs: number | null;
  runs: number;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** `node -e 0` vs `node --import tsx -e 0`, alternated so drift hits both. */
export async function measureLoaderCost(projectRoot: string, runs = 7): Promise<LoaderCost> {
  const loader = join(projectRoot, "scripts", "typescript.js");
  const variants: Array<[keyof Omit<LoaderCost, "runs">, string[]]> = [
    ["plainMs", ["-e", "0"]],
    ["tsxMs", ["--import", "tsx", "-e", "0"]],
  ];
  if (existsSync(loader)) variants.push(["projectLoaderMs", ["--import", "./scripts/typescript.js", "-e", "0"]]);
  const samples = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    for (const [key, args] of variants) {
      const m = await measure(process.execPath, args, { cwd: projectRoot });
      if (!m.ok) throw new Error(`node ${args.join(" ")} failed:\n${m.outputTail}`);
      samples.set(key, [...(samples.get(key) ?? []), m.wallMs]);
    }
  }
  const med = (key: string): number | null => (samples.has(key) ? median(samples.get(key) as number[]) : null);
  return { plainMs: med("plainMs") as number, tsxMs: med("tsxMs") as number, projectLoaderMs: med("projectLoaderMs"), runs };
}

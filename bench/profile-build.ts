// --profile: one more, untimed build of a Node builder under
// DEBUG=Eleventy:Benchmark* and `node --cpu-prof`, read back into rows for
// the report (bench/profile.ts). The caller readies the project
// (output cleared, cache as the builder keeps it) as for a timed build.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { countOutput } from "./builder.ts";
import type { Builder } from "./builder.ts";
import { parseBenchmarkLines, summarizeProfiles } from "./profile.ts";
import type { BuilderProfile, CpuProfile } from "./profile.ts";

export interface ProfileBuildOptions {
  tag: string;
  n: number;
  builder: Builder;
  dir: string;
  /** The bench's scratch folder; the profiles are written under it. */
  work: string;
  keep: boolean;
  timeoutMs: number;
  log: (message: string) => void;
}

/** Runs the build with stderr captured; never rejects. */
function run(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    const chunks: Buffer[] = [];
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const done = (exit: number | null, extra = ""): void => {
      clearTimeout(timer);
      resolve({ code: exit, stderr: Buffer.concat(chunks).toString() + extra });
    };
    child.on("error", (err) => done(null, `\nspawn failed: ${err.message}`));
    child.on("close", (exit) => done(exit));
  });
}

export async function profileBuild({ tag, n, builder: b, dir, work, keep, timeoutMs, log }: ProfileBuildOptions): Promise<BuilderProfile> {
  const result: BuilderProfile = { n, builder: b.id, label: b.label, benchmarks: [], summary: null };
  const cmd = b.build(dir);
  const profDir = join(work, `cpuprofile-${tag}-${b.id}`);
  const env = { ...(cmd.env ?? process.env), DEBUG: "Eleventy:Benchmark*", DEBUG_COLORS: "no" };
  const { code, stderr } = await run(cmd.cmd, ["--cpu-prof", "--cpu-prof-dir", profDir, ...cmd.args], dir, env, timeoutMs);
  const html = countOutput(b.outDir(dir)).html;
  if (code !== 0 || html < Math.max(n, 1)) {
    result.error = `${code !== 0 ? `exit code ${code}` : `only ${html} HTML files for ${n} posts`}\n${stderr.slice(-4096).trim()}`;
    log(`${tag} ${b.label} profile build: FAILED (${result.error})`);
  }
  result.benchmarks = parseBenchmarkLines(stderr);
  // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; thread 0 is the main thread.
  const thread = (name: string): number => Number(name.split(".")[4]);
  const files = existsSync(profDir)
    ? readdirSync(profDir)
        .filter((f) => f.endsWith(".cpuprofile"))
        .sort((x, y) => thread(x) - thread(y))
    : [];
  const [main, ...workers] = files.map((f) => JSON.parse(readFileSync(join(profDir, f), "utf8")) as CpuProfile);
  if (main) result.summary = summarizeProfiles(main, workers);
  else result.error ??= "no CPU profile written";
  if (!keep) rmSync(profDir, { recursive: true, force: true });
  log(
    `${tag} ${b.label} profile build: ${result.benchmarks.length} Eleventy benchmark lines, ` +
      `${files.length} CPU profile(s), ${Math.round(result.summary?.cpuMs ?? 0)} ms sampled`,
  );
  return result;
}

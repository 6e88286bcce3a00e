// Build benchmark (issue 7): our production build vs. bare Eleventy vs. Hugo
// on the same generated posts. Markdown report on stdout, progress on stderr;
// exits non-zero when any build fails, so CI notices when the bench rots.
//
//   npm run bench -- [--n 1000,4000,10000] [--runs 3] [--out file.md]
//                    [--watch-check] [--watch-n 1000] [--only ours,bare,hugo]
//                    [--seed 7] [--skip-startup] [--keep] [--ref <git ref>]
//                    [--profile] [--pictures] [--distinct-pictures 200]
//
// --ref builds "ours" from that commit (git archive) instead of symlinking
// the working tree, for numbers that edits in flight cannot disturb.
// --profile adds, for each post count, one untimed build per Node builder
// after the timed rounds, under DEBUG=Eleventy:Benchmark* and
// node --cpu-prof, and a "Where the time goes" section to the report.
// --pictures gives posts lead and body pictures (bench/pictures.ts), the
// same files in every builder's media/ folder.
// The scratch projects go to the OS temp dir (os.tmpdir(), which follows
// TMPDIR): `TMPDIR=/dev/shm npm run bench` builds on a RAM disk.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bareEleventy } from "./bare-eleventy.ts";
import { countOutput } from "./builder.ts";
import type { Builder } from "./builder.ts";
import { newestPost, writePosts } from "./generate-posts.ts";
import { hugo, hugoVersion } from "./hugo.ts";
import { measure, measureLoaderCost, peakRssMethod } from "./measure.ts";
import { readOptions } from "./options.ts";
import { describeOurs, ours, oursCached, oursCheck } from "./ours.ts";
import { copyPictures, makePictures } from "./pictures.ts";
import { profileBuild } from "./profile-build.ts";
import { renderReport } from "./report.ts";
import type { Cell, Results } from "./report.ts";
import { watchCheck } from "./watch-check.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const BUILD_TIMEOUT_MS = 30 * 60_000;

const opts = readOptions();
const { sizes, runs, seed } = opts;
const log = (msg: string): void => void process.stderr.write(`[bench] ${msg}\n`);

const all: Builder[] = [
  ours(root, opts.ref),
  oursCached(root, opts.ref),
  oursCheck(root, opts.ref, false),
  oursCheck(root, opts.ref, true),
  bareEleventy(root, opts.pictures !== null),
  hugo(),
].filter((b) => opts.only.has(b.id));
const skipped = all.flatMap((b) => {
  const reason = b.skipReason();
  return reason ? [{ label: b.label, reason }] : [];
});
const builders = all.filter((b) => b.skipReason() === null);
for (const s of skipped) log(`skipping ${s.label}: ${s.reason}`);

const work = mkdtempSync(join(tmpdir(), "gitpress-bench-"));
const version = (pkg: string): string =>
  (JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
const results: Results = {
  runs,
  seed,
  cells: [],
  loader: null,
  watch: [],
  skipped,
  profiles: [],
  pictures: opts.pictures ? { distinct: opts.pictures.distinct, sets: [] } : null,
  notes: [],
  loadAtStart: loadavg()[0] ?? 0,
  rssMethod: peakRssMethod(),
  versions: {
    ours: describeOurs(root, opts.ref),
    Node: process.version,
    Eleventy: version("@11ty/eleventy"),
    tsx: version("tsx"),
    ...(hugoVersion() ? { Hugo: (hugoVersion() as string).replace(/^hugo v?(\S+).*$/, "$1") } : {}),
  },
};

/** One bench run's pictures, shared by every post count: each is made once. */
const pool = join(work, "pictures");

/** Where a builder's project keeps the pictures posts name as /media/…: Hugo copies static/ as it is. */
const mediaFolder = (b: Builder, dir: string): string => (b.id === "hugo" ? join(dir, "static", "media") : join(dir, "media"));

/** Lays out one project per builder around the same posts (and pictures). */
async function prepare(tag: string, n: number): Promise<{ dirs: Map<Builder, string>; slugs: string[] }> {
  const posts = join(work, `posts-${tag}`);
  mkdirSync(posts, { recursive: true });
  const written = writePosts(posts, n, seed, opts.pictures ? { pictures: opts.pictures } : {});
  const pictures = [...new Set(written.flatMap((p) => p.pictures))].sort();
  if (opts.pictures) {
    log(`${tag}: making ${pictures.length} pictures (those made for an earlier post count are reused)`);
    const made = await makePictures(pool, pictures, seed);
    if (tag !== "watch" && n > 0) results.pictures?.sets.push({ n, ...made });
  }
  const dirs = new Map<Builder, string>();
  for (const b of builders) {
    const dir = join(work, `${tag}-${b.id}`);
    mkdirSync(dir);
    b.setup(dir, posts);
    if (opts.pictures) copyPictures(pool, pictures, mediaFolder(b, dir));
    dirs.set(b, dir);
  }
  return { dirs, slugs: written.map((p) => p.slug) };
}

/** Files below a folder, by path: what a second build added to its cache, it made. */
function cacheFiles(dir: string): Set<string> {
  return new Set(existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: "utf8" }) : []);
}

/**
 * Clears the output, and the cache unless the builder keeps it; a kept cache
 * that is not there yet is filled by an untimed build first.
 */
async function readyToBuild(tag: string, b: Builder, dir: string): Promise<void> {
  rmSync(b.outDir(dir), { recursive: true, force: true });
  const cache = b.cacheDir?.(dir);
  if (cache && !b.keepsCache) rmSync(cache, { recursive: true, force: true });
  if (cache && b.keepsCache && !existsSync(cache)) {
    log(`${tag} ${b.label}: a first, untimed build fills the cache`);
    const cmd = b.build(dir);
    await measure(cmd.cmd, cmd.args, { cwd: dir, env: cmd.env ?? process.env, timeoutMs: BUILD_TIMEOUT_MS });
    rmSync(b.outDir(dir), { recursive: true, force: true });
  }
}

async function timeBuilds(tag: string, n: number): Promise<void> {
  log(`${tag}: generating ${n} posts and laying out ${builders.length} projects`);
  const { dirs } = await prepare(tag, n);
  const cells = new Map(
    builders.map((b) => [
      b,
      { builder: b.id, label: b.label, n, wallMs: [], cpuMs: [], peakRssKiB: [], rounds: [], files: 0, failures: [] } as Cell,
    ]),
  );
  // Rounds of A B C rather than A A A B B B, so drift (thermal, other load)
  // spreads over every builder instead of landing on one.
  // The zero-post stage runs first and is the first to touch node_modules
  // and the binaries: its round 0 only warms the disk cache and is dropped.
  for (let round = n === 0 ? 0 : 1; round <= runs; round++) {
    for (const b of builders) {
      const dir = dirs.get(b) as string;
      const cell = cells.get(b) as Cell;
      await readyToBuild(tag, b, dir);
      const cache = b.keepsCache ? b.cacheDir?.(dir) : undefined;
      const cached = cache ? cacheFiles(cache) : new Set<string>();
      const cmd = b.build(dir);
      const m = await measure(cmd.cmd, cmd.args, { cwd: dir, env: cmd.env ?? process.env, timeoutMs: BUILD_TIMEOUT_MS });
      const out = countOutput(b.outDir(dir));
      // A second build that adds to its cache made something the first one had made already: say so in the report.
      const added = cache ? [...cacheFiles(cache)].filter((file) => !cached.has(file)) : [];
      if (added.length) {
        const note = `${tag} ${b.label} round ${round}: the build added ${added.length} files to its cache, e.g. ${added.slice(0, 3).join(", ")}`;
        results.notes.push(note);
        log(note);
      }
      // A build that "succeeds" without writing every post (and, with no
      // posts, at least the home page) is not a result.
      const problem = !m.ok
        ? `exit code ${m.exitCode}`
        : !b.writesNoSite && out.html < Math.max(n, 1)
          ? `only ${out.html} HTML files for ${n} posts`
          : "";
      if (problem) {
        cell.failures.push(`${problem}\n${m.outputTail.trim()}`);
        log(`${tag} ${b.label} round ${round}: FAILED (${problem})\n${m.outputTail.trim()}`);
        continue;
      }
      if (round === 0) {
        log(`${tag} ${b.label} warm-up: ${(m.wallMs / 1000).toFixed(2)} s (not counted)`);
        continue;
      }
      cell.wallMs.push(m.wallMs);
      cell.rounds.push(round);
      if (m.peakRssKiB !== null) cell.peakRssKiB.push(m.peakRssKiB);
      if (m.cpuMs !== null) cell.cpuMs.push(m.cpuMs);
      cell.files = out.files;
      log(
        `${tag} ${b.label} round ${round}: ${(m.wallMs / 1000).toFixed(2)} s wall, ` +
          `${m.cpuMs === null ? "n/a" : (m.cpuMs / 1000).toFixed(2)} s CPU, ${Math.round((m.peakRssKiB ?? 0) / 1024)} MiB`,
      );
    }
  }
  results.cells.push(...cells.values());
  // Hugo is no Node process: neither Eleventy's benchmarks nor a V8 profile.
  if (opts.profile && n > 0) {
    for (const b of builders) {
      const dir = dirs.get(b) as string;
      if (b.build(dir).cmd !== process.execPath) continue;
      await readyToBuild(tag, b, dir);
      results.profiles.push(await profileBuild({ tag, n, builder: b, dir, work, keep: opts.keep, timeoutMs: BUILD_TIMEOUT_MS, log }));
    }
  }
  if (!opts.keep) for (const dir of [...dirs.values(), join(work, `posts-${tag}`)]) rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  log(`working in ${work}`);
  if (results.loadAtStart > cpus().length) {
    log(`warning: load average ${results.loadAtStart.toFixed(1)} on ${cpus().length} cores; timings will be inflated`);
  }
  results.loader = await measureLoaderCost(root);
  if (!opts.skipStartup) await timeBuilds("zero", 0);
  for (const n of sizes) await timeBuilds(`n${n}`, n);

  if (opts.watchCheck) {
    const n = opts.watchN;
    const watchers = builders.filter((b) => b.watch);
    log(`watch check at ${n} posts: ${watchers.map((b) => b.label).join(", ")}`);
    const { dirs, slugs } = await prepare("watch", n);
    const slug = slugs[Math.floor(slugs.length / 2)] as string;
    const newPost = newestPost(n, seed, slugs);
    for (const b of watchers) {
      // "(production build)" would be wrong here: watch mode is the dev build.
      const label = b.label.replace(/ \(.*\)$/, "");
      try {
        results.watch.push({ label, n, result: await watchCheck(b, dirs.get(b) as string, slug, newPost) });
      } catch (err) {
        results.watch.push({ label, n, result: null, error: (err as Error).message });
        log(`watch check ${b.label} failed: ${(err as Error).message}`);
      }
    }
  }

  const report = renderReport(results);
  process.stdout.write(report);
  if (opts.out) writeFileSync(opts.out, report);
  const failed =
    results.cells.some((c) => c.failures.length > 0) || results.watch.some((w) => !w.result) || results.profiles.some((p) => p.error);
  if (failed) {
    log("at least one build failed");
    process.exitCode = 1;
  }
}

// An interrupted run would otherwise leave thousands of files in the temp dir.
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });
}

try {
  await main();
} catch (err) {
  log(`error: ${(err as Error).stack ?? String(err)}`);
  process.exitCode = 1;
} finally {
  if (opts.keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

// Issue 16: `npm run check` and the build reach the same verdict on every
// file. Every bad and hostile fixture of the suite, and the generated cases a
// fixture file cannot hold, go into one site; both commands run over it and
// must print the same problems, line for line. The files neither refused are
// then built alone, and both commands must accept them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { rm, symlink } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchSite, type RunResult, type ScratchSite } from "../../support/scratch-site.ts";

const FIXTURE_SETS = ["bad-posts", "hostile/refused", "hostile/inert", "feeds/hostile"];
const ENV = { CONTEXT: "production", SITE_URL: "https://news.example.org" };

/** Every file of a fixture folder, by its path inside posts/. */
function fixtures(): Record<string, Uint8Array> {
  const posts: Record<string, Uint8Array> = {};
  for (const set of FIXTURE_SETS) {
    const dir = new URL(`../../fixtures/${set}/`, import.meta.url);
    for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      const file = new URL(name, dir);
      if (statSync(file).isFile()) posts[`${set.replace("/", "-")}/${name}`] = readFileSync(file);
    }
  }
  const post = (front: string, body = "Text.") =>
    new TextEncoder().encode(`---\ntitle: Generated\ndate: 2024-03-01\ndescription: A generated case.\n${front}---\n\n${body}\n`);
  // Resource limits: 10,000 tags once exhausted the build's memory; a post larger than any story.
  posts["generated/ten-thousand-tags.md"] = post(`tags: [${Array.from({ length: 10_000 }, (_, i) => `t${i}`).join(", ")}]\n`);
  posts["generated/too-large.md"] = post("", "A long sentence of a story that never ends. ".repeat(13_000));
  return posts;
}

/** The problem lines a run printed, sorted. */
const problemLines = (run: RunResult) =>
  `${run.stdout}\n${run.stderr}`
    .split("\n")
    .filter((line) => line.startsWith("posts/"))
    .sort();
const check = (site: ScratchSite) => site.run(process.execPath, ["--import", "./scripts/typescript.js", "scripts/check.ts"], ENV);

let site: ScratchSite;
const runs: Record<string, RunResult> = {};

beforeAll(async () => {
  site = await createScratchSite(fixtures());
  // A link back to a folder above: the same posts reachable without end.
  await symlink(path.join(site.root, "posts"), path.join(site.root, "posts", "generated", "loop"));
  runs.check = await check(site);
  runs.build = await site.build(ENV);
}, 120_000);
afterAll(() => site?.remove());

describe("npm run check and the build, over every bad and hostile fixture", () => {
  it("both refuse, and print the same problems, each at a file and line", () => {
    expect(runs.check!.code).not.toBe(0);
    expect(runs.build!.code).not.toBe(0);
    expect(problemLines(runs.build!)).toEqual(problemLines(runs.check!));
    for (const line of problemLines(runs.check!)) expect(line).toMatch(/^posts\/[^:]+:\d+:\d+: [\w.]+: ./);
  });

  it("refuse the resource cases by their limits", () => {
    const lines = problemLines(runs.check!);
    expect(lines).toContainEqual(expect.stringMatching(/^posts\/generated\/ten-thousand-tags\.md:5:1: tags: expected at most 20 tags/));
    expect(lines).toContainEqual(expect.stringMatching(/^posts\/generated\/too-large\.md:1:1: file: expected a post of at most 512 KB/));
    expect(lines).toContainEqual(expect.stringMatching(/^posts\/generated\/loop:1:1: file: expected a folder of posts, found a link back/));
  });

  it("accept together what neither refused, and the build publishes it", async () => {
    const refused = new Set(problemLines(runs.check!).map((line) => line.slice(0, line.indexOf(":"))));
    await rm(path.join(site.root, "posts", "generated", "loop"));
    for (const file of refused) await rm(path.join(site.root, file), { force: true });
    const [again, build] = [await check(site), await site.build(ENV)];
    expect(problemLines(build)).toEqual(problemLines(again));
    expect(again.code, again.stderr).toBe(0);
    expect(build.code, build.stderr).toBe(0);
  }, 120_000);
});

// Markdown for --profile: Eleventy's benchmarks and CPU self time per builder.
import type { BuilderProfile, TimeRow } from "./profile.ts";

const GROUP_ROWS = 15;
const ms = (v: number): string => Math.round(v).toLocaleString("en-US");
const cell = (text: string): string => text.replace(/\|/g, "\\|");

function groupTable(profiles: BuilderProfile[]): string[] {
  const ok = profiles.filter((p) => p.summary);
  if (!ok.length) return [];
  const maps = ok.map((p) => new Map((p.summary?.groups ?? []).map((g: TimeRow) => [g.name, g.ms])));
  // The first builder's top groups, then any other builder's big ones it lacks.
  const names = [...new Set(ok.flatMap((p) => (p.summary?.groups ?? []).slice(0, GROUP_ROWS).map((g) => g.name)))];
  names.sort(
    (a, b) =>
      (maps[0]?.get(b) ?? 0) - (maps[0]?.get(a) ?? 0) ||
      Math.max(...maps.map((m) => m.get(b) ?? 0)) - Math.max(...maps.map((m) => m.get(a) ?? 0)),
  );
  const out = [
    `Self time by package, module or native function, as the profiler sampled it (ms, every thread, ` +
      `top ${GROUP_ROWS} of each builder, sorted by the first builder's time). A thread blocked in a call ` +
      "counts as busy in it: on Node 20 the main thread waits for the module loader's thread in `makeSyncRequest`.",
    "",
    `| group | ${ok.map((p) => p.label).join(" | ")} |`,
    `|---|${ok.map(() => "---:|").join("")}`,
  ];
  for (const name of names) out.push(`| ${cell(name)} | ${maps.map((m) => (m.has(name) ? ms(m.get(name) as number) : "—")).join(" | ")} |`);
  out.push(`| **all sampled** (idle left out) | ${ok.map((p) => `**${ms(p.summary?.cpuMs ?? 0)}**`).join(" | ")} |`);
  out.push(`| main thread idle (waiting) | ${ok.map((p) => ms(p.summary?.idleMs ?? 0)).join(" | ")} |`);
  out.push(`| threads profiled | ${ok.map((p) => String(p.summary?.threads ?? 0)).join(" | ")} |`);
  return out;
}

/** The "Where the time goes" section, one part per post count. */
export function renderProfiles(profiles: BuilderProfile[]): string[] {
  const out = [
    "### Where the time goes (--profile)",
    "",
    "One more build per Node builder after the timed rounds, not timed, with `DEBUG=Eleventy:Benchmark*` and " +
      "`node --cpu-prof` (1 ms samples). The profiler slows a build down, so read shares, not absolute times. " +
      "Eleventy's benchmarks nest (a template's render includes its filters), so they do not add up.",
  ];
  for (const n of [...new Set(profiles.map((p) => p.n))]) {
    const here = profiles.filter((p) => p.n === n);
    out.push("", `#### ${n.toLocaleString("en-US")} posts`);
    for (const p of here.filter((x) => x.error)) out.push("", `- ${p.label}: failed: ${cell((p.error ?? "").split("\n")[0] ?? "")}`);
    for (const p of here.filter((x) => x.benchmarks.length)) {
      out.push("", `Eleventy's benchmarks, ${p.label}:`, "", "| ms | % | calls | group | what |", "|---:|---:|---:|---|---|");
      for (const b of p.benchmarks) out.push(`| ${ms(b.ms)} | ${b.percent} | ${ms(b.calls)} | ${cell(b.group)} | ${cell(b.label)} |`);
    }
    const groups = groupTable(here);
    if (groups.length) out.push("", ...groups);
    for (const p of here.filter((x) => x.summary?.functions.length)) {
      out.push("", `Functions with the most self time, ${p.label}:`, "", "| ms | function | where |", "|---:|---|---|");
      for (const f of p.summary?.functions ?? []) out.push(`| ${ms(f.ms)} | ${cell(f.name)} | ${cell(f.where)} |`);
    }
  }
  return out;
}

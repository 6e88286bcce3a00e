// npm run bench -- --profile: Eleventy's benchmark lines and CPU profiles
// reduced to the report's rows.
import { describe, expect, it } from "vitest";
import { groupOf, parseBenchmarkLines, shortFile, summarizeProfiles, type BuilderProfile, type CpuProfile } from "../profile.ts";
import { renderProfiles } from "../profile-report.ts";

const frame = (functionName: string, url = "", lineNumber = -1) => ({ functionName, url, lineNumber, columnNumber: 0, scriptId: "1" });

// Sample i lasts until sample i + 1 (the last one until endTime): the
// comment on each sample is its length, in ms.
const main: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)") },
    { id: 2, callFrame: frame("(program)") },
    { id: 3, callFrame: frame("(idle)") },
    { id: 4, callFrame: frame("(garbage collector)") },
    { id: 5, callFrame: frame("render", "file:///site/node_modules/@11ty/eleventy/src/Template.js", 9) },
    { id: 6, callFrame: frame("parse", "file:///site/node_modules/markdown-it/lib/parser_block.mjs", 40) },
    { id: 7, callFrame: frame("slugify", "file:///checkout/lib/content/slug.ts", 2) },
    { id: 8, callFrame: frame("readFile", "node:internal/fs/promises", 100) },
    { id: 9, callFrame: frame("writeFileUtf8") },
    { id: 10, callFrame: frame("", "node:fs", 7) },
  ],
  startTime: 1_000_000,
  endTime: 1_020_000,
  samples: [5, 5, 7, 4, 3, 8, 10, 6, 9],
  //          3  3  1  2  5  1  1.5 0.5 3
  timeDeltas: [0, 3000, 3000, 1000, 2000, 5000, 1000, 1500, 500],
};

// The module loader's thread on Node 20: mostly idle, which is not counted.
const loaderThread: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(idle)") },
    { id: 2, callFrame: frame("transform", "file:///site/node_modules/tsx/dist/esm/index.mjs?tsx-namespace=1", 0) },
  ],
  startTime: 0,
  endTime: 10_000,
  samples: [1, 2],
  timeDeltas: [0, 8000],
};

describe("groupOf", () => {
  it("charges code to its npm package, scoped or nested", () => {
    expect(groupOf("render", "file:///site/node_modules/@11ty/eleventy/src/Template.js")).toBe("@11ty/eleventy");
    expect(groupOf("decode", "file:///site/node_modules/posthtml-parser/node_modules/entities/lib/decode.js")).toBe("entities");
    expect(groupOf("transform", "file:///site/node_modules/tsx/dist/esm/index.mjs?tsx-namespace=1")).toBe("tsx");
  });

  it("charges our modules to lib/<file>, Node's to node:<module>, natives to their name", () => {
    expect(groupOf("slugify", "file:///checkout/lib/content/slug.ts")).toBe("lib/content/slug.ts");
    expect(groupOf("load", "node:internal/modules/cjs/loader")).toBe("node:modules");
    expect(groupOf("readFile", "node:internal/fs/promises")).toBe("node:fs");
    expect(groupOf("join", "node:path")).toBe("node:path");
    expect(groupOf("(garbage collector)", "")).toBe("(garbage collector)");
    expect(groupOf("mkdir", "")).toBe("mkdir");
    expect(groupOf("RegExp: ^\\s+", "")).toBe("(regexp)");
    expect(groupOf("default", "file:///scratch/n200-bare/eleventy.config.js")).toBe("eleventy.config.js");
  });

  it("shortens file names for the function table", () => {
    expect(shortFile("file:///site/node_modules/@11ty/eleventy/src/Template.js")).toBe("@11ty/eleventy/src/Template.js");
    expect(shortFile("file:///checkout/lib/content/slug.ts")).toBe("lib/content/slug.ts");
    expect(shortFile("node:internal/fs/promises")).toBe("node:internal/fs/promises");
  });
});

describe("summarizeProfiles", () => {
  it("sums self time per group, most first, leaving idle out", () => {
    const s = summarizeProfiles(main);
    expect(s.groups.map((g) => [g.name, g.ms])).toEqual([
      ["@11ty/eleventy", 6],
      ["writeFileUtf8", 3],
      ["node:fs", 2.5],
      ["(garbage collector)", 2],
      ["lib/content/slug.ts", 1],
      ["markdown-it", 0.5],
    ]);
    expect(s.cpuMs).toBe(15);
    expect(s.idleMs).toBe(5);
    expect(s.threads).toBe(1);
  });

  it("lists functions with file:line, most self time first", () => {
    const s = summarizeProfiles(main, [], 3);
    expect(s.functions).toEqual([
      { name: "render", where: "@11ty/eleventy/src/Template.js:10", ms: 6 },
      { name: "writeFileUtf8", where: "native", ms: 3 },
      { name: "(garbage collector)", where: "native", ms: 2 },
    ]);
    const all = summarizeProfiles(main, [], 20).functions;
    expect(all.find((f) => f.name === "readFile")).toEqual({ name: "readFile", where: "node:internal/fs/promises:101", ms: 1 });
    expect(all.find((f) => f.where === "node:fs:8")).toEqual({ name: "(anonymous)", where: "node:fs:8", ms: 1.5 });
  });

  it("adds worker threads' busy time, but only the main thread's idle time", () => {
    const s = summarizeProfiles(main, [loaderThread]);
    expect(s.threads).toBe(2);
    expect(s.cpuMs).toBe(17);
    expect(s.idleMs).toBe(5);
    expect(s.groups.find((g) => g.name === "tsx")?.ms).toBe(2);
  });
});

describe("parseBenchmarkLines", () => {
  const stderr = [
    "Posts checked: 200 validated, 0 unchanged from the build cache.",
    "2026-11-28T16:23:51.969Z Eleventy:Benchmark Benchmark     14ms   1%    16× (Aggregate) Configuration addPlugin",
    "2026-11-28T16:23:51.970Z Eleventy:Benchmark Benchmark    550ms  14%   377× (Aggregate) Render",
    "2026-11-28T16:23:51.970Z Eleventy:Benchmark Benchmark     74ms   2%   200× (Data) `./posts/posts.11tydata.js`",
    // Eleventy's own warning repeats a debug line without the namespace.
    "[11ty] Benchmark    550ms  14%   377× (Aggregate) Render",
    // What debug prints to a terminal: colours and the time since its last line.
    "  \u001b[36;1mEleventy:Benchmark \u001b[0mBenchmark   1937ms  51%     1× (Aggregate) Searching the file system (passthrough) \u001b[36m+2ms\u001b[0m",
    "2026-11-28T16:23:51.971Z Eleventy:Template Some other debug line 12ms",
  ].join("\n");

  it("keeps the lines with ms, percent, calls and a label, most ms first", () => {
    expect(parseBenchmarkLines(stderr)).toEqual([
      { ms: 1937, percent: 51, calls: 1, group: "Aggregate", label: "Searching the file system (passthrough)" },
      { ms: 550, percent: 14, calls: 377, group: "Aggregate", label: "Render" },
      { ms: 74, percent: 2, calls: 200, group: "Data", label: "`./posts/posts.11tydata.js`" },
      { ms: 14, percent: 1, calls: 16, group: "Aggregate", label: "Configuration addPlugin" },
    ]);
    expect(parseBenchmarkLines(stderr, 2).map((b) => b.label)).toEqual(["Searching the file system (passthrough)", "Render"]);
  });
});

describe("renderProfiles", () => {
  it("puts the builders side by side, in the order of the first one's time", () => {
    const line = "x Eleventy:Benchmark Benchmark    550ms  14%   377× (Aggregate) Render";
    const bare = summarizeProfiles({ ...main, samples: [6, 6, 7, 4, 3, 8, 10, 5, 9] });
    const profiles: BuilderProfile[] = [
      { n: 200, builder: "ours", label: "ours", benchmarks: parseBenchmarkLines(line), summary: summarizeProfiles(main) },
      { n: 200, builder: "bare", label: "bare Eleventy", benchmarks: [], summary: bare },
    ];
    const text = renderProfiles(profiles).join("\n");
    expect(text).toContain("### Where the time goes (--profile)");
    expect(text).toContain("#### 200 posts");
    expect(text).toContain("| group | ours | bare Eleventy |");
    const rows = text.split("\n").filter((line) => /^\| (@11ty\/eleventy|markdown-it|writeFileUtf8) \|/.test(line));
    expect(rows).toEqual(["| @11ty/eleventy | 6 | 1 |", "| writeFileUtf8 | 3 | 3 |", "| markdown-it | 1 | 6 |"]);
    expect(text).toContain("| 550 | 14 | 377 | Aggregate | Render |");
  });
});

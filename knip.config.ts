// Unused files, exports and dependencies (`npm run lint`). Knip's own plugins
// already find most entry points: package.json scripts (scripts/*.ts, bench/run.ts),
// the Eleventy config and its *.11tydata.js, Vitest's test files, Netlify's plugins.
import { readFileSync } from "node:fs";
import type { KnipConfig } from "knip";

// .eleventy.js loads each plugin as plugin("stage/name"), an import() of a
// template string that knip cannot follow: the names are read from it instead,
// so a plugin added there is an entry here with no second list to keep.
const eleventyConfig = readFileSync(new URL(".eleventy.js", import.meta.url), "utf8");
const eleventyPlugins = [...eleventyConfig.matchAll(/\bplugin\("([\w/-]+)"\)/g)].map(([, name]) => `lib/${name}.ts`);

export default {
  // The benchmark's tools run by hand beside `npm run bench` (BENCHMARKS.md says how).
  entry: [...eleventyPlugins, "bench/lighthouse.ts", "bench/page-weight.ts", "bench/related.ts"],
  project: ["**/*.{js,ts}"],
  // Its enablers are Netlify packages this project does not need; it reads netlify.toml's build plugin.
  netlify: true,
  // A type named in an exported signature may be exported with it, used elsewhere or not.
  ignoreExportsUsedInFile: { interface: true, type: true },
  // Not packages: hugo is optional (bench/hugo.ts compares with it when installed); mount and umount are the system's.
  ignoreBinaries: ["hugo", "mount", "umount"],
  // Font files lib/images/card.ts reads by their path in the package (createRequire().resolve), which knip cannot see as a use.
  ignoreDependencies: ["@fontsource/source-serif-4"],
} satisfies KnipConfig;

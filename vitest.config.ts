import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "bench/tests/*.test.ts"],
    // Eleventy imports .eleventy.js and lib/*.ts itself, outside Vite, so the
    // test workers need the same TypeScript loader the npm scripts use.
    execArgv: ["--import", fileURLToPath(new URL("./scripts/typescript.js", import.meta.url))],
    pool: "forks",
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});

// netlify.toml as Netlify itself reads it: @netlify/config resolves each
// deploy context, and Netlify's header and redirect parsers accept every rule.
import { readFileSync } from "node:fs";
import path from "node:path";
import { resolveConfig } from "@netlify/config";
import { parseAllHeaders, type Header } from "@netlify/headers-parser";
import { parseAllRedirects } from "@netlify/redirect-parser";
import { describe, expect, it } from "vitest";
import { addresses } from "../../../lib/site/addresses.ts";
import { projectRoot } from "../../support/scratch-site.ts";

const NETLIFY_TOML = path.join(projectRoot, "netlify.toml");

async function resolveFor(context: string) {
  const { config } = await resolveConfig({
    config: NETLIFY_TOML,
    cwd: projectRoot,
    repositoryRoot: projectRoot,
    context,
    branch: context === "production" ? "main" : "some-branch",
    mode: "buildbot",
    offline: true,
  });
  return config as { build: { command: string; publish: string; environment: Record<string, string> } };
}

const INTENDED: Record<string, string> = {
  production: "npm run build",
  "deploy-preview": "npm run typecheck && npm run build",
  "branch-deploy": "npm run typecheck && npm run build",
};

describe("netlify.toml in each deploy context", () => {
  it.each(Object.keys(INTENDED))("%s: the intended command, _site published, Node pinned to .nvmrc", async (context) => {
    const { build } = await resolveFor(context);
    expect(build.command).toBe(INTENDED[context]);
    expect(path.relative(projectRoot, build.publish)).toBe("_site");
    const nvmrc = readFileSync(path.join(projectRoot, ".nvmrc"), "utf8").trim();
    expect(build.environment.NODE_VERSION).toBe(nvmrc);
    // Netlify sets CONTEXT itself; a value here would lie about where a build goes.
    expect(build.environment.CONTEXT).toBeUndefined();
  });

  it("runs only scripts that package.json defines", async () => {
    const scripts = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")).scripts as Record<string, string>;
    for (const command of Object.values(INTENDED)) {
      for (const [, script] of command.matchAll(/npm run (\S+)/g)) expect(scripts[script!], script).toBeDefined();
    }
  });
});

describe("header and redirect rules", () => {
  it("parse without errors with Netlify's parsers", async () => {
    const headers = await parseAllHeaders({ headersFiles: [], netlifyConfigPath: NETLIFY_TOML, configHeaders: [], minimal: false });
    const redirects = await parseAllRedirects({ redirectsFiles: [], netlifyConfigPath: NETLIFY_TOML, configRedirects: [], minimal: false });
    expect(headers.errors).toEqual([]);
    expect(redirects.errors).toEqual([]);
    expect(headers.headers.length).toBeGreaterThan(0);
  });

  it("name no address lib/site/addresses.ts owns: the feeds' headers and redirects are built into _headers and _redirects", async () => {
    // tests/site/publishing/netlify-config-preview.test.ts checks the built rules with these.
    const { headers } = await parseAllHeaders({ headersFiles: [], netlifyConfigPath: NETLIFY_TOML, configHeaders: [], minimal: true });
    const { redirects } = await parseAllRedirects({
      redirectsFiles: [],
      netlifyConfigPath: NETLIFY_TOML,
      configRedirects: [],
      minimal: true,
    });
    expect(redirects).toEqual([]);
    const owned: string[] = [...Object.values(addresses.feeds), addresses.feedStylesheet];
    expect((headers as { for: string }[]).map((rule) => rule.for).filter((path) => owned.includes(path))).toEqual([]);
  });

  it("never set one header to two values on paths that overlap, whatever order Netlify merges them in", async () => {
    const parsed = await parseAllHeaders({ headersFiles: [], netlifyConfigPath: NETLIFY_TOML, configHeaders: [], minimal: false });
    const headers = parsed.headers as Header[];
    const clashes: string[] = [];
    const sample = (pattern: string) => pattern.replace(/\*/g, "x");
    for (const [i, a] of headers.entries()) {
      for (const b of headers.slice(i + 1)) {
        if (!a.forRegExp.test(sample(b.for)) && !b.forRegExp.test(sample(a.for))) continue;
        for (const [name, value] of Object.entries(a.values)) {
          const other = Object.entries(b.values).find(([key]) => key.toLowerCase() === name.toLowerCase());
          if (other && other[1] !== value) clashes.push(`${name}: ${a.for} says "${value}", ${b.for} says "${other[1]}"`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it("make only the fingerprinted assets immutable", async () => {
    const { headers } = await parseAllHeaders({ headersFiles: [], netlifyConfigPath: NETLIFY_TOML, configHeaders: [], minimal: false });
    const immutable = headers.filter((rule) =>
      Object.entries(rule.values).some(([name, value]) => name.toLowerCase() === "cache-control" && value.includes("immutable")),
    );
    expect(immutable.map((rule) => rule.for)).toEqual(["/assets/*"]);
    expect(immutable[0]!.values["Cache-Control"]).toBe("public, max-age=31536000, immutable");
  });
});

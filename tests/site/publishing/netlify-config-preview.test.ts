// netlify.toml headers cannot differ by deploy context, but _headers is
// written by each build: a deploy preview tells search engines to stay away
// from every path, keeping the same strict policy as production.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { parseAllHeaders, type Header } from "@netlify/headers-parser";
import { parseAllRedirects } from "@netlify/redirect-parser";
import { addresses } from "../../../lib/site/addresses.ts";
import { projectRoot } from "../../support/scratch-site.ts";
import { buildProject, type BuiltSite } from "../../support/site-build.ts";
import { fetchRaw, startStaticServer, type StaticServer } from "../../support/static-server.ts";

let site: BuiltSite;
let server: StaticServer;

beforeAll(async () => {
  site = await buildProject({
    CONTEXT: "deploy-preview",
    URL: "https://news.example.org",
    DEPLOY_PRIME_URL: "https://deploy-preview-6--news.netlify.app",
  });
  server = await startStaticServer(site.output, { netlifyToml: path.join(projectRoot, "netlify.toml") });
});

afterAll(async () => {
  await server?.close();
});

describe("a deploy preview", () => {
  it("sends X-Robots-Tag: noindex on pages, feeds, assets and the 404", async () => {
    const icon = site.document("/").querySelector('link[rel="icon"]')?.getAttribute("href") ?? "/assets/";
    for (const url of ["/", "/feed.xml", "/sitemap.xml", icon, "/no-such-page/"]) {
      const { headers } = await fetchRaw(server.url + url);
      expect(headers.get("x-robots-tag"), url).toBe("noindex");
      expect(headers.get("content-security-policy"), url).toMatch(/^default-src 'none';/);
    }
  });

  it("says so in the page too, for crawlers that read HTML only", () => {
    expect(site.document("/").querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
  });
});

// The feeds' headers and redirects are written by the build at the addresses
// lib/site/addresses.ts gives the feeds, not kept in netlify.toml; the same in every context.
describe("the rules a build writes beside netlify.toml", () => {
  it("redirect the addresses people guess for a feed to the RSS feed, permanently, and nothing else", async () => {
    const { redirects, errors } = await parseAllRedirects({
      redirectsFiles: [path.join(site.output, "_redirects")],
      configRedirects: [],
      minimal: true,
    });
    expect(errors).toEqual([]);
    const rules = (redirects as { from: string; to: string; status?: number; force?: boolean }[]).map(({ from, to, status, force }) => ({
      from,
      to,
      status,
      force: force ?? false,
    }));
    expect(rules).toEqual(addresses.feedGuesses.map((from) => ({ from, to: addresses.feeds.rss, status: 301, force: false })));
    for (const guess of [...addresses.feedGuesses, "/feed/"]) {
      const { status, headers } = await fetchRaw(server.url + guess);
      expect([status, headers.get("location")], guess).toEqual([301, addresses.feeds.rss]);
    }
  });

  it("never set a header that netlify.toml also sets, to another value, on a path both match (netlify.toml's would win)", async () => {
    const read = async (files: string[], toml?: string) =>
      (await parseAllHeaders({ headersFiles: files, netlifyConfigPath: toml, configHeaders: [], minimal: false })).headers as Header[];
    const built = await read([path.join(site.output, "_headers")]);
    const configured = await read([], path.join(projectRoot, "netlify.toml"));
    const sample = (pattern: string) => pattern.replace(/\*/g, "x");
    const clashes: string[] = [];
    for (const a of built) {
      for (const b of configured) {
        if (!a.forRegExp.test(sample(b.for)) && !b.forRegExp.test(sample(a.for))) continue;
        for (const [name, value] of Object.entries(a.values)) {
          const other = Object.entries(b.values).find(([key]) => key.toLowerCase() === name.toLowerCase());
          if (other && other[1] !== value)
            clashes.push(`${name}: _headers ${a.for} says "${value}", netlify.toml ${b.for} says "${other[1]}"`);
        }
      }
    }
    expect(built.map((rule) => rule.for)).toContain(addresses.feeds.rss);
    expect(clashes).toEqual([]);
  });
});

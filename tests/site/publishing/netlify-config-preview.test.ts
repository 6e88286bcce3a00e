// netlify.toml headers cannot differ by deploy context, but _headers is
// written by each build: a deploy preview tells search engines to stay away
// from every path, keeping the same strict policy as production.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { projectRoot } from "../../support/scratch-site.ts";
import { buildProject, type BuiltSite } from "../../support/site-build.ts";
import { fetchRaw, startStaticServer, type StaticServer } from "../../support/static-server.ts";

let site: BuiltSite;
let server: StaticServer;

beforeAll(async () => {
  site = await buildProject({ CONTEXT: "deploy-preview", URL: "https://news.example.org", DEPLOY_PRIME_URL: "https://deploy-preview-6--news.netlify.app" });
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

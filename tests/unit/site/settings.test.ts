import { describe, expect, it } from "vitest";
import { absoluteUrl, loadSite } from "../../../lib/site/settings.ts";

describe("site metadata", () => {
  it("defaults to a local preview", () => {
    const site = loadSite({});
    expect(site.context).toBe("dev");
    expect(site.url).toBe("http://localhost:8080");
    expect(site.feedLimit).toBe(20);
  });

  it("uses Netlify's main URL in production and the deploy's own URL in previews", () => {
    const env = { URL: "https://news.example.org", DEPLOY_PRIME_URL: "https://deploy-preview-4--news.netlify.app" };
    expect(loadSite({ ...env, CONTEXT: "production" }).url).toBe("https://news.example.org");
    expect(loadSite({ ...env, CONTEXT: "deploy-preview" }).url).toBe("https://deploy-preview-4--news.netlify.app");
    expect(loadSite({ ...env, CONTEXT: "branch-deploy" }).url).toBe("https://deploy-preview-4--news.netlify.app");
  });

  it("refuses settings that would produce a broken site", () => {
    expect(() => loadSite({ URL: "ftp://example.org", CONTEXT: "production" })).toThrow(/http/);
    expect(() => loadSite({ FEED_LIMIT: "0" })).toThrow(/FEED_LIMIT/);
    expect(() => loadSite({ PAGE_SIZE: "ten" })).toThrow(/PAGE_SIZE/);
  });

  it("resolves paths against the origin", () => {
    expect(absoluteUrl({ url: "https://news.example.org" }, "/feed.xml")).toBe("https://news.example.org/feed.xml");
  });
});

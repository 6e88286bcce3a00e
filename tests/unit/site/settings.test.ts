// The publication's settings as the build gets them (lib/site/settings.ts):
// site.yaml's values with the address resolved, all of a bad file's problems
// at once, and which address each deploy context links to. Each bad field's
// message is in settings-file.test.ts.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { changedSettings, GOOD_SETTINGS, projectWith } from "../../support/settings-project.ts";
import { absoluteUrl, loadSite, SiteSettingsError } from "../../../lib/site/settings.ts";
import { readSettingsFile } from "../../../lib/site/settings-file.ts";
import { formatFailure } from "../../../lib/checks/problems.ts";

const PROJECT = path.join(import.meta.dirname, "..", "..", "..");

const NO_CACHE = { BUILD_CACHE: "off" };

describe("site.yaml", () => {
  it("gives the publication's settings, the address without its trailing slash", async () => {
    const site = await loadSite(NO_CACHE, projectWith(GOOD_SETTINGS));
    expect(site).toEqual({
      title: "The Harbour Times",
      description: "News from the harbour.",
      language: "en-GB",
      url: "https://news.example.org",
      author: { name: "Harbour desk", url: "https://news.example.org/about/" },
      authors: {},
      context: "production",
      pageSize: 12,
      feedLimit: 30,
    });
  });

  it("is the project's own file, with the Netlify address, 20 stories a page and a feed", () => {
    const reading = readSettingsFile(PROJECT);
    expect(reading.ok && reading.settings).toMatchObject({
      title: "The Commit Ledger",
      url: "https://the-commit-ledger.netlify.app",
      pageSize: 20,
      feedLimit: 20,
    });
    // Every field is explained to the editor, on the lines just above it.
    const lines = readFileSync(path.join(PROJECT, "site.yaml"), "utf8").split("\n");
    for (const [index, line] of lines.entries()) if (/^\w+:/.test(line)) expect(lines[index - 1], line).toMatch(/^#/);
  });

  it("takes an author page on another site as it is", async () => {
    const site = await loadSite(NO_CACHE, projectWith(changedSettings("  url: /about/", "  url: https://example.org/desk/")));
    expect(site.author.url).toBe("https://example.org/desk/");
  });

  it("reports every problem at once, in file order, and the build prints them as they are", async () => {
    const broken = GOOD_SETTINGS.replace("title: The Harbour Times", "title: 42")
      .replace("pageSize: 12", "pageSize: ten")
      .replace("  name: Harbour desk", "  name: ''");
    const failure = await loadSite(NO_CACHE, projectWith(broken)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SiteSettingsError);
    expect(formatFailure(failure)).toBe(
      [
        "3 problems in the publication's settings; no post was checked and nothing was published.",
        "site.yaml:1:1: title: expected the publication name as text, found the number 42",
        "site.yaml:5:3: author.name: expected a non-empty newsroom name, found an empty text",
        'site.yaml:8:1: pageSize: expected a whole number of stories a page from 1 to 1000 (not in quotes), found the text "ten"',
      ].join("\n"),
    );
  });

  it("refuses a project without one", async () => {
    const root = projectWith(GOOD_SETTINGS);
    rmSync(path.join(root, "site.yaml"));
    await expect(loadSite(NO_CACHE, root)).rejects.toThrow(
      "site.yaml:1:1: file: expected the publication's settings at the root of the project, found no such file",
    );
  });
});

describe("the address of each deploy context", () => {
  const root = () => projectWith(GOOD_SETTINGS);
  const netlify = {
    ...NO_CACHE,
    URL: "https://harbour-times.netlify.app",
    DEPLOY_PRIME_URL: "https://deploy-preview-4--harbour-times.netlify.app",
  };
  const site = (env: NodeJS.ProcessEnv) => loadSite(env, root());

  it("without CONTEXT, a build is the production site at site.yaml's address", async () => {
    expect(await site(NO_CACHE)).toMatchObject({ context: "production", url: "https://news.example.org" });
    expect(await site({ ...NO_CACHE, ELEVENTY_RUN_MODE: "build" })).toMatchObject({ context: "production" });
  });

  it("Netlify's production is at site.yaml's address, whatever Netlify's URL says", async () => {
    expect(await site({ ...netlify, CONTEXT: "production" })).toMatchObject({ context: "production", url: "https://news.example.org" });
  });

  it("previews and branch deploys link to their own address", async () => {
    for (const context of ["deploy-preview", "branch-deploy"]) {
      const preview = await site({ ...netlify, CONTEXT: context });
      expect(preview).toMatchObject({ context, url: "https://deploy-preview-4--harbour-times.netlify.app" });
      expect(preview.author.url).toBe("https://deploy-preview-4--harbour-times.netlify.app/about/");
    }
    // Built by hand, away from Netlify: served from this machine.
    expect((await site({ ...NO_CACHE, CONTEXT: "deploy-preview" })).url).toBe("http://localhost:8080");
  });

  it("the live preview, Eleventy watching or serving, is dev at this machine's address", async () => {
    for (const mode of ["watch", "serve"])
      expect(await site({ ...NO_CACHE, ELEVENTY_RUN_MODE: mode })).toMatchObject({ context: "dev", url: "http://localhost:8080" });
    expect(await site({ ...netlify, CONTEXT: "dev" })).toMatchObject({ context: "dev", url: "http://localhost:8080" });
    // A context named outright wins over the run mode.
    expect(await site({ ...netlify, CONTEXT: "production", ELEVENTY_RUN_MODE: "watch" })).toMatchObject({ context: "production" });
  });

  it("SITE_URL names the address in any context, for hosts other than Netlify", async () => {
    expect(await site({ ...NO_CACHE, SITE_URL: "https://staging.example.org" })).toMatchObject({
      context: "production",
      url: "https://staging.example.org",
    });
    expect(await site({ ...netlify, CONTEXT: "branch-deploy", SITE_URL: "https://staging.example.org/" })).toMatchObject({
      url: "https://staging.example.org",
    });
  });

  it("refuses an unknown context and a malformed address, with site.yaml's problems", async () => {
    const env = { ...NO_CACHE, CONTEXT: "staging", SITE_URL: "staging.example.org", DEPLOY_PRIME_URL: "https://ok.example.org" };
    const failure = await loadSite(env, projectWith(changedSettings("pageSize: 12", "pageSize: -1"))).catch((error: unknown) => error);
    expect((failure as SiteSettingsError).problems).toEqual([
      "site.yaml:8:1: pageSize: expected a whole number of stories a page from 1 to 1000, found the number -1",
      'CONTEXT: expected one of production, deploy-preview, branch-deploy, dev (or none, for production), found "staging"',
      'SITE_URL: expected an address like https://news.example.org (http or https, nothing after the host name), found "staging.example.org"',
    ]);
    await expect(site({ ...netlify, CONTEXT: "deploy-preview", DEPLOY_PRIME_URL: "https://preview.example.org/path/" })).rejects.toThrow(
      /DEPLOY_PRIME_URL: expected/,
    );
  });
});

describe("absoluteUrl", () => {
  it("resolves paths against the origin", () => {
    expect(absoluteUrl({ url: "https://news.example.org" }, "/feed.xml")).toBe("https://news.example.org/feed.xml");
  });
});

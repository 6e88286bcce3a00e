// site.yaml, the publication's settings: what a good file gives, how each bad
// field is reported (at its line, all at once), and which address each deploy
// context links to.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { absoluteUrl, loadSite, SiteSettingsError } from "../../../lib/site/settings.ts";
import { readSettingsFile } from "../../../lib/site/settings-file.ts";
import { formatFailure } from "../../../lib/checks/problems.ts";

const PROJECT = path.join(import.meta.dirname, "..", "..", "..");
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project folder holding only this site.yaml. */
function projectWith(settings: string): string {
  const root = mkdtempSync(path.join(tmpdir(), "site-settings-"));
  roots.push(root);
  writeFileSync(path.join(root, "site.yaml"), settings);
  return root;
}

const GOOD = `title: The Harbour Times
description: News from the harbour.
language: en-GB
author:
  name: Harbour desk
  url: /about/
url: https://news.example.org/
pageSize: 12
feedLimit: 30
`;

/** GOOD with one line replaced, or dropped when `to` is undefined. */
const changed = (line: string, to?: string) => GOOD.replace(`${line}\n`, to === undefined ? "" : `${to}\n`);

/** Every line a settings problem is reported as. */
function problemsOf(settings: string): string[] {
  const reading = readSettingsFile(projectWith(settings));
  return reading.ok ? [] : reading.problems;
}

const NO_CACHE = { BUILD_CACHE: "off" };

describe("site.yaml", () => {
  it("gives the publication's settings, the address without its trailing slash", async () => {
    const site = await loadSite(NO_CACHE, projectWith(GOOD));
    expect(site).toEqual({
      title: "The Harbour Times",
      description: "News from the harbour.",
      language: "en-GB",
      url: "https://news.example.org",
      author: { name: "Harbour desk", url: "https://news.example.org/about/" },
      context: "production",
      pageSize: 12,
      feedLimit: 30,
    });
  });

  it("is the project's own file, with the Netlify address, 20 stories a page and a feed", () => {
    const reading = readSettingsFile(PROJECT);
    expect(reading.ok && reading.settings).toMatchObject({ title: "The Commit Ledger", url: "https://the-commit-ledger.netlify.app", pageSize: 20, feedLimit: 20 });
    // Every field is explained to the editor, on the lines just above it.
    const lines = readFileSync(path.join(PROJECT, "site.yaml"), "utf8").split("\n");
    for (const [index, line] of lines.entries()) if (/^\w+:/.test(line)) expect(lines[index - 1], line).toMatch(/^#/);
  });

  it("takes an author page on another site as it is", async () => {
    const site = await loadSite(NO_CACHE, projectWith(changed("  url: /about/", "  url: https://example.org/desk/")));
    expect(site.author.url).toBe("https://example.org/desk/");
  });

  it.each([
    ["title: The Harbour Times", "title: 42", "site.yaml:1:1: title: expected the publication name as text, found the number 42"],
    ["title: The Harbour Times", "title: '  '", "site.yaml:1:1: title: expected a non-empty publication name, found an empty text"],
    ["description: News from the harbour.", "description: [a, b]", 'site.yaml:2:1: description: expected the description as text, found a list (["a","b"])'],
    ["language: en-GB", "language: english please", 'site.yaml:3:1: language: expected a language tag like en, en-GB or pt-BR, found the text "english please"'],
    ["  name: Harbour desk", "  name:", "site.yaml:5:3: author.name: expected the newsroom name as text, found an empty value"],
    ["  url: /about/", "  url: javascript:alert(1)", 'site.yaml:6:3: author.url: expected a path on this site like /about/, or an address like https://example.org/newsroom/, found the text "javascript:alert(1)"'],
    ["url: https://news.example.org/", "url: https://news.example.org/news/", 'site.yaml:7:1: url: expected an address like https://news.example.org (http or https, nothing after the host name), found the text "https://news.example.org/news/"'],
    ["url: https://news.example.org/", "url: ftp://news.example.org", 'site.yaml:7:1: url: expected an address like https://news.example.org (http or https, nothing after the host name), found the text "ftp://news.example.org"'],
    ["pageSize: 12", 'pageSize: "12"', 'site.yaml:8:1: pageSize: expected a whole number of stories a page from 1 to 1000 (not in quotes), found the text "12"'],
    ["pageSize: 12", "pageSize: 0", "site.yaml:8:1: pageSize: expected a whole number of stories a page from 1 to 1000, found the number 0"],
    ["feedLimit: 30", "feedLimit: 2.5", "site.yaml:9:1: feedLimit: expected a whole number of stories a feed from 1 to 1000, found the number 2.5"],
    ["feedLimit: 30", "feedLimit: 5000", "site.yaml:9:1: feedLimit: expected a whole number of stories a feed from 1 to 1000, found the number 5000"],
    ["feedLimit: 30", "feedLimit: 30\nfeedlimit: 10", 'site.yaml:10:1: feedlimit: unknown field; did you mean "feedLimit"? (expected one of title, description, language, author, url, pageSize, feedLimit)'],
    ["  url: /about/", "  url: /about/\n  email: desk@example.org", "site.yaml:7:3: author.email: unknown field (expected one of name, url)"],
    ["title: The Harbour Times", 'title: "The \\u0007 Times"', "site.yaml:1:1: title: expected text without invisible control characters (feeds and pages cannot carry them; delete it or retype the text), found U+0007"],
  ])("refuses %s written as %s, at its line", (line, to, problem) => {
    expect(problemsOf(changed(line, to))).toEqual([problem]);
  });

  it("names a missing field: at the start of the file, or at the mapping that should hold it", () => {
    expect(problemsOf(changed("feedLimit: 30"))).toEqual(["site.yaml:1:1: feedLimit: expected a whole number of stories a feed from 1 to 1000 (not in quotes), found nothing"]);
    expect(problemsOf(changed("  name: Harbour desk"))).toEqual(["site.yaml:4:1: author.name: expected the newsroom name as text, found nothing"]);
  });

  it("places YAML errors at their field", () => {
    expect(problemsOf(changed("description: News from the harbour.", "description: News: from the harbour."))).toEqual([
      expect.stringMatching(/^site\.yaml:2:\d+: description: expected valid YAML, found an error: .*\(text containing `: ` must be in quotes\)$/),
    ]);
    expect(problemsOf(`${GOOD}title: Again\n`)).toEqual([expect.stringMatching(/^site\.yaml:10:1: title: expected valid YAML, found an error: .*\(this field is given twice\)$/)]);
    expect(problemsOf("- a list\n")).toEqual([expect.stringMatching(/^site\.yaml:1:1: file: expected `field: value` lines \(title, .*\), found a list/)]);
    expect(problemsOf("")).toEqual(["site.yaml:1:1: file: expected `field: value` lines (title, description, language, author, url, pageSize, feedLimit), found an empty value"]);
  });

  it("reports every problem at once, in file order, and the build prints them as they are", async () => {
    const broken = GOOD.replace("title: The Harbour Times", "title: 42").replace("pageSize: 12", "pageSize: ten").replace("  name: Harbour desk", "  name: ''");
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
    const root = projectWith(GOOD);
    rmSync(path.join(root, "site.yaml"));
    await expect(loadSite(NO_CACHE, root)).rejects.toThrow("site.yaml:1:1: file: expected the publication's settings at the root of the project, found no such file");
  });
});

describe("the address of each deploy context", () => {
  const root = () => projectWith(GOOD);
  const netlify = { ...NO_CACHE, URL: "https://harbour-times.netlify.app", DEPLOY_PRIME_URL: "https://deploy-preview-4--harbour-times.netlify.app" };
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
    for (const mode of ["watch", "serve"]) expect(await site({ ...NO_CACHE, ELEVENTY_RUN_MODE: mode })).toMatchObject({ context: "dev", url: "http://localhost:8080" });
    expect(await site({ ...netlify, CONTEXT: "dev" })).toMatchObject({ context: "dev", url: "http://localhost:8080" });
    // A context named outright wins over the run mode.
    expect(await site({ ...netlify, CONTEXT: "production", ELEVENTY_RUN_MODE: "watch" })).toMatchObject({ context: "production" });
  });

  it("SITE_URL names the address in any context, for hosts other than Netlify", async () => {
    expect(await site({ ...NO_CACHE, SITE_URL: "https://staging.example.org" })).toMatchObject({ context: "production", url: "https://staging.example.org" });
    expect(await site({ ...netlify, CONTEXT: "branch-deploy", SITE_URL: "https://staging.example.org/" })).toMatchObject({ url: "https://staging.example.org" });
  });

  it("refuses an unknown context and a malformed address, with site.yaml's problems", async () => {
    const env = { ...NO_CACHE, CONTEXT: "staging", SITE_URL: "staging.example.org", DEPLOY_PRIME_URL: "https://ok.example.org" };
    const failure = await loadSite(env, projectWith(changed("pageSize: 12", "pageSize: -1"))).catch((error: unknown) => error);
    expect((failure as SiteSettingsError).problems).toEqual([
      "site.yaml:8:1: pageSize: expected a whole number of stories a page from 1 to 1000, found the number -1",
      'CONTEXT: expected one of production, deploy-preview, branch-deploy, dev (or none, for production), found "staging"',
      'SITE_URL: expected an address like https://news.example.org (http or https, nothing after the host name), found "staging.example.org"',
    ]);
    await expect(site({ ...netlify, CONTEXT: "deploy-preview", DEPLOY_PRIME_URL: "https://preview.example.org/path/" })).rejects.toThrow(/DEPLOY_PRIME_URL: expected/);
  });
});

describe("absoluteUrl", () => {
  it("resolves paths against the origin", () => {
    expect(absoluteUrl({ url: "https://news.example.org" }, "/feed.xml")).toBe("https://news.example.org/feed.xml");
  });
});

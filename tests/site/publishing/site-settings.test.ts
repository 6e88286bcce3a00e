/**
 * site.yaml, through the real entries: `npm run build` with no deploy context
 * is the production site at the file's address, ready for any static host;
 * a Netlify deploy preview links to its own address and stays out of search
 * engines; the live preview stays on this machine, and reads a saved
 * site.yaml again; and a broken site.yaml stops the build and `npm run check` with
 * the same problems, publishing nothing.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchSite, type RunResult, type ScratchSite } from "../../support/scratch-site.ts";
import { readSite, type BuiltSite } from "../../support/site-build.ts";
import { watchSite } from "../../support/watching-site.ts";

const ADDRESS = "https://ledger.example.com";
const PREVIEW = "https://deploy-preview-9--the-commit-ledger.netlify.app";
const post = (title: string, extra = "") =>
  `---\ntitle: ${title}\ndate: 2024-03-0${title.length % 9}\ndescription: About ${title}.\n${extra}---\n\nText.\n`;
const POSTS = {
  "harbour.md": post("Harbour reopens"),
  "bridge.md": post("Bridge opens"),
  "unfinished.md": post("Unfinished", "draft: true\n"),
};

const sites: ScratchSite[] = [];
let production: ScratchSite;
let built: BuiltSite;
let preview: BuiltSite;

async function scratchWith(settings: Record<string, unknown>): Promise<ScratchSite> {
  const site = await createScratchSite(POSTS);
  sites.push(site);
  await site.writeSettings(settings);
  return site;
}

const expectBuilt = (result: RunResult) => expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
const robotsMeta = (site: BuiltSite, url: string) => site.document(url).querySelector('meta[name="robots"]')?.getAttribute("content");
const canonical = (site: BuiltSite, url: string) => site.document(url).querySelector('link[rel="canonical"]')?.getAttribute("href");

beforeAll(async () => {
  // The editor's file names the address, the name and the sizes; nothing in the environment does.
  production = await scratchWith({ url: ADDRESS, title: "The Example Ledger", pageSize: 1, feedLimit: 1 });
  const previewSite = await scratchWith({ url: ADDRESS });
  const [npmBuild, previewBuild] = await Promise.all([
    production.run("npm", ["run", "--silent", "build"]),
    previewSite.build({ CONTEXT: "deploy-preview", DEPLOY_PRIME_URL: PREVIEW, URL: "https://the-commit-ledger.netlify.app" }),
  ]);
  expectBuilt(npmBuild);
  expectBuilt(previewBuild);
  built = readSite(production.output);
  preview = readSite(previewSite.output);
});

afterAll(async () => {
  for (const site of sites) await site.remove();
});

describe("npm run build, with no deploy context", () => {
  it("writes every canonical link at site.yaml's address", () => {
    expect(canonical(built, "/")).toBe(`${ADDRESS}/`);
    expect(canonical(built, "/posts/harbour/")).toBe(`${ADDRESS}/posts/harbour/`);
    expect(built.document("/").title).toContain("The Example Ledger");
  });

  it("lists the site's pages in the sitemap at that address", () => {
    const locations = [...built.text("/sitemap.xml").matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(locations).toContain(`${ADDRESS}/posts/harbour/`);
    for (const location of locations) expect(location.startsWith(`${ADDRESS}/`), location).toBe(true);
  });

  it("writes the feeds for that address, site.yaml's number of stories each", () => {
    const json = JSON.parse(built.text("/feed.json")) as { home_page_url: string; feed_url: string; items: { id: string }[] };
    expect(json.home_page_url).toBe(`${ADDRESS}/`);
    expect(json.feed_url).toBe(`${ADDRESS}/feed.json`);
    expect(json.items.map((item) => item.id)).toEqual([`${ADDRESS}/posts/harbour/`]);
    expect(built.text("/feed.xml")).toContain(`<link>${ADDRESS}/</link>`);
    expect(built.text("/atom.xml")).toContain(`<id>${ADDRESS}/posts/harbour/</id>`);
    for (const feed of ["/feed.xml", "/atom.xml"]) expect(built.text(feed)).not.toContain("localhost");
  });

  it("is the production site: indexable, without drafts, site.yaml's page size", () => {
    for (const page of ["/", "/posts/harbour/", "/tags/", "/404.html"]) expect(robotsMeta(built, page), page).toBeUndefined();
    expect(built.text("/_headers")).not.toMatch(/X-Robots-Tag/i);
    expect(built.text("/robots.txt")).toMatch(/^Disallow:\s*$/m);
    expect(built.text("/robots.txt")).toContain(`Sitemap: ${ADDRESS}/sitemap.xml`);
    expect(built.exists("/posts/unfinished/")).toBe(false);
    expect(built.exists("/page/2/")).toBe(true);
  });
});

describe("a Netlify deploy preview", () => {
  it("links to its own address, not site.yaml's nor Netlify's main one", () => {
    expect(canonical(preview, "/posts/harbour/")).toBe(`${PREVIEW}/posts/harbour/`);
    expect((JSON.parse(preview.text("/feed.json")) as { feed_url: string }).feed_url).toBe(`${PREVIEW}/feed.json`);
    expect(preview.text("/sitemap.xml")).not.toContain(ADDRESS);
  });

  it("says noindex everywhere and shows drafts", () => {
    for (const page of ["/", "/posts/harbour/", "/posts/unfinished/"]) expect(robotsMeta(preview, page), page).toBe("noindex");
    expect(preview.text("/_headers")).toMatch(/X-Robots-Tag: noindex/);
    expect(preview.text("/robots.txt")).toMatch(/^Disallow: \/$/m);
  });
});

describe("a broken site.yaml", () => {
  let build: RunResult;
  let check: RunResult;
  let before: string;

  beforeAll(async () => {
    before = built.text("/index.html");
    const file = path.join(production.root, "site.yaml");
    const broken = readFileSync(file, "utf8")
      .replace(`url: ${ADDRESS}`, "url: ledger.example.com")
      .replace("feedLimit: 1", "feedLimit: all");
    await writeFile(file, broken);
    [build, check] = await Promise.all([production.build(), production.run("npm", ["run", "--silent", "check"])]);
  });

  it("stops the build and npm run check with the same problems, each at its line", () => {
    expect(build.code).not.toBe(0);
    expect(check.code).not.toBe(0);
    const lines = build.stderr.trim().split("\n");
    expect(lines[0]).toBe("2 problems in the publication's settings; no post was checked and nothing was published.");
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^site\.yaml:\d+:1: url: expected an address like https:\/\/news\.example\.org .*, found the text "ledger\.example\.com"$/,
      ),
      expect.stringMatching(
        /^site\.yaml:\d+:1: feedLimit: expected a whole number of stories a feed from 1 to 1000 \(not in quotes\), found the text "all"$/,
      ),
    ]);
    expect(check.stderr).toBe(build.stderr);
    expect(`${build.stdout}${check.stdout}`).toBe("");
  });

  it("publishes nothing: the last site stays as it was, and no half-built copy is left", () => {
    expect(readFileSync(path.join(production.output, "index.html"), "utf8")).toBe(before);
    expect(readdirSync(production.root).filter((name) => name.startsWith("_site"))).toEqual(["_site"]);
    expect(existsSync(path.join(production.root, "_site", "feed.json"))).toBe(true);
  });
});

describe("the live preview", () => {
  it("is this machine's draft-showing, noindex site, and takes a saved site.yaml at once", async () => {
    const site = await scratchWith({ url: ADDRESS });
    const watching = await watchSite(site.root);
    try {
      const live = readSite(site.output);
      expect(canonical(live, "/posts/harbour/")).toBe("http://localhost:8080/posts/harbour/");
      expect(robotsMeta(live, "/posts/unfinished/")).toBe("noindex");
      await watching.rebuildAfter(() => site.writeSettings({ title: "The Renamed Ledger" }));
      expect(live.document("/").title).toContain("The Renamed Ledger");
    } finally {
      await watching.stop();
    }
  });
});

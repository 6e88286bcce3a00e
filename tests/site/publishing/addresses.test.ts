/**
 * One home for every address (lib/site/addresses.ts), proved on the whole
 * site: a copy of this project whose feeds are moved by editing that module
 * alone, and nothing else, builds with the feeds at their new addresses, and
 * every page, the feeds themselves, the XSL page, _headers, _redirects,
 * robots.txt and the sitemap follow; no built file names an old address.
 */
import { readdirSync, readFileSync } from "node:fs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addresses } from "../../../lib/site/addresses.ts";
import { createScratchSite, projectRoot, type ScratchSite } from "../../support/scratch-site.ts";
import { readSite, type BuiltSite } from "../../support/site-build.ts";
import { startStaticServer, type StaticServer } from "../../support/static-server.ts";

type Moved = "rss" | "atom" | "json" | "stylesheet";
const OLD: Record<Moved, string> = { ...addresses.feeds, stylesheet: addresses.feedStylesheet };
const NEW: Record<Moved, string> = { rss: "/news.rss", atom: "/news.atom", json: "/news.json", stylesheet: "/news.xsl" };
const MOVED = Object.keys(NEW) as Moved[];

let scratch: ScratchSite;
let built: BuiltSite;
/** The origin the build wrote absolute addresses for (the site's settings decide it, not this test). */
let BASE: string;
let server: StaticServer;

beforeAll(async () => {
  const posts = readdirSync(path.join(projectRoot, "posts")).filter((name) => name.endsWith(".md"));
  scratch = await createScratchSite(Object.fromEntries(posts.map((name) => [name, readFileSync(path.join(projectRoot, "posts", name))])));
  // Copies, not the links the scratch site makes: this site's addresses.ts must be its own.
  for (const folder of ["lib", "scripts", "pages", "layouts"]) {
    await rm(path.join(scratch.root, folder));
    await cp(path.join(projectRoot, folder), path.join(scratch.root, folder), { recursive: true });
  }
  const module = path.join(scratch.root, "lib", "site", "addresses.ts");
  let source = await readFile(module, "utf8");
  for (const name of MOVED) {
    const literal = JSON.stringify(OLD[name]);
    // Spelled once in the module, so one edit moves it.
    expect(source.split(literal).length - 1, literal).toBe(1);
    source = source.replace(literal, JSON.stringify(NEW[name]));
  }
  await writeFile(module, source);
  const result = await scratch.build({ CONTEXT: "production" });
  expect(result.code, result.stderr).toBe(0);
  built = readSite(scratch.output);
  BASE = new URL(JSON.parse(built.text(NEW.json)).home_page_url).origin;
  server = await startStaticServer(scratch.output, { netlifyToml: path.join(projectRoot, "netlify.toml") });
});

afterAll(async () => {
  await server?.close();
  await scratch?.remove();
});

const htmlPages = () => built.files().filter((file) => file.endsWith(".html"));
const hrefs = (url: string) => [...built.document(url).querySelectorAll("a[href]")].map((a) => a.getAttribute("href") ?? "");

describe("feeds moved by an edit to lib/site/addresses.ts alone", () => {
  it("are written at the new addresses, and nothing at the old", () => {
    for (const name of MOVED) {
      expect(built.exists(NEW[name]), NEW[name]).toBe(true);
      expect(built.exists(OLD[name]), OLD[name]).toBe(false);
    }
    expect(built.text(NEW.rss)).toContain('<rss version="2.0"');
    expect(built.text(NEW.atom)).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(JSON.parse(built.text(NEW.json)).version).toBe("https://jsonfeed.org/version/1.1");
    expect(built.text(NEW.stylesheet)).toContain("<xsl:stylesheet");
  });

  it("are announced at the new addresses by every page", () => {
    expect(htmlPages().length).toBeGreaterThan(5);
    for (const page of htmlPages()) {
      const links = [...built.document(page).querySelectorAll('link[rel="alternate"]')].map((link) => [
        link.getAttribute("type"),
        link.getAttribute("href"),
      ]);
      // A topic's page announces the topic's feeds first, named after the site's (issue 19).
      const topic = /^\/tags\/[^/]+\//.exec(page)?.[0];
      const feeds = (prefix: string) => [
        ["application/rss+xml", `${BASE}${prefix}${NEW.rss.slice(1)}`],
        ["application/atom+xml", `${BASE}${prefix}${NEW.atom.slice(1)}`],
        ["application/feed+json", `${BASE}${prefix}${NEW.json.slice(1)}`],
      ];
      expect(links, page).toEqual([...(topic ? feeds(topic) : []), ...feeds("/")]);
    }
  });

  it("are linked at the new addresses from the subscribe page, the about page and the home page", () => {
    const subscribe = built.document(addresses.subscribe);
    const listed = [...subscribe.querySelectorAll(".feed-list li")].map((item) => [
      item.querySelector("a")?.getAttribute("href"),
      item.querySelector("code")?.textContent,
    ]);
    expect(listed).toEqual([NEW.rss, NEW.atom, NEW.json].map((feed) => [feed, `${BASE}${feed}`]));
    expect(hrefs(addresses.about)).toContain(NEW.rss);
    for (const page of [addresses.subscribe, addresses.about, addresses.home]) {
      const footer = [...built.document(page).querySelectorAll(".site-footer a[type]")].map((a) => a.getAttribute("href"));
      expect(footer, page).toEqual([NEW.rss, NEW.atom, NEW.json]);
      for (const old of Object.values(OLD)) {
        expect(
          hrefs(page).filter((href) => href.endsWith(old)),
          page,
        ).toEqual([]);
      }
    }
  });

  it("name themselves, and their XSL page, at the new addresses; the XSL page links the new ones", () => {
    for (const feed of [NEW.rss, NEW.atom])
      expect(built.text(feed)).toContain(`<?xml-stylesheet href="${NEW.stylesheet}" type="text/xsl"?>`);
    expect(built.text(NEW.rss)).toContain(`<atom:link href="${BASE}${NEW.rss}" rel="self" type="application/rss+xml"/>`);
    expect(built.text(NEW.atom)).toContain(`<link rel="self" type="application/atom+xml" href="${BASE}${NEW.atom}"/>`);
    expect(JSON.parse(built.text(NEW.json)).feed_url).toBe(`${BASE}${NEW.json}`);
    const xslLinks = [...built.text(NEW.stylesheet).matchAll(/<a href="([^"{]+)"/g)].map((match) => match[1]);
    expect(xslLinks).toEqual([NEW.rss, NEW.atom, NEW.json, addresses.subscribe]);
  });

  it("are served with their media types and short cache by the _headers the build wrote", async () => {
    const types: Record<Moved, string> = {
      rss: "application/xml; charset=utf-8",
      atom: "application/xml; charset=utf-8",
      json: "application/feed+json; charset=utf-8",
      stylesheet: "application/xslt+xml; charset=utf-8",
    };
    for (const name of MOVED) {
      const response = await fetch(`${server.url}${NEW[name]}`);
      expect(response.status, NEW[name]).toBe(200);
      expect(response.headers.get("content-type"), NEW[name]).toBe(types[name]);
      expect(response.headers.get("cache-control"), NEW[name]).toBe("public, max-age=600, must-revalidate");
      expect((await fetch(`${server.url}${OLD[name]}`)).status, OLD[name]).toBe(404);
    }
    const headers = built.text("/_headers");
    for (const name of MOVED) expect(headers.split("\n"), NEW[name]).toContain(NEW[name]);
    // The XML feeds, and only they, may load the XSL page.
    const policy = async (url: string) => (await fetch(`${server.url}${url}`)).headers.get("content-security-policy") ?? "";
    for (const feed of [NEW.rss, NEW.atom]) expect(await policy(feed), feed).toContain("script-src 'self'");
    expect(await policy(NEW.json)).not.toContain("script-src");
  });

  it("are where the guessed feed addresses redirect, by the _redirects the build wrote", async () => {
    for (const guess of addresses.feedGuesses) {
      const response = await fetch(`${server.url}${guess}`, { redirect: "manual" });
      expect(response.status, guess).toBe(301);
      expect(response.headers.get("location"), guess).toBe(NEW.rss);
    }
  });

  it("leave robots.txt and the sitemap pointing where they should", () => {
    expect(built.text(addresses.robots)).toContain(`Sitemap: ${BASE}${addresses.sitemap}`);
    const listed = [...built.text(addresses.sitemap).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(listed).toContain(`${BASE}${addresses.subscribe}`);
    // Feeds are not pages to index, wherever they are.
    expect(listed.filter((loc) => MOVED.some((name) => loc.endsWith(NEW[name]) || loc.endsWith(OLD[name])))).toEqual([]);
  });

  it("leave no built file naming an old address", () => {
    const files = readdirSync(scratch.output, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.map((entry) => entry.name)).toEqual(expect.arrayContaining(["_headers", "_redirects", "robots.txt", "sitemap.xml"]));
    const mentions: string[] = [];
    for (const entry of files) {
      const text = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
      for (const old of Object.values(OLD))
        if (text.includes(old)) mentions.push(`${old} in ${path.relative(scratch.output, path.join(entry.parentPath, entry.name))}`);
    }
    expect(mentions).toEqual([]);
  });
});

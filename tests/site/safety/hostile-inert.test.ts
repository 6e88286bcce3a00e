// Hostile posts the build accepts: payloads in every frontmatter field and
// markup Markdown keeps as text. Built by the real build, served with the real
// headers, and read the way a browser reads them (Chromium's own DOM), every
// payload comes out as the same text it went in as, and nothing runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import type { Browser, Page } from "playwright-core";
import { parseHTML } from "linkedom";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchPage } from "../../support/browser.ts";
import { HOSTILE_PERSON } from "../../fixtures/hostile/inert/hostile-person.ts";
import { createScratchSite, projectRoot, type ScratchSite } from "../../support/scratch-site.ts";
import { readSite, type BuiltSite } from "../../support/site-build.ts";
import { startStaticServer, type StaticServer } from "../../support/static-server.ts";

const FIXTURES = new URL("../../fixtures/hostile/inert/", import.meta.url);
const FIXTURE = "payloads-everywhere.md";
const POST_URL = "/posts/payloads-everywhere/";

interface Payloads {
  title: string;
  description: string;
  tags: string[];
  source: { name: string; url: string };
  video: string;
}
const payloads = parseYaml(readFileSync(new URL(FIXTURE, FIXTURES), "utf8").split(/^---$/m)[1]!) as Payloads;
const PERSON = HOSTILE_PERSON;

let scratch: ScratchSite;
let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
const dialogs: string[] = [];

beforeAll(async () => {
  // This file reads the feeds by their one entry: only its fixture is built (tests/site/safety/hostile-published-inert.test.ts builds them all).
  const posts = { [FIXTURE]: readFileSync(new URL(FIXTURE, FIXTURES), "utf8") };
  scratch = await createScratchSite(posts);
  await scratch.writeSettings({ authors: { "hostile-writer": PERSON } });
  const result = await scratch.build({ CONTEXT: "production", SITE_URL: "https://news.example.org" });
  expect(result.stderr).toBe("");
  site = readSite(scratch.output);
  server = await startStaticServer(scratch.output, { netlifyToml: path.join(projectRoot, "netlify.toml") });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await scratch?.remove();
});

async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  page.on("dialog", (dialog) => {
    dialogs.push(`${url}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const watch = await watchPage(page);
  await page.goto(server.url + url);
  return { page, problems: watch.problems() };
}

/** What a browser built from the page that could run or restyle anything. */
function liveMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll("*")) {
      const tag = element.tagName.toLowerCase();
      if (tag === "script" && element.getAttribute("type") !== "application/ld+json") found.push(`<script>`);
      if (["iframe", "frame", "object", "embed", "base", "form"].includes(tag)) found.push(`<${tag}>`);
      for (const attribute of element.attributes) {
        const value = attribute.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
        if (attribute.name.startsWith("on")) found.push(`${tag} ${attribute.name}`);
        if (attribute.name === "style") found.push(`${tag} style=`);
        if (/^(javascript|vbscript|data:text)/.test(value)) found.push(`${tag} ${attribute.name}=${value}`);
      }
    }
    // Pages link the site's stylesheet and carry no <style> of their own.
    if (document.querySelectorAll("style").length !== 0) found.push(`${document.querySelectorAll("style").length} <style> elements`);
    return found;
  });
}

const htmlPages = () =>
  site
    .files()
    .filter((file) => file.endsWith(".html"))
    .map((file) => file.replace(/(^|\/)index\.html$/, "$1"));

describe("payloads in every field, on every page", () => {
  it("are looked for by a detector that does see live markup when there is some", async () => {
    const page = await browser.newPage();
    await page.setContent(`<style></style><p style="x" onclick="y"><a href=" java\tscript:z">a</a><iframe></iframe><script>1</script>`);
    expect((await liveMarkup(page)).sort()).toEqual([
      "1 <style> elements",
      "<iframe>",
      "<script>",
      "a href=javascript:z",
      "p onclick",
      "p style=",
    ]);
    await page.close();
  });

  it("run nothing and build no live markup on any page", async () => {
    const report: Record<string, string[]> = {};
    for (const url of htmlPages()) {
      const { page, problems } = await open(url);
      report[url] = [...problems, ...(await liveMarkup(page))];
      await page.close();
    }
    expect(Object.entries(report).filter(([, found]) => found.length > 0)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(htmlPages().length).toBeGreaterThan(3);
  });

  it("come out on the post page as exactly the text that went in", async () => {
    const { page } = await open(POST_URL);
    const text = (selector: string) => page.locator(selector).first().textContent();
    expect(await text("h1")).toBe(payloads.title);
    expect(await text(".dek")).toBe(payloads.description);
    expect(await text(".author")).toBe(PERSON.name);
    expect(await page.title()).toContain(payloads.title);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(payloads.title);
    expect(await page.locator('meta[name="description"]').getAttribute("content")).toBe(payloads.description);
    expect(await page.locator('meta[property="article:tag"]').evaluateAll((els) => els.map((el) => el.getAttribute("content")))).toEqual(
      payloads.tags,
    );
    const source = page.locator(".source a");
    expect(await source.getAttribute("href")).toBe(payloads.source.url);
    expect(await source.textContent()).toBe(payloads.source.name);
    // The facade links to the watch page rebuilt from the video id; the rest of the address is dropped.
    expect(await page.locator(".video-facade").getAttribute("href")).toBe("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    expect(await page.locator("abbr").getAttribute("title")).toBe("</abbr><script>alert('attr')</script>");
    expect(await page.locator("pre code").textContent()).toContain("<script>alert('fence')</script>");
    await page.close();
  });

  it("come out on the writer's page as exactly the text that went in", async () => {
    const { page } = await open("/authors/hostile-writer/");
    expect(await page.locator("h1").textContent()).toBe(PERSON.name);
    expect(await page.locator(".bio").textContent()).toBe(PERSON.bio);
    // The address as a URL parser writes it: its quotes and brackets percent-encoded, never markup.
    expect(await page.locator('a[rel~="me"]').getAttribute("href")).toBe(new URL(PERSON.link).href);
    expect(await page.title()).toContain(PERSON.name);
    await page.close();
  });

  it("stay inside the JSON-LD block, which still parses to the same values", async () => {
    const { page } = await open(POST_URL);
    const blocks = await page.locator('script[type="application/ld+json"]').evaluateAll((els) => els.map((el) => el.textContent ?? ""));
    expect(blocks).toHaveLength(1);
    const article = JSON.parse(blocks[0]!) as { headline: string; description: string; author: { name: string }[]; keywords: string[] };
    expect(article.headline).toBe(payloads.title);
    expect(article.description).toBe(payloads.description);
    expect(article.author[0]!.name).toBe(PERSON.name);
    expect(article.keywords).toEqual(payloads.tags);
    await page.close();
  });
});

describe("payloads in the feeds", () => {
  const xml = (url: string) => {
    const errors: string[] = [];
    const doc = new DOMParser({
      onError: (level, message) => void errors.push(`${level}: ${message}`),
      // The feeds are XML 1.0, where only CR and CRLF are line ends; xmldom's default is XML 1.1's, which also folds U+2028.
      normalizeLineEndings: (source) => source.replace(/\r\n?/g, "\n"),
    }).parseFromString(site.text(url), "text/xml");
    expect(errors, url).toEqual([]);
    return doc;
  };
  const texts = (doc: ReturnType<typeof xml>, tag: string) => [...doc.getElementsByTagName(tag)].map((el) => el.textContent);

  it("are escaped in RSS: well-formed, and each value reads back unchanged", () => {
    const item = xml("/feed.xml").getElementsByTagName("item")[0]!;
    const doc = item as unknown as ReturnType<typeof xml>;
    expect(texts(doc, "title")).toEqual([payloads.title]);
    // RSS descriptions are HTML to feed readers: their text, once parsed as HTML, is the summary as written.
    expect(
      texts(doc, "description").map((html) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body.textContent),
    ).toEqual([payloads.description]);
    expect(texts(doc, "dc:creator")).toEqual([PERSON.name]);
    expect(texts(doc, "category")).toEqual(payloads.tags);
  });

  it("are escaped in Atom and the sitemap", () => {
    const entry = xml("/atom.xml").getElementsByTagName("entry")[0]! as unknown as ReturnType<typeof xml>;
    expect(texts(entry, "title")).toEqual([payloads.title]);
    expect(texts(entry, "summary")).toEqual([payloads.description]);
    expect(texts(entry, "name")).toEqual([PERSON.name]);
    expect([...entry.getElementsByTagName("category")].map((el) => el.getAttribute("term"))).toEqual(payloads.tags);
    if (site.exists("/sitemap.xml")) xml("/sitemap.xml");
  });

  it("are escaped in JSON Feed", () => {
    const feed = JSON.parse(site.text("/feed.json")) as {
      items: { title: string; summary: string; tags: string[]; authors: { name: string }[] }[];
    };
    expect(feed.items[0]!.title).toBe(payloads.title);
    expect(feed.items[0]!.summary).toBe(payloads.description);
    expect(feed.items[0]!.tags).toEqual(payloads.tags);
    expect(feed.items[0]!.authors[0]!.name).toBe(PERSON.name);
  });

  it("carry a post body that builds no live markup when a reader shows it", async () => {
    const html = texts(xml("/feed.xml"), "content:encoded")[0] ?? "";
    expect(html).toContain("alert('attr')");
    const page = await browser.newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(`feed body: ${dialog.message()}`);
      void dialog.dismiss();
    });
    // No CSP here, as in a feed reader: the markup itself must be inert.
    await page.setContent(`<!doctype html><title>feed</title><body>${html}</body>`);
    expect(await liveMarkup(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

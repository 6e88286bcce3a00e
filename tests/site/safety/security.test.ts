// The production build, served on 127.0.0.1 with the headers and redirects of
// netlify.toml and the generated _headers (both read by Netlify's own parsers
// in support/static-server.ts), and loaded in Chromium: every page type obeys
// the Content-Security-Policy it is sent, with nothing to report, and takes
// its styles from the one fingerprinted stylesheet alone.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseAllHeaders } from "@netlify/headers-parser";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, watchPage } from "../../support/browser.ts";
import { projectRoot } from "../../support/scratch-site.ts";
import { buildProject, type BuiltSite } from "../../support/site-build.ts";
import { fetchRaw, startStaticServer, type StaticServer } from "../../support/static-server.ts";

const BASE = "https://news.example.org";
const NETLIFY_TOML = path.join(projectRoot, "netlify.toml");
const MISSING = "/no-such-page/";

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildProject({ CONTEXT: "production", SITE_URL: BASE });
  server = await startStaticServer(site.output, { netlifyToml: NETLIFY_TOML });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every page a reader can open, as URLs: each HTML page, feed and text file the build wrote. */
function pageUrls(): string[] {
  return site
    .files()
    .filter((file) => /\.(html|xml|json|txt)$/.test(file) && file !== "/404.html")
    .map((file) => file.replace(/(^|\/)index\.html$/, "$1"));
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** What netlify.toml declares for every path, read by Netlify's parser. */
async function declaredForEveryPath(): Promise<Record<string, string>> {
  const { headers, errors } = await parseAllHeaders({
    headersFiles: [],
    netlifyConfigPath: NETLIFY_TOML,
    configHeaders: [],
    minimal: false,
  });
  expect(errors).toEqual([]);
  const rule = headers.find((header) => header.for === "/*");
  expect(rule, "netlify.toml has a [[headers]] rule for /*").toBeDefined();
  return rule!.values;
}

describe("every page in Chromium", () => {
  it("has pages of every type to check", () => {
    const urls = pageUrls();
    expect(urls).toContain("/");
    expect(urls.some((url) => url.startsWith("/posts/"))).toBe(true);
    expect(urls).toContain("/feed.xml");
  });

  it("loads with zero CSP violations, console errors, failed requests or third-party requests", async () => {
    const report: Record<string, string[]> = {};
    // Chromium shows XML without a stylesheet (the sitemap) in its own viewer,
    // whose inline styles any strict policy reports; that is the browser's
    // markup, not ours. Their headers are still checked below.
    const readerPages = pageUrls().filter((url) => !url.endsWith(".xml") || /<\?xml-stylesheet/.test(site.text(url)));
    for (const url of [...readerPages, MISSING]) {
      const page = await browser.newPage();
      const watch = await watchPage(page);
      const response = await page.goto(server.url + url, { waitUntil: "load" });
      expect(response?.status(), url).toBe(url === MISSING ? 404 : 200);
      // The 404 status of the missing page itself is the point, not a problem.
      report[url] = watch
        .problems()
        .filter((problem) => url !== MISSING || !problem.includes(`404`) || !problem.includes(`${server.url}${MISSING}`));
      await page.close();
    }
    expect(Object.entries(report).filter(([, problems]) => problems.length > 0)).toEqual([]);
  });

  it("styles HTML pages from the site's own stylesheet file, with no inline style allowed and no script-src at all", async () => {
    const page = await browser.newPage();
    for (const url of pageUrls().filter((u) => u.endsWith("/") || u.endsWith(".html"))) {
      const response = await page.goto(server.url + url);
      const csp = directives((await response!.headerValue("content-security-policy")) ?? "");
      expect(csp.get("style-src"), url).toEqual(["'self'"]);
      const sheets = await page.evaluate(() => [...document.styleSheets].map((sheet) => sheet.href));
      expect(sheets, url).toEqual([expect.stringMatching(/\/assets\/site\.[0-9a-f]{8}\.css$/)]);
      expect(csp.has("script-src"), url).toBe(false);
      // The stylesheet really applied: the CSP did not silently drop it.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector(".skip-link")!).position), url).toBe("absolute");
    }
    await page.close();
  });

  it("shows the feeds through their XSL stylesheet, the one script-like load the policy allows", async () => {
    const page = await browser.newPage();
    const watch = await watchPage(page);
    const response = await page.goto(`${server.url}/feed.xml`);
    const csp = directives((await response!.headerValue("content-security-policy")) ?? "");
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(await page.locator("h1").first().textContent()).toMatch(/news feed of/i);
    expect(watch.problems()).toEqual([]);
    await page.close();
  });
});

describe("response headers", () => {
  it("send the strict policy and every header netlify.toml declares on every path, the 404 included", async () => {
    const declared = await declaredForEveryPath();
    for (const name of ["Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]) {
      expect(declared[name], name).toBeTruthy();
    }
    for (const url of [...pageUrls(), MISSING, "/assets/"]) {
      const { headers } = await fetchRaw(server.url + url);
      for (const [name, value] of Object.entries(declared)) expect(headers.get(name), `${name} on ${url}`).toBe(value);
      const csp = headers.get("content-security-policy") ?? "";
      const policy = directives(csp);
      expect(policy.get("default-src"), url).toEqual(["'none'"]);
      expect(policy.get("frame-ancestors"), url).toEqual(["'none'"]);
      // For Lighthouse, which reads robots.txt from inside the page (lib/publish/security-headers.ts); no script may run to use it.
      expect(policy.get("connect-src"), url).toEqual(["'self'"]);
      expect(policy.get("object-src"), url).toEqual(["'none'"]);
      expect(policy.get("base-uri"), url).toEqual(["'self'"]);
      expect(policy.get("form-action"), url).toEqual(["'self'"]);
      expect(policy.has("upgrade-insecure-requests"), url).toBe(true);
      expect(policy.has("frame-src") || policy.has("child-src"), `${url}: the video facade frames nothing`).toBe(false);
      expect(csp, url).not.toMatch(/unsafe-|\*|https?:/);
      expect(headers.get("x-robots-tag"), `production is indexable (${url})`).toBeNull();
    }
    expect(Number(/max-age=(\d+)/.exec(declared["Strict-Transport-Security"] ?? "")?.[1])).toBeGreaterThanOrEqual(31_536_000);
    expect(declared["X-Content-Type-Options"]).toBe("nosniff");
  });

  it.each([
    ["favicon", 'link[rel="icon"]', "icon.svg"],
    ["stylesheet", 'link[rel="stylesheet"]', "site.css"],
  ])("serve the fingerprinted %s immutable for a year under a name that is its content's hash", async (_, selector, source) => {
    const href = site.document("/").querySelector(selector)?.getAttribute("href") ?? "";
    const [name, ext] = source.split(".");
    const match = new RegExp(`^/assets/${name}\\.([0-9a-f]{8})\\.${ext}$`).exec(href);
    expect(match, href).not.toBeNull();
    const { status, headers, body } = await fetchRaw(server.url + href);
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(createHash("sha256").update(body).digest("hex").slice(0, 8)).toBe(match![1]);
    expect(body).toBe(readFileSync(path.join(projectRoot, "assets", source), "utf8"));
  });

  it("let HTML and feeds revalidate", async () => {
    for (const url of ["/", "/posts/kim-kardashian-sits-down-with-alice-johnson/", MISSING]) {
      // No rule caches HTML, so Netlify's default applies: public, max-age=0, must-revalidate.
      expect((await fetchRaw(server.url + url)).headers.get("cache-control"), url).toBeNull();
    }
    for (const url of ["/feed.xml", "/atom.xml", "/feed.json"].filter((u) => site.exists(u))) {
      const cache = (await fetchRaw(server.url + url)).headers.get("cache-control") ?? "";
      expect(cache, url).toMatch(/must-revalidate/);
      expect(cache, url).not.toMatch(/immutable/);
    }
  });
});

describe("redirects and the 404 page", () => {
  it.each(["/rss", "/rss.xml", "/feed", "/feed/", "/index.xml"])("%s answers 301 to the canonical feed", async (from) => {
    const { status, headers } = await fetchRaw(server.url + from);
    expect(status).toBe(301);
    expect(headers.get("location")).toBe("/feed.xml");
    const feed = await fetchRaw(new URL(headers.get("location")!, server.url).href);
    expect(feed.status).toBe(200);
    expect(feed.body).toContain("<rss");
  });

  it("answers a missing URL with the site's 404 page and status 404", async () => {
    const { status, body } = await fetchRaw(`${server.url}/posts/never-written/`);
    expect(status).toBe(404);
    expect(body).toBe(site.text("/404.html"));
    expect(body).toContain("Page not found");
  });
});

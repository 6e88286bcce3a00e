/**
 * Is a published site inert where no Content-Security-Policy protects it? Feed
 * readers, mirrors and proxies show our markup without our headers, so every
 * payload a post carries must be dead in the markup itself. Pages are served
 * with no header but Content-Type and opened in Chromium (one server, one
 * browser, any list of pages); the three feeds are read the way a reader reads
 * them and every field a reader renders as HTML is parsed as HTML.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAtomFeed, parseRssFeed } from "feedsmith";
import { parseHTML } from "linkedom";
import type { Page } from "playwright-core";
import { launchBrowser } from "./browser.ts";
import { createScratchSite, type ScratchSite } from "./scratch-site.ts";

export interface InertReport {
  /** What was looked at (pages, or feed items by id), so a test can refuse a check of nothing. */
  checked: string[];
  /** One line per finding, "where: what"; empty means inert. */
  findings: string[];
}

export const PRODUCTION = { CONTEXT: "production", SITE_URL: "https://news.example.org" };

/** Every post in a folder of fixtures, built as production builds it. The caller removes it. */
export async function publishFixtures(
  folder: URL,
  env: NodeJS.ProcessEnv = PRODUCTION,
  settings: Record<string, unknown> = {},
): Promise<ScratchSite> {
  const dir = fileURLToPath(folder);
  const posts = Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith(".md"))
      .map((name) => [name, readFileSync(path.join(dir, name))]),
  );
  const scratch = await createScratchSite(posts);
  await scratch.writeSettings(settings);
  const result = await scratch.build(env);
  if (result.code !== 0) {
    await scratch.remove();
    throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  }
  return scratch;
}

/**
 * What could run, load or re-base anything, for one document or fragment;
 * with `textOnly`, any element at all (a text field parsed as HTML must stay
 * text). Self-contained: Chromium runs it through page.evaluate and linkedom
 * in Node, so both read the same rules.
 */
function liveMarkup([scope, textOnly]: [Document | Element | undefined, boolean]): string[] {
  const root = scope ?? document;
  const found: string[] = [];
  for (const element of root.querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    // The wrapper a fragment is parsed into; a payload's own <body> only merges attributes into it.
    if (textOnly && !["html", "head", "body"].includes(tag)) found.push(`element <${tag}>`);
    if (tag === "script" && element.getAttribute("type") !== "application/ld+json") found.push("<script>");
    if (["iframe", "frame", "object", "embed", "base"].includes(tag)) found.push(`<${tag}>`);
    for (const { name, value } of Array.from(element.attributes)) {
      if (/^on/i.test(name)) found.push(`<${tag} ${name}>`);
      // Browsers drop spaces and controls around a URL and tabs and newlines inside it.
      if (/^(javascript:|vbscript:|data:text)/.test(value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase())) {
        found.push(`<${tag} ${name}="${value}">`);
      }
    }
  }
  return found;
}

/** Whether the site footer (layouts/base.njk) is still body's last element: no payload swallowed it. */
function footerProblem(): string | undefined {
  const footers = document.querySelectorAll("footer.site-footer");
  if (footers.length !== 1) return `${footers.length} site footers`;
  if (document.body.lastElementChild !== footers[0]) return "the site footer is not the last element of body";
  return undefined;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml",
  ".xsl": "application/xslt+xml",
  ".json": "application/json",
};

/**
 * A file server that sends no CSP and no other header beyond Content-Type:
 * tests/support/static-server.ts applies netlify.toml and the built _headers,
 * which is the protection this check must do without.
 */
async function serveBare(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const base = path.resolve(root);
  const find = async (pathname: string) => {
    const file = path.join(base, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    if (!file.startsWith(base + path.sep)) return undefined;
    return (await stat(file).catch(() => undefined))?.isFile() ? file : undefined;
  };
  const server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
      const file = (await find(pathname)) ?? (await find("/404.html"));
      const status = file && !file.endsWith(`${path.sep}404.html`) ? 200 : 404;
      res.writeHead(status, { "content-type": (file && TYPES[path.extname(file)]) ?? "text/plain; charset=utf-8" });
      res.end(file ? await readFile(file) : "Not Found");
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export interface InertPages {
  /** Opens each path (e.g. "/", "/posts/a/") and reports what ran, loaded or was built live. */
  check(paths: string[]): Promise<InertReport>;
  close(): Promise<void>;
}

/** One bare server and one browser for a built site folder; check() may be called many times. */
export async function openInertPages(folder: string): Promise<InertPages> {
  const [server, browser] = await Promise.all([serveBare(folder), launchBrowser()]);
  const context = await browser.newContext();
  const foreign = (url: string) => /^(https?|wss?):/.test(url) && new URL(url).origin !== server.url;
  // Nothing leaves the machine; page.on("request") still sees every attempt.
  await context.route(
    (url) => foreign(url.href),
    (route) => route.abort("blockedbyclient"),
  );

  async function checkOne(page: Page, where: string): Promise<string[]> {
    const found: string[] = [];
    page.on("dialog", (dialog) => {
      found.push(`${dialog.type()} "${dialog.message()}"`);
      void dialog.dismiss();
    });
    page.on("request", (request) => void (foreign(request.url()) && found.push(`request to ${request.url()}`)));
    const response = await page.goto(server.url + where, { waitUntil: "load" });
    if (response?.status() !== 200) found.push(`status ${response?.status()}`);
    found.push(...(await page.evaluate(liveMarkup, [undefined, false] as [undefined, boolean])));
    const footer = await page.evaluate(footerProblem);
    if (footer) found.push(footer);
    return found.map((finding) => `${where}: ${finding}`);
  }

  return {
    async check(paths) {
      const findings: string[] = [];
      // A few tabs at once: one browser, and a large corpus still goes quickly.
      const queue = [...paths];
      const worker = async () => {
        for (let where = queue.shift(); where !== undefined; where = queue.shift()) {
          const page = await context.newPage();
          findings.push(...(await checkOne(page, where).finally(() => page.close())));
        }
      };
      await Promise.all(Array.from({ length: 4 }, worker));
      // Sorted: the tabs finish in any order, a report should not.
      return { checked: paths, findings: findings.sort() };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A field as a reader's HTML renderer builds it. */
function htmlFindings(where: string, html: string, textOnly: boolean): string[] {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return liveMarkup([document as unknown as Document, textOnly]).map((finding) => `${where}: ${finding}`);
}

export interface FeedTexts {
  rss: string;
  atom: string;
  json: string;
}

/**
 * Each feed through a feed parser (feedsmith for the XML, which keeps Atom's
 * declared types; JSON.parse for JSON Feed), then each HTML field through an
 * HTML parser. Post bodies may hold markup but nothing live; a field that
 * carries a post's plain text must build no element wherever it is HTML:
 * RSS <description> always (RSS Profile 3.1), Atom text constructs only when
 * declared type="html" or "xhtml" (RFC 4287 3.1.1), JSON Feed never.
 */
export function checkFeeds(feeds: FeedTexts): InertReport {
  const checked: string[] = [];
  const findings: string[] = [];
  const rss = parseRssFeed(feeds.rss);
  findings.push(...htmlFindings("feed.xml channel description", rss.description ?? "", true));
  for (const item of rss.items ?? []) {
    const where = `feed.xml ${item.guid?.value ?? item.link}`;
    checked.push(where);
    findings.push(...htmlFindings(`${where} description`, item.description ?? "", true));
    findings.push(...htmlFindings(`${where} content:encoded`, item.content?.encoded ?? "", false));
  }
  const atom = parseAtomFeed(feeds.atom);
  const atomText = (where: string, text: { value?: string; type?: string } | undefined, textOnly: boolean) =>
    text?.type === "html" || text?.type === "xhtml" ? htmlFindings(where, text.value ?? "", textOnly) : [];
  findings.push(...atomText("atom.xml title", atom.title, true), ...atomText("atom.xml subtitle", atom.subtitle, true));
  for (const entry of atom.entries ?? []) {
    const where = `atom.xml ${entry.id}`;
    checked.push(where);
    findings.push(...atomText(`${where} title`, entry.title, true), ...atomText(`${where} summary`, entry.summary, true));
    findings.push(...atomText(`${where} content`, entry.content, false));
  }
  const json = JSON.parse(feeds.json) as { items?: { id: string; content_html?: string }[] };
  for (const item of json.items ?? []) {
    const where = `feed.json ${item.id}`;
    checked.push(where);
    findings.push(...htmlFindings(`${where} content_html`, item.content_html ?? "", false));
  }
  return { checked, findings };
}

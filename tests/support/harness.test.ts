// Self-test of the test helpers on a tiny throw-away site, so a helper that
// silently stops checking anything is caught here, not in production.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Browser } from "playwright-core";
import { fetchRaw, startStaticServer } from "./static-server.ts";
import type { StaticServer } from "./static-server.ts";
import { launchBrowser, watchPage } from "./browser.ts";
import { formatVnu, validateHtml } from "./vnu.ts";

const page = (title: string, body: string, head = "") =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n${head}</head>\n<body>\n${body}\n</body>\n</html>\n`;

const SITE: Record<string, string> = {
  "index.html": page("Home", "<h1>Home</h1>", '<link rel="stylesheet" href="/style.css">\n'),
  "404.html": page("Not found", "<h1>Lost</h1>"),
  "about/index.html": page("About", "<h1>About</h1>"),
  "style.css": "h1 { color: rebeccapurple; }\n",
  "feed.xml": '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"></rss>\n',
  "sitemap.xml": '<?xml version="1.0" encoding="utf-8"?><urlset></urlset>\n',
  "forced.txt": "never served: a forced rule wins\n",
  "throws.html": page("Throws", "<p>x</p>", '<script src="/throws.js"></script>\n'),
  "throws.js": "console.error('logged on purpose');\nthrow new Error('boom on purpose');\n",
  "inline.html": page("Inline", "<p>x</p>", "<script>document.title = 'ran';</script>\n"),
  "third-party.html": page("Third party", '<img src="http://example.invalid/pixel.png" alt="">'),
  "missing-asset.html": page("Missing", '<img src="/nowhere.png" alt="">'),
  "bad.html": "<!doctype html><html><head></head><body><p><div></p></body>",
};

const TOML = `
[[headers]]
  for = "/*"
  [headers.values]
    X-Frame-Options = "DENY"
    Content-Security-Policy = "default-src 'self'"
[[headers]]
  for = "/feed.xml"
  [headers.values]
    Content-Type = "application/rss+xml; charset=utf-8"

[[redirects]]
  from = "/old"
  to = "/about/"
  status = 301
[[redirects]]
  from = "/drafts/*"
  to = "/404.html"
  status = 404
[[redirects]]
  from = "/news/:year/*"
  to = "/archive/:year/:splat"
  status = 302
[[redirects]]
  from = "/index.html"
  to = "/about/"
[[redirects]]
  from = "/forced.txt"
  to = "/about/"
  status = 302
  force = true
[[redirects]]
  from = "/app/*"
  to = "/about/"
  status = 200
`;

let tmp: string;
let site: string;
let server: StaticServer;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "harness-"));
  site = join(tmp, "site");
  for (const [name, text] of Object.entries(SITE)) {
    await mkdir(dirname(join(site, name)), { recursive: true });
    await writeFile(join(site, name), text);
  }
  await writeFile(join(tmp, "secret.txt"), "outside the site");
  await writeFile(join(tmp, "netlify.toml"), TOML);
  server = await startStaticServer(site, { netlifyToml: join(tmp, "netlify.toml") });
});

afterAll(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("static server", () => {
  it("serves pages with the declared headers", async () => {
    const res = await fetchRaw(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'self'");
    expect(res.body).toContain("<h1>Home</h1>");
  });

  it("sets content types, letting header rules override them", async () => {
    expect((await fetchRaw(`${server.url}/style.css`)).headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await fetchRaw(`${server.url}/sitemap.xml`)).headers.get("content-type")).toBe("application/xml");
    expect((await fetchRaw(`${server.url}/feed.xml`)).headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
  });

  it("redirects a folder to its trailing-slash URL", async () => {
    const res = await fetchRaw(`${server.url}/about?x=1`);
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("/about/?x=1");
    expect((await fetchRaw(`${server.url}/about/`)).body).toContain("<h1>About</h1>");
  });

  it("applies redirect rules with their status and placeholders", async () => {
    const old = await fetchRaw(`${server.url}/old`);
    expect([old.status, old.headers.get("location")]).toEqual([301, "/about/"]);
    const news = await fetchRaw(`${server.url}/news/2024/05/story/`);
    expect([news.status, news.headers.get("location")]).toEqual([302, "/archive/2024/05/story/"]);
    const app = await fetchRaw(`${server.url}/app/deep/link`);
    expect(app.status).toBe(200);
    expect(app.body).toContain("<h1>About</h1>");
  });

  it("lets files shadow unforced rules but not forced ones", async () => {
    expect((await fetchRaw(`${server.url}/index.html`)).status).toBe(200);
    const forced = await fetchRaw(`${server.url}/forced.txt`);
    expect([forced.status, forced.headers.get("location")]).toEqual([302, "/about/"]);
  });

  it("answers 404 with the site 404 page, for rules and unknown paths", async () => {
    for (const path of ["/drafts/secret-plan", "/no/such/page", "/_redirects"]) {
      const res = await fetchRaw(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toContain("<h1>Lost</h1>");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
    }
  });

  it("never serves files outside the site folder", async () => {
    const res = await fetchRaw(`${server.url}/..%2fsecret.txt`);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain("outside the site");
  });

  it("serves without rules when netlify.toml is missing, and rejects a broken one", async () => {
    const bare = await startStaticServer(site, { netlifyToml: join(tmp, "absent.toml") });
    try {
      const res = await fetchRaw(`${bare.url}/old`);
      expect(res.status).toBe(404);
      expect(res.headers.get("x-frame-options")).toBeNull();
    } finally {
      await bare.close();
    }
    await writeFile(join(tmp, "broken.toml"), '[[redirects]]\n  to = "/x"\n');
    await expect(startStaticServer(site, { netlifyToml: join(tmp, "broken.toml") })).rejects.toThrow(/from/);
  });
});

describe("browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function visit(path: string) {
    const tab = await browser.newPage();
    const watch = await watchPage(tab);
    await tab.goto(`${server.url}${path}`, { waitUntil: "load" });
    // Give late console events and violation reports a moment to arrive.
    await tab.waitForTimeout(100);
    await tab.close();
    return watch;
  }

  it("reports nothing for a clean page", async () => {
    expect((await visit("/")).problems()).toEqual([]);
  });

  it("reports console errors and uncaught exceptions", async () => {
    const watch = await visit("/throws.html");
    expect(watch.consoleErrors.join("\n")).toContain("logged on purpose");
    expect(watch.pageErrors.join("\n")).toContain("boom on purpose");
  });

  it("reports CSP violations", async () => {
    const watch = await visit("/inline.html");
    // Both channels must work: the DOM event and Chromium's console line.
    expect(watch.cspViolations).toContainEqual(expect.stringMatching(/^script-src-elem blocked inline at /));
    expect(watch.cspViolations).toContainEqual(expect.stringMatching(/^console: .*Content Security Policy/));
    expect(watch.consoleErrors).toEqual([]);
  });

  it("reports and blocks third-party requests, and reports missing assets", async () => {
    const third = await visit("/third-party.html");
    expect(third.thirdPartyRequests).toEqual(["http://example.invalid/pixel.png"]);
    expect((await visit("/missing-asset.html")).badResponses).toEqual([`404 ${server.url}/nowhere.png`]);
  });
});

describe("vnu", () => {
  it("reports invalid HTML and passes a valid document, in one run", async () => {
    const messages = await validateHtml([join(site, "index.html"), join(site, "bad.html")]);
    expect(
      messages.filter((m) => m.file.endsWith("index.html")),
      formatVnu(messages),
    ).toEqual([]);
    const bad = messages.filter((m) => m.file === join(site, "bad.html"));
    expect(bad.map((m) => m.message).join("\n")).toMatch(/title/);
    expect(bad.every((m) => m.line === 1)).toBe(true);
  }, 60_000);

  it("refuses a missing file instead of passing it", async () => {
    await expect(validateHtml([join(site, "nope.html")])).rejects.toThrow(/no such file/);
  });
});

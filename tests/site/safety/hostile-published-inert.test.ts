// The hostile fixtures as published (a production build) and shown with no
// Content-Security-Policy at all, as feed readers, mirrors and proxies show
// them: nothing may run, load from elsewhere, carry a handler or a script URL,
// or swallow the page's footer, and no feed field a reader renders as HTML may
// build anything live. tests/site/safety/hostile-inert.test.ts reads the same fixtures
// under the real headers and checks that each payload reads back as its text.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFeeds, openInertPages, PRODUCTION, publishFixtures, type InertPages } from "../../support/inert-check.ts";
import type { ScratchSite } from "../../support/scratch-site.ts";
import { readSite } from "../../support/site-build.ts";
import { HOSTILE_PERSON } from "../../fixtures/hostile/inert/hostile-person.ts";

const FIXTURES = new URL("../../fixtures/hostile/inert/", import.meta.url);
const slugs = readdirSync(fileURLToPath(FIXTURES))
  .filter((name) => name.endsWith(".md"))
  .map((name) => name.slice(0, -3));

let scratch: ScratchSite;
let pages: InertPages;
beforeAll(async () => {
  // The byline of payloads-everywhere.md names a person whose every field is a payload too.
  scratch = await publishFixtures(FIXTURES, undefined, { authors: { "hostile-writer": HOSTILE_PERSON } });
  pages = await openInertPages(scratch.output);
});
afterAll(async () => {
  await pages?.close();
  await scratch?.remove();
});

describe("the inert check", () => {
  it("reports each kind of live markup on a page, and a footer something swallowed", async () => {
    const site = await mkdtemp(path.join(tmpdir(), "inert-control-"));
    const footer = '<footer class="site-footer"><p>f</p></footer>';
    const files: Record<string, string> = {
      "live/index.html": `<!doctype html><title>x</title><main><img src="/none.png" onerror="alert('ran')" alt="">
        <a href=" java\tscript:void(0)">a</a><script>void 0</script><img src="https://evil.example/p.png" alt="">
        <iframe srcdoc="x"></iframe></main>${footer}`,
      "swallowed/index.html": `<!doctype html><title>x</title><main><textarea></main>${footer}`,
      "clean/index.html": `<!doctype html><title>x</title><main><script type="application/ld+json">{}</script></main>${footer}`,
    };
    for (const [name, html] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(site, name)), { recursive: true });
      await writeFile(path.join(site, name), html);
    }
    const control = await openInertPages(site);
    try {
      const report = await control.check(["/live/", "/swallowed/", "/clean/", "/missing/"]);
      expect(report.findings).toEqual([
        '/live/: <a href=" java\tscript:void(0)">',
        "/live/: <iframe>",
        "/live/: <img onerror>",
        "/live/: <script>",
        '/live/: alert "ran"',
        "/live/: request to https://evil.example/p.png",
        "/missing/: 0 site footers",
        "/missing/: status 404",
        "/swallowed/: 0 site footers",
      ]);
    } finally {
      await control.close();
      await rm(site, { recursive: true, force: true });
    }
  });

  it("reports markup in feed fields that are HTML, and only there", () => {
    const rss = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
      <link>https://x.example/</link><description>&lt;b&gt;c&lt;/b&gt;</description><item><guid>https://x.example/a</guid>
      <title>&lt;i&gt;a title is text&lt;/i&gt;</title><description>&lt;img src=x&gt;</description>
      <content:encoded>&lt;a href="javascript:1" onclick="x"&gt;a&lt;/a&gt;&lt;em&gt;fine&lt;/em&gt;</content:encoded></item></channel></rss>`;
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>https://x.example/</id><updated>2024-01-01T00:00:00Z</updated>
      <entry><id>https://x.example/a</id><title type="html">&lt;i&gt;t&lt;/i&gt;</title><updated>2024-01-01T00:00:00Z</updated>
      <summary type="text">&lt;b&gt;text, shown as typed&lt;/b&gt;</summary><content type="html">&lt;script&gt;1&lt;/script&gt;</content></entry></feed>`;
    const json = JSON.stringify({
      items: [{ id: "https://x.example/a", summary: "<b>text</b>", content_html: "<svg onload=alert(1)></svg>" }],
    });
    expect(checkFeeds({ rss, atom, json })).toEqual({
      checked: ["feed.xml https://x.example/a", "atom.xml https://x.example/a", "feed.json https://x.example/a"],
      findings: [
        "feed.xml channel description: element <b>",
        "feed.xml https://x.example/a description: element <img>",
        'feed.xml https://x.example/a content:encoded: <a href="javascript:1">',
        "feed.xml https://x.example/a content:encoded: <a onclick>",
        "atom.xml https://x.example/a title: element <i>",
        "atom.xml https://x.example/a content: <script>",
        "feed.json https://x.example/a content_html: <svg onload>",
      ],
    });
  });
});

describe("hostile posts, published and shown without a CSP", () => {
  it("run nothing and build nothing live on the home page, the post pages and every tag page", async () => {
    const built = readSite(scratch.output);
    const tagPages = built
      .files()
      .filter((file) => /^\/tags\/.+\/index\.html$/.test(file))
      .map((file) => file.replace(/index\.html$/, ""));
    expect(tagPages.length).toBeGreaterThanOrEqual(3);
    const report = await pages.check(["/", ...slugs.map((slug) => `/posts/${slug}/`), "/tags/", ...tagPages]);
    expect(report.findings).toEqual([]);
  });

  it("carry every post in every feed with nothing live in any field a reader renders as HTML", () => {
    const built = readSite(scratch.output);
    const report = checkFeeds({ rss: built.text("/feed.xml"), atom: built.text("/atom.xml"), json: built.text("/feed.json") });
    for (const feed of ["feed.xml", "atom.xml", "feed.json"]) {
      for (const slug of slugs) expect(report.checked).toContain(`${feed} ${PRODUCTION.SITE_URL}/posts/${slug}/`);
    }
    expect(report.findings).toEqual([]);
  });
});

describe("posts the checks once read differently from the build (issue 16)", () => {
  it("publish the whole body of a file with old-Mac CR line endings", () => {
    const page = readSite(scratch.output).text("/posts/old-mac-line-endings/");
    expect(page).toContain("every word of it must be published.");
    expect(page).toContain("<b>Bold</b> stays bold.");
  });

  it("read a YAML timestamp with a space as YAML defines it", () => {
    const page = readSite(scratch.output).text("/posts/space-timestamp/");
    expect(page).toContain('datetime="2018-06-14T09:30:00.000Z"');
  });
});

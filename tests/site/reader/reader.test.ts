// What a reader sees, read back from built sites: the real one (one post) and
// a generated one with enough posts to page through tags, months and years.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchSite } from "../../support/scratch-site.ts";
import { buildProject, type BuiltSite } from "../../support/site-build.ts";
import {
  BYLINE_SLUG,
  HOSTILE_SLUG,
  HOSTILE_TITLE,
  VIDEO_ID,
  VIDEO_SLUG,
  buildFixtureSite,
  postMarkdown,
  type FixtureSite,
} from "../../support/reader-fixtures.ts";

const PAGE_SIZE = 4;
const COUNT = 23;
const FIRST_POST = "/posts/kim-kardashian-sits-down-with-alice-johnson/";

const text = (node: Element | null | undefined) => (node?.textContent ?? "").replace(/\s+/g, " ").trim();
const hrefs = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((a) => a.getAttribute("href") ?? "");

let real: BuiltSite;
let fixture: FixtureSite;
let site: BuiltSite;
/** Fixture posts as the site orders them: newest first. */
let newestFirst: FixtureSite["posts"];

beforeAll(async () => {
  [real, fixture] = await Promise.all([
    buildProject({ CONTEXT: "production", SITE_URL: "https://news.example.org" }),
    buildFixtureSite(COUNT, {}, { pageSize: PAGE_SIZE }),
  ]);
  site = fixture.site;
  newestFirst = [...fixture.posts].sort((a, b) => b.date.localeCompare(a.date));
});
afterAll(() => fixture?.scratch.remove());

describe("home page", () => {
  it("lists the newest posts first, PAGE_SIZE to a page, each with title, date, summary and tags", () => {
    const pages = Math.ceil(COUNT / PAGE_SIZE);
    const seen: string[] = [];
    for (let number = 1; number <= pages; number++) {
      const doc = site.document(number === 1 ? "/" : `/page/${number}/`);
      const items = [...doc.querySelectorAll(".post-list > li")];
      expect(items.length).toBe(number < pages ? PAGE_SIZE : COUNT - PAGE_SIZE * (pages - 1));
      for (const item of items) {
        seen.push(item.querySelector("h2 a")!.getAttribute("href")!);
        expect(item.querySelector("time")?.getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(text(item.querySelector(".summary"))).toMatch(/^Summary of /);
        expect(hrefs(item as unknown as Document, ".tag-list a").every((href) => /^\/tags\/[a-z0-9-]+\/$/.test(href))).toBe(true);
        expect(item.querySelectorAll(".tag-list a").length).toBeGreaterThan(0);
      }
    }
    expect(seen).toEqual(newestFirst.map((post) => `/posts/${post.slug}/`));
    expect(site.exists(`/page/${pages + 1}/`)).toBe(false);
  });

  it("has numbered, labelled pagination that marks the current page", () => {
    const doc = site.document("/page/3/");
    const nav = doc.querySelector("nav.pagination")!;
    expect(nav.getAttribute("aria-label")).toBeTruthy();
    const current = [...nav.querySelectorAll('a[aria-current="page"]')];
    expect(current.map((a) => [a.getAttribute("href"), text(a)])).toEqual([["/page/3/", "Page 3"]]);
    expect(hrefs(doc, "nav.pagination a")).toEqual([
      "/page/2/",
      "/",
      "/page/2/",
      "/page/3/",
      "/page/4/",
      "/page/5/",
      "/page/6/",
      "/page/4/",
    ]);
    expect(doc.querySelector('nav.pagination a[rel="prev"]')?.getAttribute("href")).toBe("/page/2/");
    expect(doc.querySelector('nav.pagination a[rel="next"]')?.getAttribute("href")).toBe("/page/4/");
    expect(doc.title).toBe("Latest news, page 3 — The Commit Ledger");
    // One post, one page: no pagination at all.
    expect(real.document("/").querySelector("nav.pagination")).toBeNull();
  });
});

describe("post page", () => {
  it("has headline, dek, byline, published and updated <time>, reading time, source credit", () => {
    const doc = site.document(`/posts/${BYLINE_SLUG}/`);
    expect(text(doc.querySelector("h1"))).toBe("Harbour report with a byline");
    expect(text(doc.querySelector(".dek"))).toBe("Summary of harbour report with a byline.");
    expect(text(doc.querySelector(".byline .author"))).toBe("Sam Reporter");
    const times = [...doc.querySelectorAll(".byline time")].map((time) => time.getAttribute("datetime"));
    expect(times).toEqual([`${fixture.posts[2]!.date}T00:00:00.000Z`, "2025-01-05T10:00:00.000Z"]);
    expect(text(doc.querySelector(".reading-time"))).toBe("1 min read");
    const source = doc.querySelector(".source a");
    expect([source?.getAttribute("href"), text(source)]).toEqual(["https://gazette.example.com/harbour", "Harbour Gazette"]);
  });

  it("links its tags to tag pages that exist", () => {
    for (const url of [`/posts/${BYLINE_SLUG}/`, FIRST_POST]) {
      const built = url === FIRST_POST ? real : site;
      const links = hrefs(built.document(url), ".post-footer .tag-list a");
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) expect(built.exists(href), href).toBe(true);
    }
    expect(hrefs(real.document(FIRST_POST), ".post-footer .tag-list a")).toEqual([
      "/tags/kim-kardashian/",
      "/tags/alice-johnson/",
      "/tags/criminal-justice/",
      "/tags/politics/",
    ]);
  });

  it("links to the previous (older) and next (newer) post", () => {
    const middle = newestFirst[5]!;
    const doc = site.document(`/posts/${middle.slug}/`);
    expect(doc.querySelector('.post-nav a[rel="prev"]')?.getAttribute("href")).toBe(`/posts/${newestFirst[6]!.slug}/`);
    expect(doc.querySelector('.post-nav a[rel="next"]')?.getAttribute("href")).toBe(`/posts/${newestFirst[4]!.slug}/`);
    expect(site.document(`/posts/${newestFirst[0]!.slug}/`).querySelector('.post-nav a[rel="next"]')).toBeNull();
    expect(real.document(FIRST_POST).querySelector(".post-nav")).toBeNull();
  });

  it("shares by plain links carrying the post's address, and loads nothing from elsewhere", () => {
    const doc = real.document(FIRST_POST);
    const links = hrefs(doc, ".share a");
    expect(links.length).toBeGreaterThanOrEqual(4);
    const encoded = encodeURIComponent(`https://news.example.org${FIRST_POST}`);
    for (const href of links) {
      expect(href, href).toMatch(/^(mailto:|https:\/\/)/);
      expect(href, href).toContain(encoded);
    }
    expect(links.some((href) => href.startsWith("mailto:"))).toBe(true);
    // Nothing in the page fetches anything by itself but the site's own stylesheet: no scripts, frames, images, or external styles.
    expect(doc.querySelectorAll("script:not([type='application/ld+json']), iframe, img, object, embed")).toHaveLength(0);
    expect(hrefs(doc, "link[rel='stylesheet']")).toEqual([expect.stringMatching(/^\/assets\/site\.[0-9a-f]{8}\.css$/)]);
  });

  it("escapes a hostile headline in the title, heading, lists and metadata", () => {
    const html = site.text(`/posts/${HOSTILE_SLUG}/`);
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<b>bold</b>");
    const doc = site.document(`/posts/${HOSTILE_SLUG}/`);
    expect(text(doc.querySelector("h1"))).toBe(HOSTILE_TITLE);
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBe(HOSTILE_TITLE);
    expect(site.text("/archive/")).not.toContain("<script>alert(1)");
  });
});

describe("video facade", () => {
  it("is a link to the video's own page with a poster drawn locally: no frame, no image, no request", () => {
    const doc = site.document(`/posts/${VIDEO_SLUG}/`);
    const facade = doc.querySelector("a.video-facade");
    expect(facade?.getAttribute("href")).toBe(`https://www.youtube.com/watch?v=${VIDEO_ID}`);
    expect(text(facade)).toContain("Watch the video on YouTube");
    expect(facade?.querySelector("svg")).not.toBeNull();
    // It sits between the dek and the story.
    expect(doc.querySelector(".post-header + figure.video + .post-body")).not.toBeNull();
    expect(doc.querySelectorAll("iframe, video, img, [src], [srcset], [poster]")).toHaveLength(0);
  });

  it("is not invented for a post without a video", () => {
    expect(real.document(FIRST_POST).querySelector(".video, .video-facade")).toBeNull();
    expect(site.document(`/posts/${newestFirst[0]!.slug}/`).querySelector(".video")).toBeNull();
  });
});

describe("tags", () => {
  it("folds Politics and politics into one paginated tag page", () => {
    const expected = newestFirst.filter((post) => post.tags.some((tag) => tag.toLowerCase() === "politics"));
    expect(new Set(expected.flatMap((post) => post.tags.filter((tag) => tag.toLowerCase() === "politics"))).size).toBe(2);
    const listed: string[] = [];
    for (let number = 1; site.exists(number === 1 ? "/tags/politics/" : `/tags/politics/page/${number}/`); number++) {
      const doc = site.document(number === 1 ? "/tags/politics/" : `/tags/politics/page/${number}/`);
      expect(text(doc.querySelector("h1"))).toMatch(/^Politics/);
      listed.push(...hrefs(doc, ".post-list h2 a"));
    }
    expect(listed).toEqual(expected.map((post) => `/posts/${post.slug}/`));
    expect(site.files().filter((file) => /^\/tags\/politics/i.test(file) && !file.startsWith("/tags/politics/"))).toEqual([]);
  });

  it("has an index listing each tag once with its count", () => {
    const doc = site.document("/tags/");
    const entries = [...doc.querySelectorAll(".topic-index li")].map((li) => [
      li.querySelector("a")!.getAttribute("href"),
      text(li.querySelector(".count")),
    ]);
    expect(entries.map(([href]) => href)).toEqual([
      "/tags/courts/",
      "/tags/health/",
      "/tags/local-news/",
      "/tags/politics/",
      "/tags/science/",
      "/tags/weather/",
    ]);
    const courts = fixture.posts.filter((post) => post.tags.includes("Courts") || post.tags.includes("courts")).length;
    expect(entries[0]![1]).toBe(`(${courts} stories)`);
  });

  it("stops the build when two spellings would share one tag URL", async () => {
    const [one, two] = [
      { slug: "one", title: "One", date: "2024-01-01", tags: ["Crime & Justice"] },
      { slug: "two", title: "Two", date: "2024-01-02", tags: ["Crime and Justice"] },
    ];
    const scratch = await createScratchSite({ "one.md": postMarkdown(one), "two.md": postMarkdown(two) });
    try {
      const result = await scratch.build({ CONTEXT: "production" });
      expect(result.code).not.toBe(0);
      const output = result.stderr + result.stdout;
      expect(output).toContain("posts/two.md");
      expect(output).toContain("/tags/crime-and-justice/");
      expect(output).toContain("Crime & Justice");
      expect(output).toContain("Crime and Justice");
    } finally {
      await scratch.remove();
    }
  });
});

describe("archive, about and 404", () => {
  it("archive indexes years and months, each month a page of its stories, newest first", () => {
    const doc = site.document("/archive/");
    const years = [...doc.querySelectorAll("section.archive-year")];
    expect(years.map((section) => text(section.querySelector("h2")))).toEqual(["2024", "2023"]);
    const listed: string[] = [];
    for (const section of years) {
      const year = text(section.querySelector("h2"));
      for (const link of section.querySelectorAll(".archive-months a")) {
        const monthUrl = link.getAttribute("href")!;
        expect(monthUrl).toMatch(new RegExp(`^/archive/${year}/\\d{2}/$`));
        const month = site.document(monthUrl);
        expect(text(month.querySelector("h1"))).toBe(text(link));
        const [monthName] = text(link).split(" ");
        const items = [...month.querySelectorAll(".archive-list li")];
        expect(text(link.nextElementSibling)).toBe(`(${items.length} ${items.length === 1 ? "story" : "stories"})`);
        for (const li of items) {
          const when = new Date(li.querySelector("time")!.getAttribute("datetime")!);
          expect(when.toLocaleString("en-US", { month: "long", timeZone: "UTC" })).toBe(monthName);
          expect(String(when.getUTCFullYear())).toBe(year);
          listed.push(li.querySelector("a")!.getAttribute("href")!);
        }
      }
    }
    expect(listed).toEqual(newestFirst.map((post) => `/posts/${post.slug}/`));
  });

  it("links each archive month to the months either side", () => {
    const months = hrefs(site.document("/archive/"), ".archive-months a");
    const middle = site.document(months[3]!);
    expect(middle.querySelector('.post-nav a[rel="next"]')?.getAttribute("href")).toBe(months[2]);
    expect(middle.querySelector('.post-nav a[rel="prev"]')?.getAttribute("href")).toBe(months[4]);
    expect(site.document(months[0]!).querySelector('.post-nav a[rel="next"]')).toBeNull();
  });

  it("has an about page, linked from every page", () => {
    const doc = real.document("/about/");
    expect(text(doc.querySelector("h1"))).toBe("About The Commit Ledger");
    for (const url of ["/", FIRST_POST, "/archive/", "/tags/politics/"]) {
      expect(hrefs(real.document(url), "header nav a")).toContain("/about/");
    }
  });

  it("404 page points the way: front page, archive, topics and the latest stories", () => {
    const doc = site.document("/404.html");
    expect(text(doc.querySelector("h1"))).toBe("Page not found");
    const links = hrefs(doc, "main a");
    expect(links).toEqual(expect.arrayContaining(["/", "/archive/", "/tags/", `/posts/${newestFirst[0]!.slug}/`]));
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
  });
});

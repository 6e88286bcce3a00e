// lib/publish/feed.ts: one feed model for RSS, Atom and JSON Feed (entries, ids, dates, absolute links), and the escaping its templates use.
import { DOMParser } from "@xmldom/xmldom";
import { parseFragment } from "parse5";
import { describe, expect, it } from "vitest";
import { PostItem } from "../../../lib/listings/collections.ts";
import feedPlugin, { buildFeed, htmlText, jsonFeed, stripXmlForbidden, xmlAttribute } from "../../../lib/publish/feed.ts";
import type { StoredPost } from "../../../lib/content/post-store.ts";
import type { Frontmatter } from "../../../lib/content/schema.ts";
import { addresses } from "../../../lib/site/addresses.ts";
import type { CollectionItem } from "../../../lib/types/eleventy.ts";
import { filterOf, recordingConfig, SITE_ORIGIN, storedPost, testSite } from "../../support/unit-fixtures.ts";

/** The site's own feed of these items. */
const siteFeed = (items: PostItem[]) => ({ home: addresses.home, feeds: addresses.feeds, items });

function postItem(
  slug: string,
  data: Partial<Frontmatter> = {},
  post: Partial<StoredPost> = {},
  content = `<p>About ${slug}.</p>`,
): PostItem {
  const stored = storedPost(slug, data, post);
  const page = {
    url: addresses.post(slug),
    inputPath: `./${stored.file}`,
    date: stored.data.date,
    data: {},
    content,
  };
  return new PostItem(page as unknown as CollectionItem, stored);
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const site = testSite({
  feedLimit: 2,
  authors: {
    "jane-doe": { name: "Jane Doe", bio: "Courts." },
    "sam-lee": { name: "Sam Lee", bio: "Photographs." },
    // A name site.yaml could never hold (its checks refuse control characters): the feed strips it anyway.
    odd: { name: "G\uFFFEH", bio: "Odd." },
  },
});
const pathOf = (url: string) => new URL(url).pathname;

describe("stripXmlForbidden", () => {
  it("drops the characters XML 1.0 allows nowhere, and keeps tab, newline, carriage return and all else", () => {
    const forbidden = ["\u0000", "\u0008", "\u000B", "\u000C", "\u000E", "\u001F", "\uFFFE", "\uFFFF"].join("");
    expect(stripXmlForbidden(`a${forbidden}b`)).toBe("ab");
    expect(stripXmlForbidden("a\tb\nc\rd \u0085 \u00A0 é 😀 \uFFFD")).toBe("a\tb\nc\rd \u0085 \u00A0 é 😀 \uFFFD");
  });
});

describe("xmlAttribute", () => {
  it("escapes what a double-quoted attribute needs, and leaves the apostrophe as it is", () => {
    expect(xmlAttribute(`Tom & Jerry's "<b>"`)).toBe("Tom &amp; Jerry's &quot;&lt;b&gt;&quot;");
  });

  it("reads back as the same text in an XML parser, minus forbidden characters", () => {
    const value = `A "quoted" & <tagged> 'value'\u0001 with &amp; already`;
    const doc = new DOMParser().parseFromString(`<link title="${xmlAttribute(value)}"/>`, "text/xml");
    expect(doc.documentElement?.getAttribute("title")).toBe(stripXmlForbidden(value));
  });
});

describe("htmlText", () => {
  it("escapes &, < and > only", () => {
    expect(htmlText(`<script>"x" & 'y'</script>`)).toBe(`&lt;script&gt;"x" &amp; 'y'&lt;/script&gt;`);
  });

  it("is read by an HTML parser as the original text, never as markup", () => {
    const text = `Ads & <b>bold</b> &amp; <img src=x onerror=alert(1)> "quotes"`;
    const nodes = parseFragment(htmlText(text)).childNodes;
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ nodeName: "#text", value: text });
  });
});

describe("buildFeed", () => {
  const posts = [
    postItem("newest", { date: day("2024-06-03"), tags: ["Courts", "Local News"], author: ["jane-doe", "sam-lee"] }),
    postItem("revised", { date: day("2024-06-02") }, { updated: day("2024-06-10") }),
    postItem("beyond-the-limit", { date: day("2024-06-01") }, { updated: day("2024-07-01") }),
  ];

  it("carries the newest posts, in the order given, up to the feed limit", async () => {
    const feed = await buildFeed(site, siteFeed(posts));
    expect(feed.entries.map((entry) => pathOf(entry.url))).toEqual([addresses.post("newest"), addresses.post("revised")]);
  });

  it("identifies each entry by its post's absolute address, so a new title keeps the id", async () => {
    const [entry] = (await buildFeed(site, siteFeed([posts[0]!]))).entries;
    const [retitled] = (await buildFeed(site, siteFeed([postItem("newest", { title: "Another headline" })]))).entries;
    expect(entry?.id).toBe(entry?.url);
    expect(new URL(entry!.url).origin).toBe(SITE_ORIGIN);
    expect(retitled?.id).toBe(entry?.id);
  });

  it("dates entries by publication, with an update only when revised", async () => {
    const [newest, revised] = (await buildFeed(site, siteFeed(posts))).entries;
    expect([newest?.published, newest?.updated, newest?.lastChanged]).toEqual([day("2024-06-03"), undefined, day("2024-06-03")]);
    expect([revised?.published, revised?.updated, revised?.lastChanged]).toEqual([day("2024-06-02"), day("2024-06-10"), day("2024-06-10")]);
  });

  it("dates the feed by its newest entry's last change, never the build time, and only entries it carries count", async () => {
    expect((await buildFeed(site, siteFeed(posts))).updated).toEqual(day("2024-06-10"));
    expect((await buildFeed(site, siteFeed([]))).updated).toEqual(new Date(0));
  });

  it("names each person on the byline with their page, else the newsroom, and the tags as spelled", async () => {
    const [newest, revised] = (await buildFeed(site, siteFeed(posts))).entries;
    expect(newest?.authors).toEqual([
      { name: "Jane Doe", url: `${SITE_ORIGIN}${addresses.author("jane-doe")}` },
      { name: "Sam Lee", url: `${SITE_ORIGIN}${addresses.author("sam-lee")}` },
    ]);
    expect([newest?.byline, newest?.tags]).toEqual(["Jane Doe and Sam Lee", ["Courts", "Local News"]]);
    expect([revised?.authors, revised?.byline, revised?.tags]).toEqual([[site.author], site.author.name, []]);
  });

  it("opens a corrected story's content with its corrections, as its page does (issue 19)", async () => {
    const corrections = [{ date: day("2024-06-05"), kind: "correction" as const, text: "The vote was 8 to 3 & final." }];
    const [entry] = (await buildFeed(site, siteFeed([postItem("corrected", { corrections })]))).entries;
    expect(entry?.contentHtml).toMatch(
      /^<section class="corrections">\n<h2>Correction<\/h2>\n<p><time datetime="2024-06-05T00:00:00.000Z">June 5, 2024<\/time>: The vote was 8 to 3 &amp; final\.<\/p>\n<\/section>\n<p>About corrected\.<\/p>$/,
    );
    const [plain] = (await buildFeed(site, siteFeed([postItem("plain")]))).entries;
    expect(plain?.contentHtml).toBe("<p>About plain.</p>");
  });

  it("makes the links and images of the content absolute, so they work in a feed reader", async () => {
    const content = '<p><a href="/posts/other/">other</a> <img src="/media/a.png" alt="a"> <a href="https://elsewhere.example/x">x</a></p>';
    const [entry] = (await buildFeed(site, siteFeed([postItem("linking", {}, {}, content)]))).entries;
    expect(entry?.contentHtml).toContain(`href="${SITE_ORIGIN}/posts/other/"`);
    expect(entry?.contentHtml).toContain(`src="${SITE_ORIGIN}/media/a.png"`);
    expect(entry?.contentHtml).toContain('href="https://elsewhere.example/x"');
  });

  it("keeps characters XML forbids out of every field", async () => {
    const [entry] = (
      await buildFeed(
        site,
        siteFeed([
          postItem("x", { title: "A\u0001B", description: "C\u001FD", tags: ["E\u0008F"], author: ["odd"] }, {}, "<p>I\u000BJ</p>"),
        ]),
      )
    ).entries;
    expect([entry?.title, entry?.summary, entry?.tags, entry?.byline, entry?.contentHtml]).toEqual(["AB", "CD", ["EF"], "GH", "<p>IJ</p>"]);
  });

  it("describes the site, with absolute links to the home page and each feed", async () => {
    const feed = await buildFeed(site, siteFeed(posts));
    expect(feed).toMatchObject({ title: site.title, description: site.description, language: site.language, author: site.author.name });
    expect(feed.id).toBe(feed.links.home);
    expect(pathOf(feed.links.home)).toBe(addresses.home);
    for (const [name, path] of Object.entries(addresses.feeds))
      expect(feed.links[name as keyof typeof addresses.feeds]).toBe(`${SITE_ORIGIN}${path}`);
  });
});

describe("jsonFeed (https://www.jsonfeed.org/version/1.1/)", () => {
  it("carries the required fields and each entry's dates in RFC 3339", async () => {
    const json = jsonFeed(
      await buildFeed(
        site,
        siteFeed([postItem("a", { date: day("2024-06-01") }, { updated: day("2024-06-02") }), postItem("b", { tags: ["Courts"] })]),
      ),
    );
    expect(json).toMatchObject({ version: "https://jsonfeed.org/version/1.1", title: site.title, authors: [{ name: site.author.name }] });
    expect(pathOf(json.feed_url as string)).toBe(addresses.feeds.json);
    const [a, b] = json.items as Record<string, unknown>[];
    expect(a).toMatchObject({ date_published: "2024-06-01T00:00:00.000Z", date_modified: "2024-06-02T00:00:00.000Z" });
    expect(a).not.toHaveProperty("tags");
    expect(b).not.toHaveProperty("date_modified");
    expect(b).toMatchObject({ tags: ["Courts"], title: "Harbour reopens", summary: "Boats are back.", content_html: "<p>About b.</p>" });
  });

  it("survives JSON.stringify whatever a headline holds", async () => {
    const title = 'Quote " backslash \\ newline \n and </script>';
    const text = filterOf(pluginFilters(), "jsonFeed")(await buildFeed(site, siteFeed([postItem("a", { title })]))) as string;
    expect((JSON.parse(text) as { items: { title: string }[] }).items[0]?.title).toBe(title);
  });
});

function pluginFilters() {
  const recorded = recordingConfig();
  feedPlugin(recorded.config, { site });
  return recorded;
}

describe("the feed plugin", () => {
  it("builds the model once per feed, for the three feed templates", async () => {
    const feedModel = filterOf(pluginFilters(), "feedModel");
    const source = siteFeed([postItem("a")]);
    expect(feedModel(source)).toBe(feedModel(source));
    expect(feedModel({ ...source })).not.toBe(feedModel(source));
    expect(((await feedModel(source)) as { entries: unknown[] }).entries).toHaveLength(1);
  });

  it("makes a story's entry once, however many feeds carry it (the site's and its topics')", async () => {
    const feedModel = filterOf(pluginFilters(), "feedModel");
    const story = postItem("a");
    const site = (await feedModel(siteFeed([story]))) as { entries: unknown[] };
    const topic = (await feedModel({ topic: "Town", home: addresses.tag("Town"), feeds: addresses.tagFeeds("Town"), items: [story] })) as {
      entries: unknown[];
    };
    expect(topic.entries[0]).toBe(site.entries[0]);
  });

  it("writes RSS dates as RFC 822 with a four-digit year, in GMT", () => {
    expect(filterOf(pluginFilters(), "rfc822")(new Date("2024-06-01T09:05:03Z"))).toBe("Sat, 01 Jun 2024 09:05:03 GMT");
  });
});

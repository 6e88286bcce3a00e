// lib/publish/seo.ts: schema.org JSON-LD for a post (NewsArticle) and the home page (WebSite), from validated data only.
import { describe, expect, it } from "vitest";
import seoPlugin, { articleJsonLd, websiteJsonLd } from "../../../lib/publish/seo.ts";
import { lastChange } from "../../../lib/listings/last-change.ts";
import { addresses } from "../../../lib/site/addresses.ts";
import { filterOf, recordingConfig, SITE_ORIGIN, storedPost, testSite } from "../../support/unit-fixtures.ts";

const PEOPLE = {
  "jane-doe": { name: "Jane Doe", bio: "Covers the harbour.", link: "https://jane.example/" },
  "sam-lee": { name: "Sam Lee", bio: "Photographs it." },
};
const site = testSite({ authors: PEOPLE });
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const path = addresses.post("harbour");

describe("articleJsonLd", () => {
  const post = storedPost("harbour", {
    title: "Harbour reopens",
    description: "Boats are back.",
    date: day("2024-06-01"),
    tags: ["Local News", "Boats"],
    author: ["jane-doe"],
  });
  const article = articleJsonLd(site, post, path);

  it("is a NewsArticle carrying the post's headline, summary and language", () => {
    expect(article).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Harbour reopens",
      description: "Boats are back.",
      inLanguage: site.language,
      keywords: ["Local News", "Boats"],
    });
  });

  it("names the page it describes by its absolute address, as its own url and mainEntityOfPage", () => {
    expect(new URL(article.url as string).href).toBe(`${SITE_ORIGIN}${path}`);
    expect(article.mainEntityOfPage).toEqual({ "@type": "WebPage", "@id": article.url });
  });

  it("dates it in ISO 8601, modified at the post's last change", () => {
    expect(article.datePublished).toBe("2024-06-01T00:00:00.000Z");
    expect(article.dateModified).toBe("2024-06-01T00:00:00.000Z");
    const revised = storedPost("harbour", { date: day("2024-06-01") }, { updated: day("2024-06-05") });
    expect(articleJsonLd(site, revised, path).dateModified).toBe(lastChange(revised).toISOString());
    expect(articleJsonLd(site, revised, path).dateModified).toBe("2024-06-05T00:00:00.000Z");
  });

  it("credits each person on the byline as a Person with their page here, or the newsroom as an Organization when there is none", () => {
    expect(article.author).toEqual([
      { "@type": "Person", name: "Jane Doe", url: `${SITE_ORIGIN}${addresses.author("jane-doe")}`, sameAs: "https://jane.example/" },
    ]);
    const shared = articleJsonLd(site, storedPost("harbour", { author: ["sam-lee", "jane-doe"] }), path);
    expect(shared.author).toMatchObject([
      { "@type": "Person", name: "Sam Lee", url: `${SITE_ORIGIN}${addresses.author("sam-lee")}` },
      { "@type": "Person", name: "Jane Doe" },
    ]);
    expect((shared.author as object[])[0]).not.toHaveProperty("sameAs");
    expect(articleJsonLd(site, storedPost("harbour"), path).author).toEqual([
      { "@type": "Organization", name: site.author.name, url: site.author.url },
    ]);
  });

  it("names the publication as publisher", () => {
    expect(article.publisher).toEqual({ "@type": "NewsMediaOrganization", name: site.title, url: `${SITE_ORIGIN}${addresses.home}` });
  });

  it("leaves out keywords without tags, and isBasedOn without a source address", () => {
    const plain = articleJsonLd(site, storedPost("harbour", { source: { name: "People" } }), path);
    expect(plain).not.toHaveProperty("keywords");
    expect(plain).not.toHaveProperty("isBasedOn");
    const sourced = articleJsonLd(site, storedPost("harbour", { source: { name: "People", url: "https://people.example/story" } }), path);
    expect(sourced.isBasedOn).toBe("https://people.example/story");
  });

  it("gives each correction as a CorrectionComment with its text and date, and no updates (issue 19)", () => {
    const corrections = [
      { date: day("2024-06-04"), kind: "update" as const, text: "The harbour master has replied." },
      { date: day("2024-06-02"), kind: "correction" as const, text: 'The "ferry" was <b>late</b>.' },
    ];
    const corrected = articleJsonLd(site, storedPost("harbour", { date: day("2024-06-01"), corrections }), path);
    expect(corrected.correction).toEqual([
      { "@type": "CorrectionComment", text: 'The "ferry" was <b>late</b>.', datePublished: "2024-06-02T00:00:00.000Z" },
    ]);
    const updatedOnly = articleJsonLd(site, storedPost("harbour", { corrections: corrections.slice(0, 1) }), path);
    expect(updatedOnly).not.toHaveProperty("correction");
    expect(article).not.toHaveProperty("correction");
  });

  it("holds only JSON values: what a script tag carries is what was built", () => {
    expect(JSON.parse(JSON.stringify(article))).toEqual(article);
  });
});

describe("websiteJsonLd", () => {
  it("describes the site as a WebSite at its home page", () => {
    const website = websiteJsonLd(site);
    expect(website).toMatchObject({
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: site.title,
      description: site.description,
      inLanguage: site.language,
    });
    expect(website.url).toBe(`${SITE_ORIGIN}${addresses.home}`);
    expect((website.publisher as { name: string }).name).toBe(site.title);
  });
});

describe("the SEO plugin", () => {
  it("gives templates the article filter, the website global and the last-change filter, for this site", () => {
    const recorded = recordingConfig();
    seoPlugin(recorded.config, { site });
    const post = storedPost("harbour");
    expect(filterOf(recorded, "articleJsonLd")(post, path)).toEqual(articleJsonLd(site, post, path));
    expect((recorded.nunjucksGlobals.get("websiteJsonLd") as () => unknown)()).toEqual(websiteJsonLd(site));
    expect(filterOf(recorded, "lastChange")(post)).toEqual(lastChange(post));
  });
});

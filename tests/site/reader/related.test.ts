// Issue 19: related stories, read back from a production build of stories
// with a rare tag (Harbour Bridge, spelt in two cases), a commoner one and a
// common one, a story whose tag no other carries, one without tags, and a
// draft and a scheduled story that share the rare tag and must never show.
// axe, vnu, the link check and the page budget run on the shared fixture
// site, whose stories share tags too (a11y, html-validity, links, budget).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, HOSTILE_TITLE, postMarkdown, type FixturePost } from "../../support/reader-fixtures.ts";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";
import { readSite, type BuiltSite } from "../../support/site-build.ts";

const story = (slug: string, date: string, tags: string[], title = `The ${slug.replaceAll("-", " ")} story`): FixturePost => ({
  slug,
  title,
  date,
  tags,
});

// Harbour Bridge: 4 published stories; Local News: 4; Politics: 5.
const POSTS: FixturePost[] = [
  story("bridge-vote", "2024-06-10", ["Harbour Bridge", "Politics"]),
  story("council-budget", "2024-06-09", ["Politics", "Local News"]),
  story("bridge-opens", "2024-06-08", ["harbour bridge", "Local News"]),
  story("bridge-hostile", "2024-06-07", ["Harbour Bridge"], HOSTILE_TITLE),
  story("election-night", "2024-06-06", ["Politics"]),
  story("bridge-history", "2024-06-05", ["Harbour Bridge", "Local News"]),
  story("lighthouse", "2024-06-04", ["Lighthouses"]),
  story("untagged", "2024-06-03", []),
  story("mayor", "2024-06-02", ["Politics"]),
  story("transit", "2024-06-01", ["Politics", "Local News"]),
  { ...story("bridge-draft", "2024-06-11", ["Harbour Bridge"]), extra: "draft: true\n" },
  story("bridge-future", "2199-01-01", ["Harbour Bridge"]),
];

let scratch: ScratchSite;
let site: BuiltSite;

beforeAll(async () => {
  scratch = await createScratchSite(Object.fromEntries(POSTS.map((post) => [`${post.slug}.md`, postMarkdown(post)])));
  const result = await scratch.build({ CONTEXT: "production", SITE_URL: BASE_URL });
  if (result.code !== 0) throw new Error(`The build failed:\n${result.stderr}\n${result.stdout}`);
  site = readSite(scratch.output);
}, 120_000);
afterAll(() => scratch?.remove());

const page = (slug: string) => `/posts/${slug}/`;
const section = (slug: string) => site.document(page(slug)).querySelector("section.related");
const links = (slug: string) => [...(section(slug)?.querySelectorAll("li > a") ?? [])];
/** The slugs the story's related links lead to, in order. */
const related = (slug: string) => links(slug).map((link) => (link.getAttribute("href") ?? "").replace(/^\/posts\/|\/$/g, ""));

describe("related stories under a story (issue 19)", () => {
  it("come by the rarest tag shared, ahead of newer stories that share a commoner one", () => {
    // council-budget is newer than two of these, but shares only Politics.
    expect(related("bridge-vote")).toEqual(["bridge-opens", "bridge-hostile", "bridge-history"]);
    // Local News is rarer than Politics, so the newer bridge-vote does not show.
    expect(related("council-budget")).toEqual(["bridge-opens", "bridge-history", "transit"]);
  });

  it("are newest first among stories whose rarest shared tag is as rare, across tags and spellings", () => {
    // Harbour Bridge (spelt harbour bridge here) and Local News are as rare.
    expect(related("bridge-opens")).toEqual(["bridge-vote", "council-budget", "bridge-hostile"]);
    expect(related("election-night")).toEqual(["bridge-vote", "council-budget", "mayor"]);
    expect(related("bridge-hostile")).toEqual(["bridge-vote", "bridge-opens", "bridge-history"]);
  });

  it("never include a draft or a story scheduled for later, which production does not publish", () => {
    for (const post of POSTS.slice(0, 10)) {
      expect(related(post.slug), post.slug).not.toContain("bridge-draft");
      expect(related(post.slug), post.slug).not.toContain("bridge-future");
    }
    expect(site.exists(page("bridge-draft"))).toBe(false);
  });

  it("are left out, heading and all, when no other story shares a tag", () => {
    for (const slug of ["lighthouse", "untagged"]) {
      expect(section(slug), slug).toBeNull();
      expect(site.text(page(slug)), slug).not.toContain("Related stories");
    }
  });

  it("show each headline, escaped, and its date under a heading, and lead to built story pages", () => {
    expect(section("bridge-vote")?.querySelector("h2")?.textContent).toBe("Related stories");
    const hostile = links("bridge-vote")[1];
    expect(hostile?.textContent).toBe(HOSTILE_TITLE);
    expect(hostile?.querySelector("b, script")).toBeNull();
    expect(section("bridge-vote")?.querySelectorAll("script").length).toBe(0);
    const dates = [...(section("bridge-vote")?.querySelectorAll("li > time") ?? [])].map((time) => time.getAttribute("datetime"));
    expect(dates).toEqual(["2024-06-08", "2024-06-07", "2024-06-05"].map((day) => `${day}T00:00:00.000Z`));
    for (const post of POSTS.slice(0, 10)) {
      for (const link of links(post.slug)) expect(site.exists(link.getAttribute("href") ?? ""), link.outerHTML).toBe(true);
    }
  });
});

// Issue 19: the Google News sitemap. Stories dated around the moment of the
// build, some within the last two days and some not, a draft and a scheduled
// story, built for production and as a deploy preview; the file is read back
// with a namespace-aware XML parser, as a crawler reads it.
import { rename } from "node:fs/promises";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { xmlProblems } from "../../fixtures/feeds/feed-readers.ts";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";
import { readSite, type BuiltSite } from "../../support/site-build.ts";

const SITE_URL = "https://news.example.org";
const PREVIEW_URL = "https://deploy-preview-9--news.netlify.app";
const NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
const HOUR = 60 * 60 * 1000;
const now = Date.now();
const at = (hours: number) => new Date(now + hours * HOUR).toISOString();

const post = (title: string, date: string, extra = "") =>
  `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\ndescription: A summary.\n${extra}---\n\nThe story.\n`;

const POSTS = {
  "rates-rise.md": post(`Rates & "bonds" <rise>`, at(-1)),
  "council-votes.md": post("Council votes on the budget", at(-30)),
  "older-story.md": post("An older story", at(-50)),
  "a-draft.md": post("A draft", at(-2), "draft: true\n"),
  "embargoed.md": post("An embargoed story", at(24)),
};

let scratch: ScratchSite;
let production: BuiltSite;
let preview: BuiltSite;

/** A build of the scratch site, kept under `name` so the next build does not replace it. */
async function built(env: NodeJS.ProcessEnv, name: string): Promise<BuiltSite> {
  const result = await scratch.build(env);
  if (result.code !== 0) throw new Error(result.stderr);
  const kept = path.join(scratch.root, name);
  await rename(scratch.output, kept);
  return readSite(kept);
}

beforeAll(async () => {
  scratch = await createScratchSite(POSTS);
  production = await built({ CONTEXT: "production", SITE_URL }, "production");
  preview = await built({ CONTEXT: "deploy-preview", DEPLOY_PRIME_URL: PREVIEW_URL, URL: SITE_URL }, "preview");
}, 180_000);
afterAll(() => scratch?.remove());

/** Each <url> as Google reads it: the address and the news fields, by namespace. */
function newsEntries(site: BuiltSite) {
  const text = site.text("/news-sitemap.xml");
  expect(xmlProblems(text)).toEqual([]);
  const document = new DOMParser().parseFromString(text, "text/xml");
  const field = (
    parent: { getElementsByTagNameNS(namespace: string, name: string): ArrayLike<{ textContent: string | null }> },
    name: string,
  ) => parent.getElementsByTagNameNS(NEWS, name)[0]?.textContent ?? "";
  return [...document.getElementsByTagName("url")].map((url) => ({
    loc: url.getElementsByTagName("loc")[0]?.textContent,
    name: field(url, "name"),
    language: field(url, "language"),
    published: field(url, "publication_date"),
    title: field(url, "title"),
  }));
}

describe("the news sitemap (issue 19)", () => {
  it("lists the stories of the last two days, newest first, with the publication, language, date and headline", () => {
    expect(newsEntries(production)).toEqual([
      {
        loc: `${SITE_URL}/posts/rates-rise/`,
        name: "The Commit Ledger",
        language: "en",
        published: at(-1),
        title: `Rates & "bonds" <rise>`,
      },
      {
        loc: `${SITE_URL}/posts/council-votes/`,
        name: "The Commit Ledger",
        language: "en",
        published: at(-30),
        title: "Council votes on the budget",
      },
    ]);
  });

  it("is named in robots.txt in production only", () => {
    expect(production.text("/robots.txt").split("\n")).toContain(`Sitemap: ${SITE_URL}/news-sitemap.xml`);
    expect(preview.text("/robots.txt")).not.toContain("news-sitemap");
  });

  it("never lists a draft or a scheduled story, even in a preview that shows them", () => {
    expect(preview.exists("/posts/a-draft/") && preview.exists("/posts/embargoed/")).toBe(true);
    expect(newsEntries(preview).map((entry) => entry.loc)).toEqual([
      `${PREVIEW_URL}/posts/rates-rise/`,
      `${PREVIEW_URL}/posts/council-votes/`,
    ]);
  });

  it("is no page of the sitemap", () => {
    expect(production.text("/sitemap.xml")).not.toContain("news-sitemap");
  });
});

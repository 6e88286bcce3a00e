/**
 * Generated posts for the reader tests: many dated stories across years and
 * months, tags in mixed case (so `Politics` and `politics` must fold into one
 * page), one story with a video, one with a byline and an update, one
 * whose headline tries to break out of HTML and JSON, one with footnotes, and
 * one with corrections and updates.
 */
import { createScratchSite, type ScratchSite } from "./scratch-site.ts";
import { buildProject, readSite, type BuiltSite } from "./site-build.ts";

export const BASE_URL = "https://news.example.org";

export interface FixturePost {
  slug: string;
  title: string;
  date: string;
  tags: string[];
  extra?: string;
  /** Markdown after the generated body. */
  more?: string;
}

const TOPICS = ["Politics", "Courts", "Science", "Weather", "Health"];

/** Headline that would end a <script> or inject markup if printed raw. */
export const HOSTILE_TITLE = `Council says "no" to </script><script>alert(1)</script> & <b>bold</b> plans`;

export const VIDEO_SLUG = "story-with-video";
export const VIDEO_ID = "dQw4w9WgXcQ";
export const BYLINE_SLUG = "story-with-byline";
export const HOSTILE_SLUG = "story-with-hostile-title";
export const FOOTNOTES_SLUG = "story-with-footnotes";
export const CORRECTIONS_SLUG = "story-with-corrections";

/**
 * Issue 19: the corrections story's notices, as its frontmatter writes them:
 * out of date order, both kinds, one with a time and zone, and text that is
 * markup and quotes if printed raw.
 */
export const CORRECTIONS = [
  { date: "2024-09-10T15:30:00+02:00", kind: "update", text: "The council has since published the minutes." },
  { date: "2024-09-02", kind: "correction", text: "An earlier version gave the vote as 7 to 4; it was 8 to 3." },
  { date: "2024-09-04", kind: "correction", text: 'The "annex" is <b>not</b> final & still open to comment.' },
] as const;

const correctionsYaml = () =>
  `corrections:\n${CORRECTIONS.map((item) => `  - date: ${item.date}\n    kind: ${item.kind}\n    text: ${JSON.stringify(item.text)}\n`).join("")}`;

/**
 * Three notes: one cited twice, one whose whole text is a web address (issue
 * 19: markdown-it once read that line as a link definition and published a
 * broken "^1" link), and one written inline where it is cited.
 */
const FOOTNOTES = `The council's figures[^budget] differ from the auditor's.[^audit] The budget[^budget] passed in March.^[By seven votes to four.]

[^budget]: https://council.example.org/budget-2024
[^audit]: The auditor's report, page 12.
`;

/** The people fixture bylines name: their pages join every page kind the reader checks visit. */
export const FIXTURE_PEOPLE = {
  "sam-reporter": { name: "Sam Reporter", bio: "Sam covers the harbour and the council.", link: "https://sam.example.org/" },
  "ines-vidal": { name: "Inés Vidal", bio: "Inés follows the city's money." },
};

/** `count` stories, one every twenty days back from 2024-12-28, so they span years and months. */
export function fixturePosts(count: number): FixturePost[] {
  const posts: FixturePost[] = [];
  const start = Date.UTC(2024, 11, 28);
  const step = 20 * 86_400_000;
  for (let index = 0; index < count; index++) {
    const date = new Date(start - index * step).toISOString().slice(0, 10);
    const topic = TOPICS[index % TOPICS.length]!;
    // Every third story spells its tag in lower case: it must land on the same tag page.
    const tags = [index % 3 === 0 ? topic.toLowerCase() : topic];
    if (index % 4 === 0) tags.push("Local News");
    posts.push({ slug: `story-${String(index + 1).padStart(3, "0")}`, title: `Story number ${index + 1} about ${topic}`, date, tags });
  }
  posts[1] = { ...posts[1]!, slug: VIDEO_SLUG, title: "Bridge opening, on video", extra: `video: https://youtu.be/${VIDEO_ID}?t=42\n` };
  posts[2] = {
    ...posts[2]!,
    slug: BYLINE_SLUG,
    title: "Harbour report with a byline",
    extra:
      "author: sam-reporter\nupdated: 2025-01-05T10:00:00Z\nsource:\n  name: Harbour Gazette\n  url: https://gazette.example.com/harbour\n",
  };
  posts[3] = { ...posts[3]!, slug: HOSTILE_SLUG, title: HOSTILE_TITLE };
  if (count > 4)
    posts[4] = {
      ...posts[4]!,
      slug: FOOTNOTES_SLUG,
      title: "Budget figures, with their sources",
      more: FOOTNOTES,
      extra: "author: [ines-vidal, sam-reporter]\n",
    };
  // Published 2024-08-30, corrected after.
  if (count > 6)
    posts[6] = { ...posts[6]!, slug: CORRECTIONS_SLUG, title: "Council vote, corrected and updated", extra: correctionsYaml() };
  return posts;
}

export function postMarkdown(post: FixturePost): string {
  const yamlTitle = JSON.stringify(post.title);
  return [
    "---",
    `title: ${yamlTitle}`,
    `date: ${post.date}`,
    `description: ${JSON.stringify(`Summary of ${post.title.toLowerCase()}.`)}`,
    `tags: [${post.tags.map((tag) => JSON.stringify(tag)).join(", ")}]`,
    post.extra ?? "",
    "---",
    "",
    `The first paragraph of ${post.slug}, which is a generated test story.`,
    "",
    "## What happened",
    "",
    "A second paragraph with [a link to the archive](/archive/) and [one to a section](#what-happened).",
    "",
    post.more ?? "",
  ].join("\n");
}

export interface FixtureSite {
  scratch: ScratchSite;
  site: BuiltSite;
  posts: FixturePost[];
}

/** Builds a scratch site of `count` generated posts through the real production entry; `settings`, fields of its site.yaml. */
export async function buildFixtureSite(
  count: number,
  env: NodeJS.ProcessEnv = {},
  settings: Record<string, unknown> = {},
): Promise<FixtureSite> {
  const posts = fixturePosts(count);
  const scratch = await createScratchSite(Object.fromEntries(posts.map((post) => [`${post.slug}.md`, postMarkdown(post)])));
  await scratch.writeSettings({ authors: FIXTURE_PEOPLE, ...settings });
  const result = await scratch.build({ CONTEXT: "production", SITE_URL: BASE_URL, ...env });
  if (result.code !== 0) throw new Error(`Fixture build failed:\n${result.stderr}\n${result.stdout}`);
  return { scratch, site: readSite(scratch.output), posts };
}

/**
 * Every kind of page at once: the real site, and 23 generated posts whose
 * site has a video facade, a byline, an update, a hostile headline,
 * footnotes, corrections, pagination and archive months. For checks that must hold on every page.
 */
export async function buildEveryPageKind(): Promise<{ real: BuiltSite; fixture: FixtureSite }> {
  const [real, fixture] = await Promise.all([
    buildProject({ CONTEXT: "production", SITE_URL: BASE_URL }),
    buildFixtureSite(23, {}, { pageSize: 4 }),
  ]);
  return { real, fixture };
}

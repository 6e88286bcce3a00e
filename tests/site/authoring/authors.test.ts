/**
 * The author's workflow, end to end: in a throwaway git repository, commit a
 * new post and build; it is on the home page, in every feed and in the
 * sitemap. Commit an edit and build again; the post page, the feeds and the
 * sitemap carry the edit's date. Builds run `npm run build`'s entry as a
 * child process, in production, as Netlify would.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initRepo, type GitRepo } from "../../support/git-repo.ts";
import { readSite, type BuiltSite } from "../../support/site-build.ts";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";

const BASE = "https://news.example.org";
const BRIDGE = "/posts/bridge-opens/";
const FERRY = "/posts/ferry-retires/";
const ENV = { CONTEXT: "production", SITE_URL: BASE };

const bridge = (text: string) => `---
title: The new bridge opens to traffic
date: 2024-03-01T08:00:00Z
description: The span replaces a ferry that ran for 80 years.
tags: [Transport]
---

${text}
`;

const ferry = (text: string) => `---
title: The ferry makes its last crossing
date: 2024-06-01
description: Written in May, published in June.
---

${text}
`;

const EDITED_AT = "2024-03-05T12:30:00Z";

/** Committed once, so git knows of no revision: the frontmatter says when it was corrected. */
const CORRECTED = "/posts/tides-corrected/";
const corrected = `---
title: Tide tables corrected
date: 2024-02-01
updated: 2024-02-09T16:00:00Z
description: The frontmatter, not git, gives the revision date.
---

High tide is at 14:02.
`;

interface Snapshot {
  site: BuiltSite;
  rss: Parser.Output<Record<string, unknown>>;
  atom: { entry: AtomEntry | AtomEntry[] };
  json: { items: { url: string; date_published: string; date_modified?: string }[] };
  sitemap: { loc: string; lastmod?: string }[];
}

interface AtomEntry {
  id: string;
  published: string;
  updated: string;
  link: { "@_href": string } | { "@_href": string }[];
}

const xml = new XMLParser({ ignoreAttributes: false });

async function buildAndRead(scratch: ScratchSite): Promise<Snapshot> {
  const result = await scratch.build(ENV);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  // The next build replaces _site, so keep this one's output apart.
  const kept = path.join(await mkdtemp(path.join(tmpdir(), "authors-build-")), "_site");
  await cp(scratch.output, kept, { recursive: true });
  snapshots.push(path.dirname(kept));
  const site = readSite(kept);
  const sitemapUrls = xml.parse(site.text("/sitemap.xml")).urlset.url;
  return {
    site,
    rss: await new Parser().parseString(site.text("/feed.xml")),
    atom: xml.parse(site.text("/atom.xml")).feed,
    json: JSON.parse(site.text("/feed.json")),
    sitemap: Array.isArray(sitemapUrls) ? sitemapUrls : [sitemapUrls],
  };
}

const atomEntries = (snapshot: Snapshot) => [snapshot.atom.entry].flat();
const atomEntry = (snapshot: Snapshot, path: string) => atomEntries(snapshot).find((entry) => entry.id === `${BASE}${path}`);
const updatedOnPage = (site: BuiltSite, path: string) =>
  [...site.document(path).querySelectorAll(".byline time")].map((time) => ({
    text: time.parentElement?.textContent ?? "",
    datetime: time.getAttribute("datetime"),
  }));

const snapshots: string[] = [];
let scratch: ScratchSite;
let repo: GitRepo;
let first: Snapshot;
let second: Snapshot;

beforeAll(async () => {
  scratch = await createScratchSite();
  repo = initRepo(scratch.root);
  // Written over several commits before its date, then published: none of these is a revision.
  await repo.commit("2024-05-10T09:00:00Z", "Start the ferry story", { "posts/ferry-retires.md": ferry("A first draft.") });
  await repo.commit("2024-05-20T09:00:00Z", "Finish the ferry story", { "posts/ferry-retires.md": ferry("The finished story.") });
  await repo.commit("2024-03-01T07:55:00Z", "New post: the bridge", { "posts/bridge-opens.md": bridge("Traffic crossed at dawn.") });
  await repo.commit("2024-03-02T07:55:00Z", "New post: tides", { "posts/tides-corrected.md": corrected });
  first = await buildAndRead(scratch);
  await repo.commit(EDITED_AT, "Bridge: correct the time", { "posts/bridge-opens.md": bridge("Traffic crossed at 6 a.m.") });
  second = await buildAndRead(scratch);
});

afterAll(async () => {
  await scratch?.remove();
  for (const folder of snapshots) await rm(folder, { recursive: true, force: true });
});

describe("a newly committed post", () => {
  it("is on the home page", () => {
    const links = [...first.site.document("/").querySelectorAll("main a")].map((a) => a.getAttribute("href"));
    expect(links).toContain(BRIDGE);
    expect(first.site.document(BRIDGE).querySelector("h1")?.textContent).toBe("The new bridge opens to traffic");
  });

  it("is in the RSS, Atom and JSON feeds", () => {
    expect(first.rss.items.map((item) => item.link)).toContain(`${BASE}${BRIDGE}`);
    expect(atomEntry(first, BRIDGE)?.published).toBe("2024-03-01T08:00:00.000Z");
    expect(first.json.items.find((item) => item.url === `${BASE}${BRIDGE}`)?.date_published).toBe("2024-03-01T08:00:00.000Z");
  });

  it("is in the sitemap", () => {
    expect(first.sitemap.map((entry) => entry.loc)).toContain(`${BASE}${BRIDGE}`);
  });

  it("shows no updated date: adding a post is not revising it", () => {
    expect(updatedOnPage(first.site, BRIDGE)).toHaveLength(1);
    expect(first.site.text(BRIDGE)).not.toContain("Updated");
    expect(first.json.items.find((item) => item.url === `${BASE}${BRIDGE}`)?.date_modified).toBeUndefined();
  });
});

describe("after an edit is committed", () => {
  it("the post page shows the edit's date as its updated date", () => {
    const times = updatedOnPage(second.site, BRIDGE);
    expect(times.map((time) => time.datetime)).toEqual(["2024-03-01T08:00:00.000Z", "2024-03-05T12:30:00.000Z"]);
    expect(second.site.document(BRIDGE).querySelector(".byline")?.textContent).toContain("Updated");
    expect(second.site.document(BRIDGE).querySelector(".post-body")?.textContent).toContain("Traffic crossed at 6 a.m.");
  });

  it("the Atom and JSON feeds carry the updated date", () => {
    expect(atomEntry(second, BRIDGE)?.updated).toBe("2024-03-05T12:30:00.000Z");
    expect(second.json.items.find((item) => item.url === `${BASE}${BRIDGE}`)?.date_modified).toBe("2024-03-05T12:30:00.000Z");
  });

  it("the sitemap carries it as lastmod", () => {
    expect(second.sitemap.find((entry) => entry.loc === `${BASE}${BRIDGE}`)?.lastmod).toBe("2024-03-05T12:30:00.000Z");
  });
});

describe("commits made before a post's date", () => {
  it("are part of writing it, not revisions: no updated date anywhere", () => {
    expect(second.site.text(FERRY)).not.toContain("Updated");
    expect(second.json.items.find((item) => item.url === `${BASE}${FERRY}`)?.date_modified).toBeUndefined();
    expect(atomEntry(second, FERRY)?.updated).toBe("2024-06-01T00:00:00.000Z");
    expect(second.sitemap.find((entry) => entry.loc === `${BASE}${FERRY}`)?.lastmod).toBe("2024-06-01T00:00:00.000Z");
  });
});

describe("an updated date set in frontmatter", () => {
  it("overrides git, on the page, in the feeds and in the sitemap", () => {
    expect(updatedOnPage(second.site, CORRECTED).map((time) => time.datetime)).toEqual([
      "2024-02-01T00:00:00.000Z",
      "2024-02-09T16:00:00.000Z",
    ]);
    expect(atomEntry(second, CORRECTED)?.updated).toBe("2024-02-09T16:00:00.000Z");
    expect(second.json.items.find((item) => item.url === `${BASE}${CORRECTED}`)?.date_modified).toBe("2024-02-09T16:00:00.000Z");
    expect(second.sitemap.find((entry) => entry.loc === `${BASE}${CORRECTED}`)?.lastmod).toBe("2024-02-09T16:00:00.000Z");
  });
});

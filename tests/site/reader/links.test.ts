// Every internal link and fragment in the built sites leads somewhere: the
// address is a built file (or folder with index.html) and the #fragment is an
// id on that page.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSite, type BuiltSite } from "../../support/site-build.ts";
import { BASE_URL, buildEveryPageKind, type FixtureSite } from "../../support/reader-fixtures.ts";

let real: BuiltSite;
let fixture: FixtureSite;

beforeAll(async () => {
  ({ real, fixture } = await buildEveryPageKind());
});
afterAll(() => fixture?.scratch.remove());

/** Page URL of a built HTML file: /a/index.html is served as /a/. */
const pageUrl = (file: string) => (file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file);

function brokenLinks(site: BuiltSite): { checked: number; broken: string[] } {
  const ids = new Map<string, Set<string>>();
  const idsOf = (url: string) => {
    let set = ids.get(url);
    if (!set) {
      const doc = site.document(url);
      set = new Set([...doc.querySelectorAll("[id], a[name]")].map((el) => el.getAttribute("id") ?? el.getAttribute("name") ?? ""));
      ids.set(url, set);
    }
    return set;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const file of site.files().filter((name) => name.endsWith(".html"))) {
    const from = pageUrl(file);
    const doc = site.document(file);
    for (const element of doc.querySelectorAll("a[href], link[href], [src]")) {
      const raw = element.getAttribute("href") ?? element.getAttribute("src") ?? "";
      const target = new URL(raw, `${BASE_URL}${from}`);
      if (target.origin !== BASE_URL) continue; // mailto:, share and source links leave the site on purpose
      checked += 1;
      const where = `${from} → ${raw}`;
      if (!site.exists(target.pathname)) {
        broken.push(`${where} (no such page)`);
        continue;
      }
      if (target.hash && /\.html$|\/$/.test(target.pathname)) {
        const id = decodeURIComponent(target.hash.slice(1));
        if (!idsOf(target.pathname).has(id)) broken.push(`${where} (no element with id "${id}")`);
      }
    }
  }
  return { checked, broken };
}

describe("internal links", () => {
  it("resolve to built pages and existing fragments on the real site", () => {
    const { checked, broken } = brokenLinks(real);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it("resolve on a generated site with pagination, tags and archive", () => {
    const { checked, broken } = brokenLinks(fixture.site);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
    // Among them, each story's related stories.
    expect(fixture.site.document(`/posts/${fixture.posts[0]!.slug}/`).querySelectorAll("section.related a").length).toBeGreaterThan(0);
  });

  it("catches a missing page and a missing fragment", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "links-check-"));
    try {
      const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;
      await mkdir(path.join(dir, "a"));
      await writeFile(
        path.join(dir, "index.html"),
        page('<a href="/a/#here">ok</a> <a href="/gone/">gone</a> <a href="/a/#nowhere">frag</a>'),
      );
      await writeFile(path.join(dir, "a", "index.html"), page('<h2 id="here">Here</h2>'));
      const { broken } = brokenLinks(readSite(dir));
      expect(broken).toEqual(["/ → /gone/ (no such page)", '/ → /a/#nowhere (no element with id "nowhere")']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

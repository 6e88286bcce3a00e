// lib/checks/validate-plugin.ts: before each build every post is checked; a clean set is stored for the templates, any problem stops the build.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { PostValidationError } from "../../../lib/checks/problems.ts";
import validatePlugin from "../../../lib/checks/validate-plugin.ts";
import { getPost, replacePosts } from "../../../lib/content/post-store.ts";
import type { DeployContext } from "../../../lib/site/settings.ts";
import { buildEvent, recordingConfig, testSite } from "../../support/unit-fixtures.ts";

const NOW = new Date("2024-06-15T12:00:00Z");
const home = process.cwd();
const roots: string[] = [];
afterEach(() => {
  process.chdir(home);
  replacePosts([]);
});
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const post = (fields: string, body = "The harbour reopened on Monday.") =>
  `---\ntitle: Harbour reopens\ndescription: Boats are back.\n${fields}\n---\n\n${body}\n`;

/** A site folder (outside any git repository) with these posts under posts/. */
function siteWith(posts: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "validate-plugin-"));
  roots.push(root);
  for (const [name, text] of Object.entries(posts)) {
    mkdirSync(path.dirname(path.join(root, "posts", name)), { recursive: true });
    writeFileSync(path.join(root, "posts", name), text);
  }
  return root;
}

function plugin(context: DeployContext = "production") {
  const recorded = recordingConfig();
  validatePlugin(recorded.config, { site: testSite({ context }), now: NOW });
  return recorded;
}

const stored = (root: string, name: string) => getPost(path.join(root, "posts", name));

describe("the validate plugin", () => {
  it("stores every valid post for the build, with what templates read", async () => {
    const root = siteWith({
      "harbour.md": post("date: 2024-06-01\ntags: [Local News]"),
      "2023/bridge.md": post("date: 2023-03-01\nupdated: 2023-04-01"),
    });
    await plugin().emit("eleventy.before", buildEvent(root));
    expect(stored(root, "harbour.md")).toMatchObject({
      file: "posts/harbour.md",
      slug: "harbour",
      words: 5,
      published: true,
      unpublished: undefined,
      updated: undefined,
      data: { title: "Harbour reopens", date: new Date("2024-06-01T00:00:00Z"), tags: ["Local News"], draft: false },
    });
    expect(stored(root, "harbour.md")?.html).toBe("<p>The harbour reopened on Monday.</p>\n");
    expect(stored(root, "2023/bridge.md")).toMatchObject({ slug: "bridge", updated: new Date("2023-04-01T00:00:00Z") });
  });

  it("keeps drafts and scheduled posts out of production, and marks them where a preview shows them", async () => {
    const posts = { "draft.md": post("date: 2024-06-01\ndraft: true"), "later.md": post("date: 2024-07-01") };
    const production = siteWith(posts);
    await plugin("production").emit("eleventy.before", buildEvent(production));
    expect([stored(production, "draft.md"), stored(production, "later.md")].map((each) => [each?.published, each?.unpublished])).toEqual([
      [false, "draft"],
      [false, "scheduled"],
    ]);
    const preview = siteWith(posts);
    await plugin("deploy-preview").emit("eleventy.before", buildEvent(preview));
    expect([stored(preview, "draft.md"), stored(preview, "later.md")].map((each) => [each?.published, each?.unpublished])).toEqual([
      [true, "draft"],
      [true, "scheduled"],
    ]);
  });

  it("stops the build with every problem, and stores nothing from it", async () => {
    const good = siteWith({ "good.md": post("date: 2024-06-01") });
    const recorded = plugin();
    await recorded.emit("eleventy.before", buildEvent(good));
    const bad = siteWith({
      "good.md": post("date: 2024-06-01"),
      "bad.md": post("date: next week"),
      "empty.md": post("date: 2024-06-01", ""),
    });
    const failure = await recorded.emit("eleventy.before", buildEvent(bad)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PostValidationError);
    expect((failure as PostValidationError).problems.map((problem) => [problem.file, problem.field])).toEqual([
      ["posts/bad.md", "date"],
      ["posts/empty.md", "body"],
    ]);
    expect(stored(bad, "good.md")).toBeUndefined();
    expect(stored(good, "good.md")?.slug).toBe("good");
  });

  it("refuses problems only the whole set shows: a file name used twice", async () => {
    const root = siteWith({ "2023/same.md": post("date: 2023-01-01"), "2024/same.md": post("date: 2024-01-01") });
    await expect(plugin().emit("eleventy.before", buildEvent(root))).rejects.toMatchObject({
      problems: [expect.objectContaining({ file: "posts/2024/same.md", field: "slug" })],
    });
  });

  it("writes no build cache unless asked to", async () => {
    const root = siteWith({ "a.md": post("date: 2024-06-01") });
    await plugin().emit("eleventy.before", buildEvent(root));
    // .cache/images/ holds the pictures the build publishes (the post's social card here), not outcomes.
    expect(existsSync(path.join(root, ".cache", "validation.v8"))).toBe(false);
  });

  it("sees an edit in the next build", async () => {
    const root = siteWith({ "a.md": post("date: 2024-06-01") });
    const recorded = plugin();
    await recorded.emit("eleventy.before", buildEvent(root));
    writeFileSync(path.join(root, "posts", "a.md"), post("date: 2024-06-01").replace("Harbour reopens", "Harbour shuts"));
    await recorded.emit("eleventy.before", buildEvent(root));
    expect(stored(root, "a.md")?.data.title).toBe("Harbour shuts");
  });

  it("in a live preview, rereads only the posts the watcher reported, unless something else changed", async () => {
    const root = siteWith({ "a.md": post("date: 2024-06-01"), "b.md": post("date: 2024-06-02") });
    process.chdir(root);
    const recorded = plugin("dev");
    await recorded.emit("eleventy.before", buildEvent(root, "watch"));
    const retitle = (name: string, title: string) =>
      writeFileSync(path.join(root, "posts", name), post("date: 2024-06-01").replace("Harbour reopens", title));
    retitle("a.md", "A again");
    retitle("b.md", "B again");
    await recorded.emit("eleventy.beforeWatch", ["./posts/a.md"]);
    await recorded.emit("eleventy.before", buildEvent(root, "watch"));
    expect([stored(root, "a.md")?.data.title, stored(root, "b.md")?.data.title]).toEqual(["A again", "Harbour reopens"]);
    await recorded.emit("eleventy.beforeWatch", ["./layouts/post.njk"]);
    await recorded.emit("eleventy.before", buildEvent(root, "watch"));
    expect(stored(root, "b.md")?.data.title).toBe("B again");
  });
});

/**
 * lib/preview/server.ts removePostPage: a deleted post's page leaves the output
 * folder, and nothing else does, whatever the deleted file was called. And
 * watchOnceBuilt: only a failed build is waited out. And changesNeighbours:
 * every page is rebuilt for an edit to a field the neighbours show, as
 * lib/content/listed-fields.ts declares, and for no other edit.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LISTED_FIELDS, type ListedField } from "../../../lib/content/listed-fields.ts";
import { readPost } from "../../../lib/content/frontmatter.ts";
import { replacePosts, type StoredPost } from "../../../lib/content/post-store.ts";
import { frontmatterSchema } from "../../../lib/content/schema.ts";
import { changesNeighbours, removePostPage, watchOnceBuilt } from "../../../lib/preview/server.ts";

let output = "";
afterEach(() => rmSync(output, { recursive: true, force: true }));

function outputWith(...pages: string[]): string {
  output = mkdtempSync(path.join(tmpdir(), "preview-output-"));
  for (const page of pages) {
    mkdirSync(path.join(output, page), { recursive: true });
    writeFileSync(path.join(output, page, "index.html"), "<!doctype html>");
  }
  return output;
}

describe("removePostPage", () => {
  it("removes /posts/<slug>/ for a deleted post, in posts/ or a folder below it", () => {
    outputWith("posts/harbour-reopens", "posts/ferry-returns", "about");
    removePostPage(output, "posts/harbour-reopens.md");
    removePostPage(output, "./posts/2024/ferry-returns.md");
    expect(existsSync(path.join(output, "posts", "harbour-reopens"))).toBe(false);
    expect(existsSync(path.join(output, "posts", "ferry-returns"))).toBe(false);
    expect(existsSync(path.join(output, "about", "index.html"))).toBe(true);
  });

  it("leaves everything else, including names that are not slugs", () => {
    outputWith("posts/harbour-reopens", "about");
    for (const file of [
      "pages/about.md",
      "posts/posts.11tydata.js",
      "posts/...md",
      "posts/..md",
      "posts/Harbour Reopens.md",
      "about.md",
      "posts",
    ]) {
      removePostPage(output, file);
    }
    expect(existsSync(path.join(output, "posts", "harbour-reopens", "index.html"))).toBe(true);
    expect(existsSync(path.join(output, "about", "index.html"))).toBe(true);
  });
});

describe("watchOnceBuilt", () => {
  const rebuild = async () => {};

  it("hands back the rebuild function once the first build succeeds", async () => {
    const eleventy = { watch: async () => rebuild, restart: async () => {}, init: async () => {} };
    await expect(watchOnceBuilt(eleventy, () => false)).resolves.toBe(rebuild);
  });

  it("passes on an error thrown before any build started, rather than waiting for a save that cannot help", async () => {
    const broken = new Error("the file watcher could not be loaded");
    const eleventy = { watch: () => Promise.reject(broken), restart: async () => {}, init: async () => {} };
    await expect(watchOnceBuilt(eleventy, () => false)).rejects.toBe(broken);
    // Waiting for a save instead would hang: fail fast.
  }, 5_000);
});

describe("changesNeighbours", () => {
  const saved = "---\ntitle: Harbour reopens\ndate: 2024-05-01\ndescription: Boats are back.\ntags: [Courts]\n---\n\nThe story.\n";
  // One edit per declared field: a field added to the declaration is a type error here until it has one.
  const edits: Record<ListedField, [string, string]> = {
    title: ["title: Harbour reopens", "title: Harbour reopens at last"],
    date: ["date: 2024-05-01", "date: 2024-05-02"],
    description: ["description: Boats are back.", "description: Ferries are back."],
    tags: ["tags: [Courts]", "tags: [Courts, Science]"],
    draft: ["---\n\n", "draft: true\n---\n\n"],
    image: ["---\n\n", "image: { src: /media/harbour.jpg, alt: The harbour }\n---\n\n"],
  };
  let folder = "";
  let cwd = "";

  /** The saved post as the last build stored it, in a folder that is the working directory, as for `npm start`. */
  function lastBuilt(): void {
    cwd = process.cwd();
    folder = mkdtempSync(path.join(tmpdir(), "preview-post-"));
    process.chdir(folder);
    mkdirSync("posts");
    writeFileSync("posts/harbour.md", saved);
    const read = readPost(saved);
    if (!read.ok) throw new Error("the saved post does not read");
    const data = frontmatterSchema.parse(read.post.data);
    replacePosts([{ path: path.resolve("posts/harbour.md"), file: "posts/harbour.md", slug: "harbour", data } as StoredPost]);
  }

  afterEach(() => {
    if (cwd) process.chdir(cwd);
    rmSync(folder, { recursive: true, force: true });
    replacePosts([]);
  });

  it("is true for an edit to a field the neighbours show, false for one shown on listings only", () => {
    lastBuilt();
    for (const [field, [before, after]] of Object.entries(edits) as [ListedField, [string, string]][]) {
      expect(saved, field).toContain(before);
      writeFileSync("posts/harbour.md", saved.replace(before, after));
      expect(changesNeighbours("posts/harbour.md"), field).toBe(LISTED_FIELDS[field] === "listings and neighbours");
    }
  });

  it("is false for an edit to the body alone, or to a file that is not a post", () => {
    lastBuilt();
    writeFileSync("posts/harbour.md", `${saved}Another paragraph.\n`);
    expect(changesNeighbours("posts/harbour.md")).toBe(false);
    expect(changesNeighbours("pages/about.njk")).toBe(false);
  });
});

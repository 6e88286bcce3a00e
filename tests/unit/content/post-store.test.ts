// lib/content/post-store.ts: one build's validated posts, found by Eleventy's inputPath relative to the working directory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getPost, replacePosts, tagSpellings } from "../../../lib/content/post-store.ts";
import { storedPost } from "../../support/unit-fixtures.ts";

const home = process.cwd();
afterEach(() => {
  process.chdir(home);
  replacePosts([]);
});

describe("getPost", () => {
  it("finds a post by its absolute path, or by a path relative to the working directory as Eleventy gives it", () => {
    const post = storedPost("harbour");
    replacePosts([post]);
    expect(getPost(post.path)).toBe(post);
    expect(getPost("./posts/harbour.md")).toBe(post);
    expect(getPost("posts/harbour.md")).toBe(post);
  });

  it("finds nothing for a file that is not a stored post", () => {
    replacePosts([storedPost("harbour")]);
    expect(getPost("./posts/other.md")).toBeUndefined();
    expect(getPost("./pages/about.md")).toBeUndefined();
  });

  it("resolves relative paths against the working directory of the moment, not the first one", () => {
    const [first, second] = [mkdtempSync(path.join(tmpdir(), "post-store-")), mkdtempSync(path.join(tmpdir(), "post-store-"))];
    try {
      const post = storedPost("harbour", {}, { path: path.join(first, "posts", "harbour.md") });
      replacePosts([post]);
      process.chdir(first);
      expect(getPost("./posts/harbour.md")).toBe(post);
      process.chdir(second);
      expect(getPost("./posts/harbour.md")).toBeUndefined();
      process.chdir(first);
      expect(getPost("./posts/harbour.md")).toBe(post);
    } finally {
      process.chdir(home);
      rmSync(first, { recursive: true, force: true });
      rmSync(second, { recursive: true, force: true });
    }
  });
});

describe("replacePosts", () => {
  it("replaces the whole set: posts of the last build are gone", () => {
    const old = storedPost("old");
    replacePosts([old]);
    replacePosts([storedPost("new")]);
    expect(getPost(old.path)).toBeUndefined();
    expect(getPost("./posts/new.md")?.slug).toBe("new");
  });

  it("keeps the later of two entries for the same path", () => {
    const first = storedPost("harbour", { title: "First" });
    const second = storedPost("harbour", { title: "Second" });
    replacePosts([first, second]);
    expect(getPost(first.path)).toBe(second);
  });
});

describe("tagSpellings", () => {
  it("lists every spelling of every tag once, case kept", () => {
    replacePosts([
      storedPost("a", { tags: ["Politics", "Courts"] }),
      storedPost("b", { tags: ["politics", "Courts"] }),
      storedPost("c", { tags: [] }),
    ]);
    expect(tagSpellings().sort()).toEqual(["Courts", "Politics", "politics"]);
  });

  it("follows the posts of the current build", () => {
    replacePosts([storedPost("a", { tags: ["Weather"] })]);
    expect(tagSpellings()).toEqual(["Weather"]);
    replacePosts([storedPost("b", { tags: ["Science"] })]);
    expect(tagSpellings()).toEqual(["Science"]);
    replacePosts([]);
    expect(tagSpellings()).toEqual([]);
  });
});

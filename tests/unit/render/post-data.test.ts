// lib/render/post-data.ts: every post's defaults, a permalink only for posts this build publishes, and tags kept out of Eleventy's own collections.
import { afterEach, describe, expect, it } from "vitest";
import { replacePosts } from "../../../lib/content/post-store.ts";
import { postDirectoryData } from "../../../lib/render/post-data.ts";
import { addresses } from "../../../lib/site/addresses.ts";
import { storedPost } from "../../support/unit-fixtures.ts";

afterEach(() => replacePosts([]));

const pageOf = (inputPath: string) => ({ page: { inputPath } });
/** The permalink every post inherits, called as Eleventy calls it, with the page's data. */
const postPermalink = (data: ReturnType<typeof pageOf>) => postDirectoryData().permalink(data);

describe("the permalink of a post", () => {
  it("publishes a post at its own address, named by its file", () => {
    replacePosts([storedPost("harbour-reopens")]);
    expect(postPermalink(pageOf("./posts/harbour-reopens.md"))).toBe(addresses.post("harbour-reopens"));
  });

  it("writes no file for a post this build does not publish", () => {
    replacePosts([storedPost("embargoed", {}, { published: false, unpublished: "scheduled" })]);
    expect(postPermalink(pageOf("./posts/embargoed.md"))).toBe(false);
  });

  it("publishes a draft where the build shows drafts, at the same address it will have", () => {
    replacePosts([storedPost("unfinished", { draft: true }, { published: true, unpublished: "draft" })]);
    expect(postPermalink(pageOf("./posts/unfinished.md"))).toBe(addresses.post("unfinished"));
  });

  it("writes nothing for a Markdown file that is no stored post", () => {
    replacePosts([storedPost("harbour-reopens")]);
    expect(postPermalink(pageOf("./posts/not-validated.md"))).toBe(false);
  });

  it("keeps the address when the title changes: only the file name counts", () => {
    replacePosts([storedPost("harbour-reopens", { title: "A new headline" })]);
    expect(postPermalink(pageOf("./posts/harbour-reopens.md"))).toBe(addresses.post("harbour-reopens"));
  });
});

describe("postDirectoryData", () => {
  it("lays every post out with the post layout", () => {
    expect(postDirectoryData().layout).toBe("post.njk");
  });

  it("gives a permalink that reads the posts stored when the page is built, not when the data was made", () => {
    const { permalink } = postDirectoryData();
    replacePosts([storedPost("harbour")]);
    expect(permalink(pageOf("./posts/harbour.md"))).toBe(addresses.post("harbour"));
  });

  it("keeps posts out of the collection Eleventy would make for each tag spelling of this build", () => {
    replacePosts([storedPost("a", { tags: ["Politics", "Courts"] }), storedPost("b", { tags: ["politics"] })]);
    expect([...postDirectoryData().eleventyExcludeFromCollections].sort()).toEqual(["Courts", "Politics", "politics"]);
    replacePosts([storedPost("c", { tags: ["Weather"] })]);
    expect(postDirectoryData().eleventyExcludeFromCollections).toEqual(["Weather"]);
  });
});

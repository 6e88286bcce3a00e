/** Which files the build, `npm run check` and `npm run new` take for posts. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isPostFile, listPostFiles } from "../../../lib/content/post-files.ts";

const root = mkdtempSync(path.join(tmpdir(), "post-files-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(file: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), "");
}

describe("listPostFiles", () => {
  it("lists every Markdown file under posts/, in folders too, sorted, with forward slashes", () => {
    for (const file of ["posts/b.md", "posts/a.md", "posts/2023/z.md", "posts/2023/deep/y.md", "posts/2024/x.md"]) write(file);
    for (const file of ["posts/posts.11tydata.js", "posts/notes.txt", "posts/2023/image.png", "posts/a.md~", "pages/about.md"]) write(file);
    // A folder whose name ends in .md is a folder, not a post.
    mkdirSync(path.join(root, "posts", "folder.md"));
    write("posts/folder.md/inside.md");
    expect(listPostFiles(root)).toEqual([
      "posts/2023/deep/y.md",
      "posts/2023/z.md",
      "posts/2024/x.md",
      "posts/a.md",
      "posts/b.md",
      "posts/folder.md/inside.md",
    ]);
  });

  it("follows a link to a folder, as Eleventy does, so the posts it builds through it are checked", () => {
    symlinkSync(path.join(root, "posts", "2024"), path.join(root, "posts", "again"));
    expect(listPostFiles(root)).toContain("posts/again/x.md");
  });

  it("stops at a link back to a folder above it", () => {
    symlinkSync(path.join(root, "posts"), path.join(root, "posts", "2023", "loop"));
    expect(listPostFiles(root).filter((file) => file.includes("/loop/"))).toEqual([]);
  });

  it("lists nothing when there is no posts folder", () => {
    expect(listPostFiles(path.join(root, "nowhere"))).toEqual([]);
  });
});

describe("isPostFile", () => {
  it("knows a post from everything else that can change", () => {
    expect(isPostFile("./posts/a-story.md")).toBe(true);
    expect(isPostFile("posts/2024/a-story.md")).toBe(true);
    for (const other of [
      "./posts/posts.11tydata.js",
      "./layouts/base.njk",
      "./pages/index.njk",
      "./lib/collections.ts",
      "./layouts/css/site.css",
      "./README.md",
    ]) {
      expect(isPostFile(other), other).toBe(false);
    }
  });
});

// Issue 16: only content is published. Posts come from posts/; Markdown
// anywhere else (media/, pages/, a stray folder) is ignored by design, even
// when its frontmatter claims a post's address or carries a script.
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";
import { fixturePosts, postMarkdown } from "../../support/reader-fixtures.ts";

const [story] = fixturePosts(1);
const STRAYS: Record<string, string> = {
  "media/caption-notes.md": "---\ntitle: Notes\n---\n\n<script>alert('media')</script>\n",
  "drafts-folder/idea.md": "---\npermalink: /idea/\n---\n\nAn idea, <img src=x onerror=alert(1)>.\n",
  // The scratch site links pages/ to the repository's own; this folder is its twin for the test.
  "more-pages/claim.md": `---\npermalink: /posts/${story!.slug}/\n---\n\nNot the story.\n`,
};
let site: ScratchSite;
let result: Awaited<ReturnType<ScratchSite["build"]>>;

beforeAll(async () => {
  site = await createScratchSite({ [`${story!.slug}.md`]: postMarkdown(story!) });
  for (const [file, text] of Object.entries(STRAYS)) {
    await mkdir(path.dirname(path.join(site.root, file)), { recursive: true });
    await writeFile(path.join(site.root, file), text);
  }
  result = await site.build({ CONTEXT: "production", SITE_URL: "https://news.example.org" });
});
afterAll(() => site?.remove());

/** Every file the build wrote, as paths under the output folder. */
const written = (dir: string, prefix = ""): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? written(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );

describe("Markdown outside posts/", () => {
  it("is not published, and is no error", () => {
    expect(result.code, result.stderr).toBe(0);
    const files = written(site.output);
    expect(files.filter((file) => /caption-notes|idea|claim|drafts-folder|more-pages/.test(file))).toEqual([]);
    expect(existsSync(path.join(site.output, "media"))).toBe(false);
  });

  it("cannot take a post's address: the story is there, as its own file says", async () => {
    const page = await readFile(path.join(site.output, "posts", story!.slug, "index.html"), "utf8");
    expect(page).toContain(`The first paragraph of ${story!.slug}`);
    expect(page).not.toContain("Not the story.");
  });
});

/**
 * `npm run new -- "Post title"`: writes posts/<slug>.md with frontmatter that
 * already passes `npm run check`: dated now and a draft, so nothing reaches
 * production until the author says so. Never overwrites a post.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isMain } from "./is-main.ts";
import { frontmatterSchema } from "../lib/content/schema.ts";
import { POST_SLUG, slugifyTag } from "../lib/content/slug.ts";
import { listPostFiles } from "../lib/content/post-files.ts";

/** Long titles make unwieldy URLs; cut at a word boundary. */
const MAX_SLUG_LENGTH = 60;

export function slugForTitle(title: string): string {
  // "Mayor's plan" → mayors-plan, not mayor-s-plan.
  const slug = slugifyTag(title.replace(/['’]/g, ""));
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : MAX_SLUG_LENGTH);
}

export function scaffold(title: string, now: Date): string {
  const date = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  // JSON strings are valid YAML double-quoted scalars, so any title survives quoting.
  return [
    "---",
    `title: ${JSON.stringify(title)}`,
    `date: ${date}`,
    `description: "One or two sentences: the dek under the headline and the summary in feeds."`,
    "tags: []",
    "draft: true",
    "---",
    "",
    "Write the article here. Delete `draft: true` above (or set it to false) to publish it.",
    "",
  ].join("\n");
}

export type NewPostResult = { ok: true; file: string } | { ok: false; message: string };

export function createPost(root: string, rawTitle: string | undefined, now = new Date()): NewPostResult {
  const title = frontmatterSchema.shape.title.safeParse(rawTitle ?? "");
  if (!title.success) {
    return {
      ok: false,
      message: `Usage: npm run new -- "Post title"\nexpected ${title.error.issues[0]?.message ?? "a headline"}, found ${JSON.stringify(rawTitle ?? "")}`,
    };
  }
  const slug = slugForTitle(title.data);
  if (!POST_SLUG.test(slug)) {
    return {
      ok: false,
      message: `expected a title with letters or digits to make the file name from, found ${JSON.stringify(title.data)}`,
    };
  }
  const existing = listPostFiles(root).find((file) => path.posix.basename(file, ".md") === slug);
  const file = `posts/${slug}.md`;
  if (existing) {
    return { ok: false, message: `${existing} already exists; nothing was written. Choose a different title, or edit that post.` };
  }
  try {
    mkdirSync(path.join(root, "posts"), { recursive: true });
    // "wx": fail rather than overwrite, even if the file appeared a moment ago.
    writeFileSync(path.join(root, file), scaffold(title.data, now), { flag: "wx" });
  } catch (error) {
    return { ok: false, message: `could not write ${file}: ${(error as Error).message}` };
  }
  return { ok: true, file };
}

if (isMain(import.meta.url)) {
  const result = createPost(path.resolve("."), process.argv.slice(2).join(" "));
  if (result.ok) console.log(result.file);
  else {
    console.error(result.message);
    process.exitCode = 1;
  }
}

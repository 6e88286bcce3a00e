/**
 * Links between posts, checked across the whole set: a link to a post that
 * does not exist, or from a live post to a draft, is a broken link in
 * production, so it is refused before the build like any other mistake.
 */
import path from "node:path";
import type { PostProblem } from "./errors.ts";
import type { PostLink } from "./markdown-checks.ts";
import { suggestField } from "./suggest.ts";
import type { ValidPost } from "./validate.ts";

/** A link as written in one file, its line counted from the top of the file. */
export interface LinkInFile extends PostLink {
  file: string;
}

/**
 * `files` is every post file, valid or not: a link to a post that has its own
 * problems is reported there, not here as a missing post.
 */
export function postLinkProblems(links: LinkInFile[], files: string[], posts: ValidPost[]): PostProblem[] {
  const slugs = [...new Set(files.map((file) => path.posix.basename(file, ".md")))];
  const known = new Set(slugs);
  const validBySlug = new Map(posts.map((post) => [post.slug, post]));
  const validByFile = new Map(posts.map((post) => [post.file, post]));
  const problems: PostProblem[] = [];
  for (const link of links) {
    const at = { file: link.file, line: link.line, column: link.column, field: "body" };
    if (!known.has(link.slug)) {
      const hint = suggestField(link.slug, slugs);
      problems.push({
        ...at,
        message: `expected a link to an existing post, found ${link.href} but there is no posts/${link.slug}.md${hint ? `; did you mean /posts/${hint}/?` : ""}`,
      });
      continue;
    }
    const target = validBySlug.get(link.slug);
    const source = validByFile.get(link.file);
    if (target?.data.draft && source && !source.data.draft) {
      problems.push({
        ...at,
        message: `expected a link to a published post, found ${link.href}, a draft: production leaves drafts out, so this link would be broken there`,
      });
    }
  }
  return problems;
}

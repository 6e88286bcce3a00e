/**
 * Links between posts, checked across the whole set: a link to a post that
 * does not exist, or from a live post to one that is not out yet (a draft, or
 * a post scheduled after it), would be broken in production, or would give
 * away an embargoed address. So it is refused before the build like any
 * other mistake, by `npm run check` and the build alike.
 */
import path from "node:path";
import type { PostProblem } from "./problems.ts";
import { suggestField } from "./suggest.ts";
import { addresses } from "../site/addresses.ts";
import type { LinkInFile, ValidPost } from "./outcome.ts";

/**
 * `files` is every post file, valid or not: a link to a post that has its own
 * problems is reported there, not here as a missing post.
 */
export function postLinkProblems(links: LinkInFile[], files: string[], posts: ValidPost[], now: Date): PostProblem[] {
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
        message: `expected a link to an existing post, found ${link.href} but there is no posts/${link.slug}.md${hint ? `; did you mean ${addresses.post(hint)}?` : ""}`,
      });
      continue;
    }
    const target = validBySlug.get(link.slug);
    const source = validByFile.get(link.file);
    if (!target || !source || source.data.draft) continue;
    if (target.data.draft) {
      problems.push({
        ...at,
        message: `expected a link to a published post, found ${link.href}, a draft: production leaves drafts out, so this link would be broken there`,
      });
    } else if (target.data.date > now && target.data.date > source.data.date) {
      // Refused rather than shown as plain text: a page that changes by itself when another post goes out would surprise its editor.
      problems.push({
        ...at,
        message: `expected a link to a published post, found ${link.href}, scheduled for ${target.data.date.toISOString().slice(0, 10)}: the link would give its address away before then; add the link once it is out, or schedule this post no earlier`,
      });
    }
  }
  return problems;
}

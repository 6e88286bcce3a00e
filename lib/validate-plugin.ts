/**
 * Eleventy plugin: before each build, validate every post and stop the build,
 * listing every problem, if anything is wrong. Nothing renders from a bad post.
 * https://www.11ty.dev/docs/events/#eleventy.before
 */
import path from "node:path";
import type { EleventyConfig } from "./eleventy-config.ts";
import { PostValidationError } from "./errors.ts";
import { parseYaml, takeParsedYaml } from "./frontmatter.ts";
import { readGitHistory } from "./git-dates.ts";
import { replacePosts, type StoredPost } from "./post-store.ts";
import { isPublished, isScheduled } from "./publication.ts";
import type { SiteMetadata } from "./site.ts";
import { listPostFiles, validateFiles, type ValidationCache } from "./validate.ts";

export interface ValidatePluginOptions {
  site: SiteMetadata;
  /** The build's notion of "now", for scheduled posts. */
  now: Date;
}

export default function validatePlugin(eleventyConfig: EleventyConfig, options: ValidatePluginOptions): void {
  // Eleventy parses frontmatter with the same YAML reader the validator uses,
  // so a value that passed validation is exactly the value templates get.
  // https://www.11ty.dev/docs/data-frontmatter-customize/
  eleventyConfig.setFrontMatterParsingOptions({
    engines: { yaml: (source: string) => takeParsedYaml(source) ?? parseYaml(source).toJS() ?? {} },
  });

  const cache: ValidationCache = new Map();
  eleventyConfig.on("eleventy.before", ({ directories }) => {
    const root = path.resolve(directories.input);
    const report = validateFiles(root, listPostFiles(root), cache);
    if (report.problems.length > 0) throw new PostValidationError(report.problems);

    const history = readGitHistory(root, "posts");
    replacePosts(
      report.posts.map((post): StoredPost => {
        const scheduled = isScheduled(post.data, options.now);
        const revised = history.revisedAt(post.file);
        return {
          path: path.join(root, post.file),
          file: post.file,
          slug: post.slug,
          data: post.data,
          // An edit committed before the publication date is part of writing it, not a revision.
          updated: post.data.updated ?? (revised && revised > post.data.date ? revised : undefined),
          published: isPublished(post.data, options.site.context, options.now),
          unpublished: post.data.draft ? "draft" : scheduled ? "scheduled" : undefined,
        };
      }),
    );
  });
}

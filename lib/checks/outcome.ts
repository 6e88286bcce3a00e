/**
 * What checking posts yields: one file's outcome (lib/checks/validate.ts), and
 * the report over the whole set (lib/checks/post-set-checks.ts). Types only, and
 * a leaf: the validators, the set checks and the cache all import it, and it
 * imports none of them.
 */
import type { Frontmatter } from "../content/schema.ts";
import type { PostProblem } from "./problems.ts";
import type { PostLink } from "./published-html.ts";

export interface ValidPost {
  file: string;
  slug: string;
  data: Frontmatter;
  /** Words in the body, for the reading time. */
  words: number;
  /** The body as published: the HTML the checks judged (lib/checks/published-html.ts). */
  html: string;
}

export interface ValidationReport {
  posts: ValidPost[];
  problems: PostProblem[];
}

/** A link as written in one file, its line counted from the top of the file. */
export interface LinkInFile extends PostLink {
  file: string;
}

/** What validating one file yields (lib/checks/validate.ts's validateOne). */
export interface FileOutcome {
  post?: ValidPost;
  problems: PostProblem[];
  links?: LinkInFile[];
}

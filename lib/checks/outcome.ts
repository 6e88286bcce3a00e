/**
 * What checking posts yields: one file's outcome (lib/checks/validate.ts), and
 * the report over the whole set (lib/checks/post-set-checks.ts). Types only, and
 * a leaf: the validators, the set checks and the cache all import it, and it
 * imports none of them.
 */
import type { Frontmatter } from "../content/schema.ts";
import type { PostProblem } from "./problems.ts";
import type { PostLink } from "./published-html.ts";
import type { ResponsiveImage } from "../images/responsive.ts";
import type { SocialCrop } from "../images/social-crops.ts";

export interface ValidPost {
  file: string;
  slug: string;
  data: Frontmatter;
  /** Words in the body, for the reading time. */
  words: number;
  /** The body as published: the HTML the checks judged (lib/checks/published-html.ts), pictures included. */
  html: string;
  /** The lead picture, made by the image pipeline (lib/images/post-pictures.ts). */
  lead?: LeadPicture;
  /** Every file the pipeline made for this post, below .cache/images/: published under addresses.images. */
  pictureFiles?: string[];
}

/** A post's lead picture as pages, feeds and structured data show it. */
export interface LeadPicture {
  alt: string;
  caption?: string;
  credit?: string;
  picture: ResponsiveImage;
  /** The crops social networks and search engines take (16:9, 4:3, 1:1), 1200 pixels wide. */
  crops: SocialCrop[];
}

/** A picture a post refers to: the lead picture (frontmatter `image`) or one in the body, where it was written. */
export interface PictureReference {
  role: "lead" | "body";
  src: string;
  alt: string;
  field: string;
  line: number;
  column: number;
  /** A body picture's start tag in the published html, which the pipeline replaces with its <picture>. */
  start?: number;
  end?: number;
}

export interface ValidationReport {
  posts: ValidPost[];
  problems: PostProblem[];
}

/** A link as written in one file, its line counted from the top of the file. */
export interface LinkInFile extends PostLink {
  file: string;
}

/** A person a post's `author:` names, by key, where it was written: checked against site.yaml with the other posts. */
export interface Byline {
  key: string;
  line: number;
  column: number;
}

/** What validating one file yields (lib/checks/validate.ts's validateOne). */
export interface FileOutcome {
  post?: ValidPost;
  problems: PostProblem[];
  links?: LinkInFile[];
  bylines?: Byline[];
  /** Pictures still to go through the image pipeline (lib/images/post-pictures.ts), which clears this. */
  pictures?: PictureReference[];
  /** The source pictures the outcome was made from: it stands only while each has this digest. */
  pictureSources?: Array<{ file: string; digest: string }>;
  /** Each readable correction date, where it was written: whether it has passed depends on when the set is checked. */
  correctionDates?: CorrectionDate[];
}

/** A correction's date (`corrections.1.date`), as read and as written, at its line. */
export interface CorrectionDate {
  field: string;
  line: number;
  column: number;
  date: Date;
  written: string;
}

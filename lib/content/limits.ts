/**
 * How much one post may hold. Each limit is far above what a news story
 * needs and far below what would exhaust a build: a post past one is refused
 * with its file, line and field, before anything is parsed further.
 * Plain data, so an editor can read (and a newsroom can change) the numbers.
 */
export const LIMITS = {
  /** A post file, frontmatter and body: a long-read is about 60 KB of Markdown. */
  postBytes: 512 * 1024,
  /** Topics on one story; each becomes a page. */
  tagsPerPost: 20,
  /** One topic's name; it becomes part of a URL and a file name. */
  tagLength: 60,
  /** A person's name, or the newsroom's. */
  authorLength: 120,
  /** People named on one story. */
  authorsPerPost: 10,
  /** A person's bio on their page: a sentence or two. */
  bioLength: 400,
  /** A picture's alternative text: a sentence or two; longer descriptions belong in the story. */
  altLength: 300,
  /** A picture's caption or credit. */
  captionLength: 300,
  /** Corrections and updates on one story: a story corrected more often needs rewriting, not another notice. */
  correctionsPerPost: 20,
  /** One correction's text: what was wrong and what is right, in a sentence or three. */
  correctionLength: 600,
  /** YAML aliases (`*name`) in one frontmatter; each can copy a whole subtree. */
  yamlAliases: 10,
  /** Nesting of YAML lists and mappings; the schema's deepest field is three levels (corrections.0.date). */
  yamlDepth: 4,
  /** Publication years a date may name: older archives and far-future typos are refused. */
  earliestYear: 1800,
  latestYear: 2200,
} as const;

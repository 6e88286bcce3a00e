// Deterministic synthetic posts for the build benchmark (issue 7).
//
// Every post is derived from (seed, index) alone, so the first 200 posts of
// a 10,000-post run are byte-identical to a 200-post run; only slug
// de-duplication looks back at earlier posts, and it only looks backwards.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as C from "./corpus.ts";
import { picturePlan } from "./pictures.ts";

export type Rng = () => number;

// FNV-1a over the text gives a 32-bit seed; any stable hash would do.
function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// A small 32-bit mixing generator: statistically fine for picking words,
// and identical on every platform because it only uses 32-bit integer ops.
function makeRng(seed: number | string): Rng {
  let state = typeof seed === "number" ? seed >>> 0 : hashSeed(seed);
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 0x100000000;
  };
}

const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

function pickDistinct<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) {
    out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0] as T);
  }
  return out;
}

function fill(rng: Rng, template: string, subject: string): string {
  return template
    .replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case "Subject":
          return subject;
        case "subject_lc":
          return subject.toLowerCase();
        case "verb":
          return pick(rng, C.VERBS);
        case "object":
          return pick(rng, C.OBJECTS);
        case "context":
          return pick(rng, C.CONTEXTS);
        case "person":
          return pick(rng, C.PEOPLE);
        case "role":
          return pick(rng, C.ROLES);
        case "place":
          return pick(rng, C.PLACES);
        case "noun":
          return pick(rng, C.NOUNS);
        case "adjective":
          return pick(rng, C.ADJECTIVES);
        case "money":
          return pick(rng, C.MONEY);
        case "period":
          return pick(rng, C.PERIODS);
        default:
          throw new Error(`unknown slot {${slot}}`);
      }
    })
    .replace(/\b([Aa]) (?=[aeiou])/g, "$1n ");
}

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const countWords = (text: string): number =>
  text
    .replace(/\]\([^)]*\)/g, "]")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

const yamlString = (text: string): string => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

export interface GeneratedPost {
  slug: string;
  title: string;
  date: string;
  tags: string[];
  words: number;
  markdown: string;
  /** The files in media/ the post shows (lead first); none without `pictures`. */
  pictures: string[];
}

export interface PostOptions {
  /** `--pictures`: lead and body pictures (bench/pictures.ts), at most `distinct` files of each kind. */
  pictures?: { distinct: number };
}

// 2012-01-01 .. 2024-12-31, so archives and feeds span many years.
const DATE_START = Date.UTC(2012, 0, 1);
const DATE_MINUTES = Math.floor((Date.UTC(2025, 0, 1) - DATE_START) / 60_000);

function buildBody(rng: Rng, subject: string, slug: string): { body: string; words: number } {
  // Sentences are added until the target is met, so the total overshoots by
  // at most one sentence (< 30 words): 600..870 + 30 stays inside 600..900.
  const target = int(rng, 600, 870);
  const headings = pickDistinct(rng, C.HEADINGS, int(rng, 2, 3)).map((h) => fill(rng, h, subject));
  const bullets = Array.from(
    { length: int(rng, 3, 5) },
    () => `- **${pick(rng, C.BULLET_LEADS)}** ${fill(rng, pick(rng, C.SENTENCES), subject)}`,
  );
  const quote = `> “${fill(rng, pick(rng, C.SENTENCES), subject).replace(/[“”]/g, "")}” — ${pick(rng, C.PEOPLE)}`;
  let words = countWords([...headings, ...bullets, quote].join("\n"));

  const paragraphs: string[][] = [[]];
  const linkAt = new Set([int(rng, 1, 4), int(rng, 5, 9)]);
  let sentenceCount = 0;
  while (words < target) {
    let sentence = fill(rng, pick(rng, C.SENTENCES), subject);
    if (linkAt.has(sentenceCount)) {
      const url = `https://example.com/${pick(rng, C.LINK_PATHS)}/${slug}-${int(rng, 1, 999)}`;
      sentence += ` Read [${pick(rng, C.LINK_TEXTS)}](${url}).`;
    }
    const current = paragraphs[paragraphs.length - 1] as string[];
    current.push(sentence);
    words += countWords(sentence);
    sentenceCount++;
    if (current.length >= int(rng, 3, 5)) paragraphs.push([]);
  }
  const paras = paragraphs.filter((p) => p.length > 0).map((p) => p.join(" "));

  // Intro gets two paragraphs; the rest are shared out between the sections.
  const intro = paras.splice(0, 2);
  const sections = headings.map(() => [] as string[]);
  for (const [i, p] of paras.entries()) (sections[i % sections.length] as string[]).push(p);
  const blocks: string[] = [...intro];
  sections.forEach((section, i) => {
    blocks.push(`## ${headings[i]}`);
    const [first, ...rest] = section;
    if (first !== undefined) blocks.push(first);
    if (i === 0) blocks.push(bullets.join("\n"));
    if (i === sections.length - 1) blocks.push(quote);
    blocks.push(...rest);
  });
  return { body: `${blocks.join("\n\n")}\n`, words };
}

export function generatePost(index: number, seed: number, takenSlugs?: Set<string>, options: PostOptions = {}): GeneratedPost {
  const rng = makeRng(`${seed}:${index}`);
  const subject = pick(rng, C.SUBJECTS);
  const verb = pick(rng, C.VERBS);
  const object = pick(rng, C.OBJECTS);
  const title = `${subject} ${verb} ${object} ${pick(rng, C.CONTEXTS)}`;
  const date = new Date(DATE_START + int(rng, 0, DATE_MINUTES - 1) * 60_000).toISOString().replace(".000Z", "Z");
  const tags = pickDistinct(rng, C.TAGS, int(rng, 2, 4));
  const description = fill(rng, `{Subject} ${verb} the ${object}, a {adjective} move for {noun} in {place}.`, subject);

  let slug = slugify(title);
  if (takenSlugs) {
    const base = slug;
    for (let k = 2; takenSlugs.has(slug); k++) slug = `${base}-${k}`;
    takenSlugs.add(slug);
  }
  const { body, words } = buildBody(rng, subject, slug);
  const plan = options.pictures ? picturePlan(index, options.pictures.distinct) : { body: [] };
  // A generator of its own, so the words stay those of the same post without pictures.
  const pictureRng = makeRng(`${seed}:${index}:pictures`);
  const alt = (): string => fill(pictureRng, pick(pictureRng, C.PICTURE_ALTS), subject);
  const markdown = [
    "---",
    `title: ${yamlString(title)}`,
    `date: ${date}`,
    `description: ${yamlString(description)}`,
    `tags: [${tags.join(", ")}]`,
    ...(plan.lead ? ["image:", `  src: /media/${plan.lead}`, `  alt: ${yamlString(alt())}`] : []),
    "---",
    "",
    withBodyPictures(body, plan.body, alt),
  ].join("\n");
  return { slug, title, date, tags, words, markdown, pictures: [...(plan.lead ? [plan.lead] : []), ...plan.body] };
}

/** Body pictures as paragraphs of their own: one after the introduction, the next two thirds of the way down. */
function withBodyPictures(body: string, files: string[], alt: () => string): string {
  if (files.length === 0) return body;
  const blocks = body.trimEnd().split("\n\n");
  files.forEach((file, i) => {
    const at = i === 0 ? 2 : Math.max(3 + i, Math.floor((blocks.length * 2) / 3));
    blocks.splice(Math.min(at, blocks.length), 0, `![${alt()}](/media/${file})`);
  });
  return `${blocks.join("\n\n")}\n`;
}

/**
 * Post `index` as an author would add it to a site that has posts
 * 0..index-1: a slug of its own, and dated after all of them (every
 * generated date is before 2025), so it goes to the top of every listing.
 */
export function newestPost(index: number, seed: number, takenSlugs: Iterable<string>): GeneratedPost {
  // No pictures: the watch check times the pages, and its project has no file for the new post's picture.
  const post = generatePost(index, seed, new Set(takenSlugs));
  const date = "2025-01-01T06:00:00Z";
  return { ...post, date, markdown: post.markdown.replace(`\ndate: ${post.date}\n`, `\ndate: ${date}\n`) };
}

/** Writes posts 0..n-1 as `<slug>.md` into dir (created if missing); their pictures are bench/pictures.ts's to make. */
export function writePosts(dir: string, n: number, seed: number, options: PostOptions = {}): GeneratedPost[] {
  mkdirSync(dir, { recursive: true });
  const taken = new Set<string>();
  const posts: GeneratedPost[] = [];
  for (let i = 0; i < n; i++) {
    const post = generatePost(i, seed, taken, options);
    writeFileSync(join(dir, `${post.slug}.md`), post.markdown);
    posts.push(post);
  }
  return posts;
}

// Handy for eyeballing output: generate-posts.ts <dir> [n=10] [seed=7]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, n = "10", seed = "7"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: generate-posts.ts <dir> [n] [seed]");
    process.exit(2);
  }
  const posts = writePosts(dir, Number(n), Number(seed));
  const words = posts.map((p) => p.words);
  console.log(`wrote ${posts.length} posts to ${dir} (words ${Math.min(...words)}..${Math.max(...words)})`);
}

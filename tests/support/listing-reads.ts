/**
 * What the listings and the neighbour links read of each post, found by
 * rendering rather than by reading templates: a build of a site, with the real
 * configuration, plugins and templates, in which the posts handed to the
 * listing pages, to the previous/next links and to the related stories are
 * wrapped so that every read of a field is recorded. However a template reaches a post (a partial, a
 * variable set to it, a macro, a filter in lib/), a read is a read.
 *
 * The collections wrapped are the ones lib/preview/listing-changes.ts renders
 * from (the `…ToRender` lists) and the neighbours of lib/preview/server.ts
 * (the previous/next links and the related stories).
 * Pages that always render again in the preview (the feeds, the sitemap, the
 * archive and topic indexes, the 404 page's latest stories: their
 * eleventyImport) need no declaration, and are not listings here.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { LISTED_FIELDS, LISTED_POST_VALUES, neighbourFields } from "../../lib/content/listed-fields.ts";
import type { StoredPost } from "../../lib/content/post-store.ts";
import { frontmatterFields } from "../../lib/content/schema.ts";
import type { CollectionApi, EleventyConfig } from "../../lib/types/eleventy.ts";
import type { ScratchSite } from "./scratch-site.ts";

export const LISTING_COLLECTIONS = ["homePagesToRender", "tagPagesToRender", "archiveMonthsToRender"];
export const NEIGHBOUR_COLLECTION = "postNeighbours";
/** Other posts' pages link a post from here too: its reads count as the neighbours'. */
export const RELATED_COLLECTION = "relatedStories";

export interface Reads {
  /** Frontmatter fields read: `post.data.<field>`. */
  data: string[];
  /** The stored post's other fields read: `post.<name>`. */
  post: string[];
}

export interface PostReads {
  listings: Reads;
  neighbours: Reads;
  /** Every collection the build added, to tell a renamed listing from one that reads nothing. */
  collections: string[];
}

interface RecordedReads {
  data: Set<string>;
  post: Set<string>;
}

const emptyReads = (): RecordedReads => ({ data: new Set(), post: new Set() });

interface Item {
  post: StoredPost;
}

const FIELDS = new Set<string>(frontmatterFields);

function recordingPost(post: StoredPost, reads: RecordedReads): StoredPost {
  const record = (key: string | symbol) => {
    if (typeof key === "string" && FIELDS.has(key)) reads.data.add(key);
  };
  const data = new Proxy(post.data, {
    get(target, key, receiver) {
      record(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      record(key);
      return Reflect.has(target, key);
    },
  });
  return new Proxy(post, {
    get(target, key, receiver) {
      if (key === "data") return data;
      // Own fields only: a `then` or `toJSON` probe is not the template showing anything.
      if (typeof key === "string" && Object.hasOwn(target, key)) reads.post.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
}

/** The item as it was (its URL, its page, the class's getters), with its post recording. */
function recordingItem<T extends Item>(item: T, reads: RecordedReads): T {
  return Object.create(item, { post: { value: recordingPost(item.post, reads), enumerable: true } }) as T;
}

function wrap(name: string, value: unknown, reads: { listings: RecordedReads; neighbours: RecordedReads }): unknown {
  if (LISTING_COLLECTIONS.includes(name)) {
    return (value as Array<{ items: Item[] }>).map((page) => ({
      ...page,
      items: page.items.map((item) => recordingItem(item, reads.listings)),
    }));
  }
  if (name === NEIGHBOUR_COLLECTION) {
    const side = (item: Item | undefined) => item && recordingItem(item, reads.neighbours);
    const entries = Object.entries(value as Record<string, { newer?: Item; older?: Item }>);
    return Object.fromEntries(entries.map(([url, { newer, older }]) => [url, { newer: side(newer), older: side(older) }]));
  }
  if (name === RELATED_COLLECTION) {
    const entries = Object.entries(value as Record<string, Item[]>);
    return Object.fromEntries(entries.map(([url, items]) => [url, items.map((item) => recordingItem(item, reads.neighbours))]));
  }
  return value;
}

/** Marks the child's one line of results among anything else it prints. */
const RESULT = "listing-reads:";

/**
 * Builds the scratch site (its own config, posts, layouts and pages) and
 * returns what was read of its posts. In a process of its own, with the site
 * as working directory as for `npm run build`: Eleventy keeps templates read
 * in a process by their relative path, so a second site built in the same
 * process would be rendered with the first one's layouts.
 */
export async function readsOfPosts(site: ScratchSite, env: NodeJS.ProcessEnv = {}): Promise<PostReads> {
  const self = fileURLToPath(import.meta.url);
  const run = await site.run(process.execPath, ["--import", "./scripts/typescript.js", self], { BUILD_CACHE: "off", ...env });
  const line = run.stdout.split("\n").find((each) => each.startsWith(RESULT));
  if (run.code !== 0 || !line) throw new Error(`The build that records reads failed:\n${run.stdout}${run.stderr}`);
  return JSON.parse(line.slice(RESULT.length)) as PostReads;
}

/** In the child: builds the site in the working directory, recording reads, and prints them. */
async function recordReads(): Promise<void> {
  const reads = { listings: emptyReads(), neighbours: emptyReads(), collections: new Set<string>() };
  const output = await mkdtemp(path.join(tmpdir(), "listing-reads-"));
  try {
    const eleventy = new Eleventy(".", output, {
      configPath: ".eleventy.js",
      quietMode: true,
      // Runs before the config file, so the plugins' collections pass through here.
      config: (config) => {
        const eleventyConfig = config as EleventyConfig;
        const add = eleventyConfig.addCollection.bind(eleventyConfig);
        eleventyConfig.addCollection = (name, build) => {
          reads.collections.add(name);
          add(name, (api: CollectionApi) => wrap(name, build(api), reads));
        };
      },
    });
    eleventy.disableLogger();
    await eleventy.write();
  } finally {
    await rm(output, { recursive: true, force: true });
  }
  const sorted = (set: Set<string>) => [...set].sort();
  const lists = (each: RecordedReads): Reads => ({ data: sorted(each.data), post: sorted(each.post) });
  const result: PostReads = {
    listings: lists(reads.listings),
    neighbours: lists(reads.neighbours),
    collections: sorted(reads.collections),
  };
  console.log(`${RESULT}${JSON.stringify(result)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await recordReads();

/** Each read that lib/content/listed-fields.ts does not declare, as a sentence naming the field. */
export function undeclaredReads(reads: PostReads): string[] {
  const declared = new Set<string>(Object.keys(LISTED_FIELDS));
  const values = new Set<string>(LISTED_POST_VALUES);
  const neighbours = new Set<string>(neighbourFields);
  const problems: string[] = [];
  for (const field of reads.listings.data) if (!declared.has(field)) problems.push(`a listing shows post.data.${field}`);
  for (const name of reads.listings.post) if (!values.has(name)) problems.push(`a listing shows post.${name}`);
  for (const field of reads.neighbours.data) {
    if (!neighbours.has(field)) problems.push(`a neighbour link shows post.data.${field}`);
  }
  // lib/preview/server.ts compares frontmatter only: a value made from it would need a rule of its own there.
  for (const name of reads.neighbours.post) problems.push(`a neighbour link shows post.${name}`);
  return problems.sort();
}

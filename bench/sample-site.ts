// One production build of ours on generated posts, kept on disk for a look at
// what readers get (bench/page-weight.ts, bench/lighthouse.ts). Laid out as
// the build benchmark lays out ours: the working tree, or a commit with --ref;
// with --pictures, posts show pictures as the build benchmark's do.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { writePosts } from "./generate-posts.ts";
import { describeOurs, ours } from "./ours.ts";
import { DEFAULT_DISTINCT, copyPictures, makePictures } from "./pictures.ts";

export interface SampleOptions {
  /** Generated posts: enough for full listing pages by default. */
  posts: number;
  seed: number;
  /** A git ref to build instead of the working tree. */
  ref?: string;
  /** An output folder built before: nothing is built. */
  site?: string;
  /** Lead and body pictures in some posts (bench/pictures.ts). */
  pictures?: boolean;
}

export interface SampleSite {
  /** The built _site folder. */
  output: string;
  /** What was built: a commit or the working tree. */
  label: string;
  remove(): void;
}

/** The command-line options both scripts share, for parseArgs. */
export const SAMPLE_ARGS = {
  n: { type: "string", default: "100" },
  seed: { type: "string", default: "7" },
  ref: { type: "string" },
  site: { type: "string" },
  pictures: { type: "boolean", default: false },
} as const;

export function sampleOptions(values: { n: string; seed: string; ref?: string; site?: string; pictures?: boolean }): SampleOptions {
  return { posts: Number(values.n), seed: Number(values.seed), ref: values.ref, site: values.site, pictures: values.pictures };
}

/**
 * The home page, its newest story and that story's first topic, as site
 * paths; and the newest story with a lead picture, when one has.
 */
export function samplePages(output: string): { home: string; post: string; tag: string; lead?: string } {
  const links = (url: string, selector: string) =>
    [...parseHTML(readFileSync(fileOf(output, url), "utf8")).document.querySelectorAll(selector)].map(
      (link) => link.getAttribute("href") ?? "",
    );
  const post = links("/", "main article h2 a")[0];
  const tag = post && links(post, 'article.post a[rel="tag"]')[0];
  if (!post || !tag) throw new Error(`no post or topic linked from ${output}/index.html`);
  const lead = links("/", "main article:has(picture) h2 a")[0];
  return { home: "/", post, tag, ...(lead ? { lead } : {}) };
}

/** The file a static host serves for a site path: /a/ is a/index.html. */
export function fileOf(output: string, url: string): string {
  const pathname = decodeURIComponent(new URL(url, "http://site.invalid").pathname);
  return join(output, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
}

export async function buildSampleSite(root: string, options: SampleOptions): Promise<SampleSite> {
  if (options.site) return { output: options.site, label: options.site, remove: () => undefined };
  const work = mkdtempSync(join(tmpdir(), "gitpress-sample-"));
  const posts = join(work, "posts");
  const written = writePosts(posts, options.posts, options.seed, options.pictures ? { pictures: { distinct: DEFAULT_DISTINCT } } : {});
  const dir = join(work, "project");
  mkdirSync(dir);
  const builder = ours(root, options.ref);
  builder.setup(dir, posts);
  if (options.pictures) {
    const pictures = [...new Set(written.flatMap((post) => post.pictures))];
    await makePictures(join(work, "pictures"), pictures, options.seed);
    copyPictures(join(work, "pictures"), pictures, join(dir, "media"));
  }
  const { cmd, args, env } = builder.build(dir);
  const run = spawnSync(cmd, args, { cwd: dir, env, encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`the build failed:\n${run.stderr}`);
  }
  return {
    output: builder.outDir(dir),
    label: `${describeOurs(root, options.ref)}, ${options.posts} generated posts${options.pictures ? " with pictures" : ""} (seed ${options.seed})`,
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}

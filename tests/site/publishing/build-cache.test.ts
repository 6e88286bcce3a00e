// The Netlify build cache, through the real path: build, hand .cache/ to
// Netlify's own cache library through our build plugin, start from a clean
// checkout, restore, edit one post, and build again.
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { bindOpts } from "@netlify/cache-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostBuild, onPreBuild } from "../../../netlify/plugins/build-cache/index.js";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";
import { fixturePosts, postMarkdown } from "../../support/reader-fixtures.ts";
import { watchSite } from "../../support/watching-site.ts";

const posts = fixturePosts(6).filter((post) => !post.extra && !post.title.includes("<"));
const logLine = (start: string) => (result: { stdout: string }) => result.stdout.split("\n").find((line) => line.startsWith(start));
const checkLine = logLine("Posts checked:");

// A resolve hook that fails the run if the schema library is loaded at all.
const FORBID_ZOD = `import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent(\`
export async function resolve(specifier, context, next) {
  if (/^zod(\\\\/|$)/.test(specifier)) throw new Error("the build loaded " + specifier);
  return next(specifier, context);
}\`));
`;

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of await readdir(dir, { recursive: true })) {
    const full = path.join(dir, name);
    if (name.endsWith(".html") || name.endsWith(".xml") || name.endsWith(".json")) files.set(name, await readFile(full, "utf8"));
  }
  return files;
}

describe("build cache kept by Netlify between builds", () => {
  let site: ScratchSite;
  let netlifyCacheDir: string;
  const utils = () => ({ cache: bindOpts({ cacheDir: netlifyCacheDir, cwd: site.root }) });

  beforeAll(async () => {
    // The last post has Windows line endings: Eleventy reads its body unlike the checks, so it renders afresh.
    const text = (post: (typeof posts)[number]) => (post === posts.at(-1) ? postMarkdown(post).replace(/\n/g, "\r\n") : postMarkdown(post));
    site = await createScratchSite(Object.fromEntries(posts.map((post) => [`${post.slug}.md`, text(post)])));
    netlifyCacheDir = await mkdtemp(path.join(tmpdir(), "netlify-cache-"));
  });
  afterAll(async () => {
    await site.remove();
    await rm(netlifyCacheDir, { recursive: true, force: true });
  });

  it("checks and renders every post on a first build, and only the edited one after a restore", async () => {
    const first = await site.build();
    expect(first.code, first.stderr).toBe(0);
    expect(checkLine(first)).toBe(`Posts checked: ${posts.length} validated, 0 unchanged from the build cache.`);
    await onPostBuild({ utils: utils() });

    // A fresh clone on Netlify's build machine: no .cache/ until the plugin restores it.
    await rm(path.join(site.root, ".cache"), { recursive: true });
    await onPreBuild({ utils: utils() });
    expect(existsSync(path.join(site.root, ".cache"))).toBe(true);

    const edited = posts[0]!;
    await site.writePost(`${edited.slug}.md`, `${postMarkdown(edited)}\nA paragraph added by the edit.\n`);
    const second = await site.build();
    expect(second.code, second.stderr).toBe(0);
    expect(checkLine(second)).toBe(`Posts checked: 1 validated, ${posts.length - 1} unchanged from the build cache.`);
    expect(await readFile(path.join(site.output, "posts", edited.slug, "index.html"), "utf8")).toContain("A paragraph added by the edit.");

    // What the cache gave is exactly what rendering afresh gives.
    const cached = await snapshot(site.output);
    const fresh = await site.build({ BUILD_CACHE: "off" });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(checkLine(fresh)).toBeUndefined();
    expect(await snapshot(site.output)).toEqual(cached);
  });

  it("does not even load the validators when every post is unchanged", async () => {
    await writeFile(path.join(site.root, "forbid-zod.mjs"), FORBID_ZOD);
    const unchanged = await site.run(process.execPath, [
      "--import",
      "./scripts/typescript.js",
      "--import",
      "./forbid-zod.mjs",
      "scripts/build.ts",
    ]);
    expect(unchanged.code, unchanged.stderr).toBe(0);
    expect(checkLine(unchanged)).toBe(`Posts checked: 0 validated, ${posts.length} unchanged from the build cache.`);

    // The hook does catch a build that needs them: one changed post.
    await site.writePost(`${posts[1]!.slug}.md`, `${postMarkdown(posts[1]!)}\nOne more line.\n`);
    const changed = await site.run(process.execPath, [
      "--import",
      "./scripts/typescript.js",
      "--import",
      "./forbid-zod.mjs",
      "scripts/build.ts",
    ]);
    expect(changed.code).not.toBe(0);
    expect(changed.stderr).toContain("the build loaded zod");
  });

  it("is declared in netlify.toml", async () => {
    const toml = await readFile(path.join(import.meta.dirname, "..", "..", "..", "netlify.toml"), "utf8");
    expect(toml).toMatch(/\[\[plugins\]\]\s+package = "\.\/netlify\/plugins\/build-cache"/);
  });
});

describe("build cache written by the live preview", () => {
  it("is filled by the preview's first build, so the next start or build checks nothing again; later rebuilds keep it in memory", async () => {
    const site = await createScratchSite(Object.fromEntries(posts.map((post) => [`${post.slug}.md`, postMarkdown(post)])));
    try {
      const watching = await watchSite(site.root);
      const cacheFile = path.join(site.root, ".cache", "validation.v8");
      try {
        expect(existsSync(cacheFile)).toBe(true);
        const written = (await stat(cacheFile)).mtimeMs;
        await watching.rebuildAfter(() => site.writePost(`${posts[0]!.slug}.md`, `${postMarkdown(posts[0]!)}\nAn edit in the preview.\n`));
        expect((await stat(cacheFile)).mtimeMs, "a rebuild does not write the cache again").toBe(written);
      } finally {
        await watching.stop();
      }
      // A build for the preview's context and address: a production build is for another address, and checks every post again.
      const build = await site.build({ CONTEXT: "dev" });
      expect(build.code, build.stderr).toBe(0);
      // The post edited after the preview's first build is the one checked again.
      expect(checkLine(build)).toBe(`Posts checked: 1 validated, ${posts.length - 1} unchanged from the build cache.`);
    } finally {
      await site.remove();
    }
  });
});

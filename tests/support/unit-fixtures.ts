// Small stand-ins the unit tests share: a stored post, site metadata, and an Eleventy config that records what a plugin registers.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { StoredPost } from "../../lib/content/post-store.ts";
import type { Frontmatter } from "../../lib/content/schema.ts";
import { siteMetadata, type SiteMetadata } from "../../lib/site/settings.ts";
import { readSettingsFile } from "../../lib/site/settings-file.ts";
import type { CollectionApi, EleventyConfig, EventArguments } from "../../lib/types/eleventy.ts";

export const SITE_ORIGIN = "https://news.example.org";

/** This project, whose site.yaml the metadata comes from whatever the working directory. */
const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Production metadata for SITE_ORIGIN, from site.yaml through the same loader the build uses; `overrides` for a test's own settings. */
export function testSite(overrides: Partial<SiteMetadata> = {}): SiteMetadata {
  return { ...siteMetadata({ CONTEXT: "production", SITE_URL: SITE_ORIGIN }, readSettingsFile(PROJECT_ROOT)), ...overrides };
}

/** Validated frontmatter: a live post of 2024-06-01 unless `data` says otherwise. */
export function frontmatter(data: Partial<Frontmatter> = {}): Frontmatter {
  return {
    title: "Harbour reopens",
    date: new Date("2024-06-01T00:00:00Z"),
    description: "Boats are back.",
    tags: [],
    draft: false,
    ...data,
  };
}

/** A published post as lib/checks/validate-plugin.ts stores it, at posts/<slug>.md under the working directory. */
export function storedPost(slug: string, data: Partial<Frontmatter> = {}, post: Partial<StoredPost> = {}): StoredPost {
  return {
    path: path.resolve("posts", `${slug}.md`),
    file: `posts/${slug}.md`,
    slug,
    data: frontmatter(data),
    words: 3,
    html: `<p>About ${slug}.</p>\n`,
    updated: undefined,
    published: true,
    unpublished: undefined,
    pictureFiles: [],
    ...post,
  };
}

/** A filter or an event listener, called by the test with whatever Eleventy would pass. */
type Listener = (...args: unknown[]) => unknown;

/** What a plugin registered, by kind and name. */
export interface Recorded {
  config: EleventyConfig;
  filters: Map<string, Listener>;
  globalData: Map<string, unknown>;
  nunjucksGlobals: Map<string, unknown>;
  collections: Map<string, (api: CollectionApi) => unknown>;
  passthroughCopies: (string | Record<string, string>)[];
  watchTargets: string[];
  extensions: Map<string, Parameters<EleventyConfig["addExtension"]>[1]>;
  listeners: Map<string, Listener[]>;
  /** Calls every listener of an event in order, awaiting each, as Eleventy does. */
  emit(event: "eleventy.before" | "eleventy.after", args: EventArguments): Promise<void>;
  emit(event: "eleventy.beforeWatch", files: string[]): Promise<void>;
}

/** An EleventyConfig that records; what no plugin under test should call throws. */
export function recordingConfig(): Recorded {
  const unexpected = (name: string) => () => {
    throw new Error(`the plugin called eleventyConfig.${name}, which this test does not expect`);
  };
  const recorded: Omit<Recorded, "config" | "emit"> = {
    filters: new Map(),
    globalData: new Map(),
    nunjucksGlobals: new Map(),
    collections: new Map(),
    passthroughCopies: [],
    watchTargets: [],
    extensions: new Map(),
    listeners: new Map(),
  };
  const config: EleventyConfig = {
    addPlugin: unexpected("addPlugin"),
    addFilter: (name, filter) => void recorded.filters.set(name, filter as Listener),
    addAsyncFilter: (name, filter) => void recorded.filters.set(name, filter as Listener),
    addCollection: (name, build) => void recorded.collections.set(name, build),
    addGlobalData: (name, value) => void recorded.globalData.set(name, value),
    addPassthroughCopy: (paths) => void recorded.passthroughCopies.push(paths),
    addWatchTarget: (target) => void recorded.watchTargets.push(target),
    addExtension: (extension, options) => void recorded.extensions.set(extension, options),
    on: (event: string, listener: (...args: never[]) => unknown) =>
      void recorded.listeners.set(event, [...(recorded.listeners.get(event) ?? []), listener as Listener]),
    ignores: new Set<string>(),
    setServerOptions: unexpected("setServerOptions"),
    setChokidarConfig: unexpected("setChokidarConfig"),
    addNunjucksGlobal: (name, value) => void recorded.nunjucksGlobals.set(name, value),
  };
  const emit = async (event: string, args: unknown) => {
    for (const listener of recorded.listeners.get(event) ?? []) await listener(args);
  };
  return { ...recorded, config, emit: emit as Recorded["emit"] };
}

/** The event arguments of a production build reading `input`. */
export function buildEvent(input: string, runMode: EventArguments["runMode"] = "build"): EventArguments {
  return { directories: { input, output: path.join(input, "_site"), includes: "_includes", data: "_data" }, runMode, outputMode: "fs" };
}

/** A registered filter, or a clear failure naming it. */
export function filterOf(recorded: Recorded, name: string): Listener {
  const filter = recorded.filters.get(name);
  if (!filter) throw new Error(`no filter "${name}" was registered (have: ${[...recorded.filters.keys()].join(", ")})`);
  return filter;
}

/**
 * The one source of site metadata. Page heads, feeds, JSON-LD, the sitemap and
 * robots.txt all read it from here (as the global `site` data), so nothing
 * about the publication is typed twice. What the publication is (its name,
 * address, page and feed sizes) is in site.yaml, for editors to change
 * (lib/site/settings-store.ts); where this build goes comes from the
 * environment.
 */
import type { SettingsReading } from "./settings-source.ts";
import type { Person } from "./settings-schema.ts";
import { readSettings } from "./settings-store.ts";
import { ORIGIN_HINT, siteOrigin } from "./origin.ts";

/** Netlify's deploy contexts; `dev` is the live preview (`npm start`) and Netlify's own `netlify dev`. */
export type DeployContext = "production" | "deploy-preview" | "branch-deploy" | "dev";

export interface SiteMetadata {
  title: string;
  description: string;
  /** BCP 47 language tag for `<html lang>` and the feeds. */
  language: string;
  /** Absolute origin the site is published under, without a trailing slash. */
  url: string;
  author: { name: string; url: string };
  /** The people who write, by the key a post's `author:` names; each has a page (addresses.author). */
  authors: Readonly<Record<string, Person>>;
  /** Where this build is going; decides drafts, indexing and the base URL. */
  context: DeployContext;
  /** How many entries each feed carries, newest first. */
  feedLimit: number;
  /**
   * Posts per page on the home and tag listings. 20 headlines a page, as news
   * fronts show; it also halves the listing pages a build writes against 10.
   */
  pageSize: number;
}

/** Where the live preview serves the site. */
const LOCAL_URL = "http://localhost:8080";
const CONTEXTS: readonly DeployContext[] = ["production", "deploy-preview", "branch-deploy", "dev"];

/** The publication's settings could not be read: every problem, each where it can be fixed. */
export class SiteSettingsError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`${count} in the publication's settings; no post was checked and nothing was published.\n${problems.join("\n")}`);
    this.name = "SiteSettingsError";
    this.problems = problems;
  }
}

/**
 * Netlify sets CONTEXT on each of its builds. Without it, a build is the
 * production site, and Eleventy's watch and serve modes are the live preview
 * (Eleventy sets ELEVENTY_RUN_MODE before it runs the configuration).
 * https://www.11ty.dev/docs/environment-vars/#eleventy-supplied
 */
function readContext(env: NodeJS.ProcessEnv, problems: string[]): DeployContext {
  const value = env.CONTEXT;
  if (value === undefined || value === "")
    return env.ELEVENTY_RUN_MODE === "watch" || env.ELEVENTY_RUN_MODE === "serve" ? "dev" : "production";
  if ((CONTEXTS as readonly string[]).includes(value)) return value as DeployContext;
  problems.push(`CONTEXT: expected one of ${CONTEXTS.join(", ")} (or none, for production), found "${value}"`);
  return "production";
}

/**
 * The address this build links to. site.yaml's is the canonical one: a
 * Netlify production build uses it even where Netlify's URL names the site
 * otherwise (a netlify.app name beside the publication's domain). A deploy
 * preview or branch deploy links to itself (DEPLOY_PRIME_URL), the live
 * preview to this machine. SITE_URL, for a host other than Netlify, names
 * this build's address in any context: a staging copy, say, built with
 * CONTEXT=branch-deploy so it stays out of search engines.
 * https://docs.netlify.com/configure-builds/environment-variables/#deploy-urls-and-metadata
 */
function readAddress(env: NodeJS.ProcessEnv, context: DeployContext, problems: string[]): string | undefined {
  const fromEnv = (name: "SITE_URL" | "DEPLOY_PRIME_URL") => {
    const value = env[name] ?? "";
    const origin = siteOrigin(value);
    if (origin === undefined) problems.push(`${name}: expected ${ORIGIN_HINT}, found "${value}"`);
    return origin;
  };
  if (env.SITE_URL) return fromEnv("SITE_URL");
  if (context === "dev") return LOCAL_URL;
  if (context === "deploy-preview" || context === "branch-deploy") return env.DEPLOY_PRIME_URL ? fromEnv("DEPLOY_PRIME_URL") : LOCAL_URL;
  return undefined;
}

/**
 * The site as this build publishes it: site.yaml in `root`, for the deploy
 * context `env` names. Throws a SiteSettingsError listing every problem.
 */
export async function loadSite(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Promise<SiteMetadata> {
  return siteMetadata(env, await readSettings(root, { cache: env.BUILD_CACHE !== "off", key: env.BUILD_CACHE_KEY }));
}

/** The same, from a reading of site.yaml already made (lib/site/settings-file.ts reads one synchronously). */
export function siteMetadata(env: NodeJS.ProcessEnv, reading: SettingsReading): SiteMetadata {
  const problems = reading.ok ? [] : [...reading.problems];
  const context = readContext(env, problems);
  const address = readAddress(env, context, problems);
  if (!reading.ok || problems.length > 0) throw new SiteSettingsError(problems);
  const { settings } = reading;
  const url = address ?? settings.url;
  return {
    title: settings.title,
    description: settings.description,
    language: settings.language,
    url,
    // A path names a page of this build, so a preview's byline links to the preview.
    author: { name: settings.author.name, url: new URL(settings.author.url, `${url}/`).href },
    authors: Object.fromEntries(
      Object.entries(settings.authors).map(([key, person]) => [
        key,
        person.link ? { ...person, link: new URL(person.link, `${url}/`).href } : person,
      ]),
    ),
    context,
    feedLimit: settings.feedLimit,
    pageSize: settings.pageSize,
  };
}

/** Resolves a site-relative path against the base URL. */
export function absoluteUrl(site: Pick<SiteMetadata, "url">, path: string): string {
  return new URL(path, `${site.url}/`).href;
}

/**
 * The one source of site metadata. Page heads, feeds, JSON-LD, the sitemap and
 * robots.txt all read it from here (as the global `site` data), so nothing
 * about the publication is typed twice.
 */

/** Netlify's deploy contexts, plus `dev` for a local build or preview. */
export type DeployContext = "production" | "deploy-preview" | "branch-deploy" | "dev";

export interface SiteMetadata {
  title: string;
  description: string;
  /** BCP 47 language tag for `<html lang>` and the feeds. */
  language: string;
  /** Absolute origin the site is published under, without a trailing slash. */
  url: string;
  author: { name: string; url: string };
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

const LOCAL_URL = "http://localhost:8080";

function readContext(env: NodeJS.ProcessEnv): DeployContext {
  const value = env.CONTEXT;
  if (value === "production" || value === "deploy-preview" || value === "branch-deploy") return value;
  return "dev";
}

/**
 * Netlify sets URL to the site's main address and DEPLOY_PRIME_URL to the
 * address of this particular deploy; previews must link to themselves.
 * https://docs.netlify.com/configure-builds/environment-variables/#deploy-urls-and-metadata
 */
function readBaseUrl(env: NodeJS.ProcessEnv, context: DeployContext): string {
  const candidate =
    env.SITE_URL || (context === "production" ? env.URL : env.DEPLOY_PRIME_URL || env.URL) || LOCAL_URL;
  const url = new URL(candidate);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`Site URL must be http(s), found "${candidate}"`);
  }
  return url.origin;
}

function readPositiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new Error(`${name} must be a positive whole number, found "${value}"`);
  }
  return parsed;
}

export function loadSite(env: NodeJS.ProcessEnv = process.env): SiteMetadata {
  const context = readContext(env);
  const url = readBaseUrl(env, context);
  return {
    title: "The Commit Ledger",
    description: "News and the people behind it, published straight from git.",
    language: "en",
    url,
    author: { name: "The Commit Ledger newsroom", url: `${url}/about/` },
    context,
    feedLimit: readPositiveInt(env.FEED_LIMIT, 20, "FEED_LIMIT"),
    pageSize: readPositiveInt(env.PAGE_SIZE, 20, "PAGE_SIZE"),
  };
}

/** Resolves a site-relative path against the base URL. */
export function absoluteUrl(site: Pick<SiteMetadata, "url">, path: string): string {
  return new URL(path, `${site.url}/`).href;
}

/**
 * Writes <output>/_headers: the Content-Security-Policy for every path, made
 * from what the build actually wrote, so it is always exactly right. Only
 * builds write it (npm run build, Netlify); the live preview does not.
 * Netlify reads _headers from the publish folder and merges it with the
 * [[headers]] of netlify.toml, which carry the headers that never change.
 * https://docs.netlify.com/manage/routing/headers/#syntax-for-the-headers-file
 *
 * The site runs no JavaScript, so there is no script-src and default-src is
 * 'none'. The one stylesheet is inlined by layouts/base.njk; it is allowed by
 * the hash of its exact text, never by 'unsafe-inline'.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";
import type { EleventyConfig } from "../types/eleventy.ts";
import { isIndexable } from "../site/publication.ts";
import type { SiteMetadata } from "../site/settings.ts";

export const HEADERS_FILE = "_headers";

/** The text of every <style> element, exactly as a browser hashes it. */
export function inlineStyles(markup: string, xml = false): string[] {
  const styles: string[] = [];
  let depth = 0;
  let current = "";
  const parser = new Parser(
    {
      onopentag: (name) => void (name === "style" && depth++ === 0 && (current = "")),
      ontext: (text) => void (depth > 0 && (current += text)),
      onclosetag: (name) => void (name === "style" && --depth === 0 && styles.push(current)),
    },
    // In HTML a <style> is raw text; in an XSL stylesheet entities are decoded before output.
    { xmlMode: xml, decodeEntities: xml },
  );
  parser.end(markup);
  return styles;
}

/**
 * True when every <style> a plain search finds in `head` holds a text the
 * parser has already found on another page: the page has nothing new to
 * hash. Anything the search cannot vouch for (a new text, a style left
 * open, a "<style" inside a text) answers false, and the page is parsed.
 */
function nothingNewToHash(head: string, found: ReadonlySet<string>): boolean {
  for (const [, text = ""] of head.matchAll(/<style\b[^>]*>([\s\S]*?)(?:<\/style|$)/gi)) {
    if (!found.has(text) || /<style/i.test(text)) return false;
  }
  return true;
}

function headOf(markup: string): string {
  const end = markup.indexOf("</head>");
  return end === -1 ? markup : markup.slice(0, end);
}

export function styleHash(css: string): string {
  return `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;
}

/** Feeds that name an XSL stylesheet for browsers: <?xml-stylesheet href="/feed.xsl"?>. */
function usesXslStylesheet(markup: string): boolean {
  return /<\?xml-stylesheet\b[^?]*type="text\/xsl"/.test(markup.slice(0, 1000));
}

export interface PolicyInput {
  styleHashes: string[];
  /** Lets the document load an XSL stylesheet from the site (browsers treat XSLT as script). */
  xsl?: boolean;
}

export function contentSecurityPolicy({ styleHashes, xsl = false }: PolicyInput): string {
  const directives = [
    "default-src 'none'",
    ...(xsl ? ["script-src 'self'"] : []),
    ...(styleHashes.length > 0 ? [`style-src ${styleHashes.join(" ")}`] : []),
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "upgrade-insecure-requests",
  ];
  return directives.join("; ");
}

interface BuiltFile {
  /** Site path: /feed.xml */
  url: string;
  text: string;
}

/** What Eleventy wrote this build, by absolute path: read from memory rather than back from disk. */
export type WrittenContent = ReadonlyMap<string, string>;

const READ = new Set([".html", ".xsl", ".xml"]);

/** The output's pages, stylesheets and feeds by extension, from one walk of the folder (no stat per entry). */
function listFiles(output: string, written: WrittenContent): Map<string, BuiltFile[]> {
  const byExtension = new Map<string, BuiltFile[]>();
  const names = readdirSync(output, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && READ.has(path.extname(entry.name)))
    .map((entry) => path.relative(output, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const name of names) {
    const full = path.join(output, name);
    const files = byExtension.get(path.extname(name)) ?? [];
    files.push({ url: `/${name.split(path.sep).join("/")}`, text: written.get(full) ?? readFileSync(full, "utf8") });
    byExtension.set(path.extname(name), files);
  }
  return byExtension;
}

/**
 * Every file in the output folder counts, copied ones included; those Eleventy
 * rendered this build are taken from `written` instead of being read back.
 */
export function headersFile(output: string, site: Pick<SiteMetadata, "context">, written: WrittenContent = new Map()): string {
  const files = listFiles(output, written);
  // Every page inlines the same stylesheet: hashed once per distinct text, and
  // parsed only on pages where a quick search sees a text not met before.
  const styles = new Set<string>();
  // Styles live in the head (templates put them there; lib/html-safety.ts refuses
  // <style> in posts), so only the head is read.
  for (const page of files.get(".html") ?? []) {
    const head = headOf(page.text);
    if (nothingNewToHash(head, styles)) continue;
    for (const css of inlineStyles(head)) styles.add(css);
  }
  for (const sheet of files.get(".xsl") ?? []) for (const css of inlineStyles(sheet.text, true)) styles.add(css);
  const styleHashes = [...styles].map(styleHash).sort();
  const feedsWithXsl = (files.get(".xml") ?? []).filter((file) => usesXslStylesheet(file.text));

  const lines = [
    "# Written by lib/publish/security-headers.ts on every build; edit that, not this.",
    "/*",
    `  Content-Security-Policy: ${contentSecurityPolicy({ styleHashes })}`,
  ];
  // Previews and branch deploys are public URLs; search engines must not index them.
  if (!isIndexable(site.context)) lines.push("  X-Robots-Tag: noindex");
  for (const feed of feedsWithXsl) {
    // Only these paths may load a script-like resource, and only from this site:
    // the XSL that turns the feed into a readable page.
    lines.push("", feed.url, `  Content-Security-Policy: ${contentSecurityPolicy({ styleHashes, xsl: true })}`);
  }
  return `${lines.join("\n")}\n`;
}

export default function securityHeadersPlugin(eleventyConfig: EleventyConfig, options: { site: SiteMetadata }): void {
  eleventyConfig.on("eleventy.after", ({ directories, runMode, results }) => {
    // Only Netlify reads _headers; the live preview's server ignores it.
    if (runMode !== "build") return;
    const written = new Map<string, string>();
    for (const result of results ?? []) {
      if (typeof result.outputPath === "string" && typeof result.content === "string") written.set(path.resolve(result.outputPath), result.content);
    }
    const output = path.resolve(directories.output);
    writeFileSync(path.join(output, HEADERS_FILE), headersFile(output, options.site, written));
  });
}

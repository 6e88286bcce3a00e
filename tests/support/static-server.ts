// A small stand-in for Netlify's CDN so tests can look at the built site the
// way visitors will: pretty URLs, the custom 404 page, and the headers and
// redirects of netlify.toml. Rules are read by Netlify's own parsers so the
// tests never keep a second, drifting copy of them.
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { parseAllHeaders } from "@netlify/headers-parser";
import type { Header } from "@netlify/headers-parser";
import { parseAllRedirects } from "@netlify/redirect-parser";

export interface StaticServerOptions {
  /** Defaults to netlify.toml in the working directory (the project root under vitest). */
  netlifyToml?: string;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

// The parser only types its output as unknown[]; this is the non-minimal shape.
interface Redirect {
  path: string;
  to: string;
  status?: number;
  force: boolean;
  query: Record<string, string>;
  conditions: Record<string, unknown>;
  host?: string;
  proxy: boolean;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".xml": "application/xml",
  ".xsl": "application/xslt+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
};

// Netlify consumes these files instead of publishing them.
const UNPUBLISHED = new Set(["/_headers", "/_redirects"]);

type Found = { file: string } | { slashRedirect: true };

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

async function lookup(root: string, pathname: string): Promise<Found | undefined> {
  if (UNPUBLISHED.has(pathname)) return undefined;
  const abs = resolve(root, `.${pathname}`);
  if (abs !== root && !abs.startsWith(root + sep)) return undefined;
  const info = await stat(abs).catch(() => undefined);
  if (info?.isFile()) return { file: abs };
  if (info?.isDirectory()) {
    const index = join(abs, "index.html");
    if (!(await isFile(index))) return undefined;
    // Netlify's pretty URLs: a folder is only served with its trailing slash.
    return pathname.endsWith("/") ? { file: index } : { slashRedirect: true };
  }
  if (!pathname.endsWith("/") && (await isFile(`${abs}.html`))) return { file: `${abs}.html` };
  return undefined;
}

async function loadRules(tomlPath: string, root: string) {
  const [h, r] = await Promise.all([
    parseAllHeaders({ headersFiles: [join(root, "_headers")], netlifyConfigPath: tomlPath, configHeaders: [], minimal: false }),
    parseAllRedirects({ redirectsFiles: [join(root, "_redirects")], netlifyConfigPath: tomlPath, configRedirects: [], minimal: false }),
  ]);
  const errors = [...h.errors, ...r.errors] as Error[];
  // A broken netlify.toml must fail the tests, not silently serve without rules.
  if (errors.length > 0) throw new Error(`Netlify rules did not parse:\n${errors.map((e) => e.message).join("\n")}`);
  const redirects = (r.redirects as Redirect[]).map((rule) => ({ ...rule, ...compileFrom(rule.path) }));
  return { headers: h.headers as Header[], redirects };
}

// Netlify's `from` syntax: `:name` takes one segment, a final `*` takes the rest.
function compileFrom(from: string): { re: RegExp; names: string[] } {
  const names: string[] = [];
  const parts = from
    .split("/")
    .filter(Boolean)
    .map((part, i, all) => {
      if (part === "*" && i === all.length - 1) {
        names.push("splat");
        return "(?:/(.*))?";
      }
      if (part.startsWith(":")) {
        names.push(part.slice(1));
        return "/([^/]+)";
      }
      return `/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    });
  return { re: new RegExp(`^${parts.join("")}/?$`), names };
}

function matchRedirect(rule: Redirect & ReturnType<typeof compileFrom>, pathname: string, search: URLSearchParams) {
  // Host rules cannot match 127.0.0.1; geo/role/cookie conditions cannot be emulated.
  if (rule.host !== undefined || Object.keys(rule.conditions).length > 0) return undefined;
  const m = rule.re.exec(pathname);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  for (const [i, name] of rule.names.entries()) params[name] = m[i + 1] ?? "";
  for (const [key, placeholder] of Object.entries(rule.query)) {
    const value = search.get(key);
    if (value === null) return undefined;
    if (placeholder.startsWith(":")) params[placeholder.slice(1)] = value;
  }
  return rule.to.replace(/:([A-Za-z_][\w-]*)/g, (all, name: string) => params[name] ?? all);
}

export async function startStaticServer(root: string, opts: StaticServerOptions = {}): Promise<StaticServer> {
  const base = resolve(root);
  const rules = await loadRules(resolve(opts.netlifyToml ?? "netlify.toml"), base);

  function ruleHeaders(pathname: string): Record<string, string> {
    // Later rules override earlier ones for the same header, as `netlify dev`
    // does. Names are lower-cased so a rule replaces our default Content-Type
    // instead of being sent next to it.
    const merged: Record<string, string> = {};
    for (const rule of rules.headers.filter((h) => h.forRegExp.test(pathname))) {
      for (const [name, value] of Object.entries(rule.values)) merged[name.toLowerCase()] = value;
    }
    return merged;
  }

  async function serveFile(req: IncomingMessage, res: ServerResponse, file: string, status: number, extra: Record<string, string>) {
    const body = await readFile(file);
    res.writeHead(status, {
      "content-type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "content-length": body.length,
      ...extra,
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  async function notFound(req: IncomingMessage, res: ServerResponse, extra: Record<string, string>) {
    const page = join(base, "404.html");
    if (await isFile(page)) return serveFile(req, res, page, 404, extra);
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...extra });
    res.end("Not Found");
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end("Bad Request");
      return;
    }
    const extra = ruleHeaders(pathname);
    const found = await lookup(base, pathname);

    for (const rule of rules.redirects) {
      const target = matchRedirect(rule, url.pathname, url.searchParams);
      if (target === undefined) continue;
      // Shadowing: an existing file beats every rule that is not forced.
      if (found && !rule.force) continue;
      const status = rule.status ?? 301;
      if (status >= 300 && status < 400) {
        const keepQuery = !target.includes("?") && Object.keys(rule.query).length === 0;
        res.writeHead(status, { ...extra, location: target + (keepQuery ? url.search : "") }).end();
        return;
      }
      if (rule.proxy) {
        // Tests must stay offline, so proxying to another origin is refused loudly.
        res.writeHead(502, { "content-type": "text/plain" }).end(`proxy rule to ${target} is not supported`);
        return;
      }
      const targetPath = decodeURIComponent(new URL(target, url).pathname);
      // A rewrite serves content in place, so a folder target means its index.
      let rewritten = await lookup(base, targetPath);
      if (rewritten && !("file" in rewritten)) rewritten = await lookup(base, `${targetPath}/`);
      if (rewritten && "file" in rewritten) return serveFile(req, res, rewritten.file, status, extra);
      return notFound(req, res, extra);
    }

    if (found && "file" in found) return serveFile(req, res, found.file, 200, extra);
    if (found) {
      res.writeHead(301, { ...extra, location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    return notFound(req, res, extra);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        // Browsers keep connections alive; without this close() waits for them.
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

/** A request that does not follow redirects, so tests can see 301s and their Location. */
export async function fetchRaw(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: string }> {
  const res = await fetch(url, { redirect: "manual", ...init });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

// Lighthouse (mobile, its default settings) on a production build served on
// 127.0.0.1 with netlify.toml's headers and the generated _headers, and
// compressed as Netlify serves it. Each run loads the page once with the
// browser cache cleared (a first visit), then twice with it kept
// (disableStorageReset): the second of those is the repeat visit, with
// whatever the first visits cached.
//
//   node --import ./scripts/typescript.js bench/lighthouse.ts [--runs 3] [--pages home,post] [--n 100] [--ref <git ref>] [--site <built _site>] [--pictures]
//
// --pages names any of home, post, tag and lead (the newest story with a lead
// picture: with --pictures).
//
// Chromium is Debian's (/usr/bin/chromium, or CHROMIUM); nothing is fetched
// from anywhere but 127.0.0.1. Markdown on stdout: the median of the runs,
// and their range.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { brotliCompressSync, gzipSync } from "node:zlib";
import lighthouse from "lighthouse";
import { startStaticServer } from "../tests/support/static-server.ts";
import { median } from "./measure.ts";
import { SAMPLE_ARGS, buildSampleSite, sampleOptions, samplePages } from "./sample-site.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const { values } = parseArgs({
  options: { ...SAMPLE_ARGS, runs: { type: "string", default: "3" }, pages: { type: "string", default: "home,post" } },
});

/** In front of the static server: text compressed as a CDN sends it, so transfer sizes are a reader's. */
async function compressing(upstream: string): Promise<{ url: string; close(): void }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const answer = await fetch(upstream + (req.url ?? "/"), { redirect: "manual" });
      const headers = Object.fromEntries([...answer.headers].filter(([name]) => name !== "content-length"));
      let body = Buffer.from(await answer.arrayBuffer());
      const accepts = String(req.headers["accept-encoding"] ?? "");
      if (/^(text\/|application\/(xml|json|xslt|feed)|image\/svg)/.test(headers["content-type"] ?? "") && /\b(br|gzip)\b/.test(accepts)) {
        const br = /\bbr\b/.test(accepts);
        body = br ? brotliCompressSync(body) : gzipSync(body);
        Object.assign(headers, { "content-encoding": br ? "br" : "gzip", vary: "Accept-Encoding" });
      }
      res.writeHead(answer.status, { ...headers, "content-length": body.length }).end(body);
    })().catch((error: unknown) => res.writeHead(502).end(String(error)));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const close = () => {
    server.closeAllConnections();
    server.close();
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close };
}

/** Chromium with a fresh profile, and the port Lighthouse drives it through. */
async function launchChromium(): Promise<{ port: number; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "lighthouse-profile-"));
  const chrome = spawn(CHROMIUM, [...FLAGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const port = await new Promise<number>((done, fail) => {
    let said = "";
    chrome.stderr.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(said);
      if (found) done(Number(found[1]));
    });
    chrome.once("exit", (code) => fail(new Error(`${CHROMIUM} exited (${code}): ${said}`)));
  });
  const exited = new Promise((done) => chrome.once("exit", done));
  return {
    port,
    close: async () => {
      chrome.kill();
      await exited;
      // Chromium's helper processes may still be writing there as it exits.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

const score = (category: string) => (lhr: Lhr) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
const METRICS = {
  performance: score("performance"),
  accessibility: score("accessibility"),
  "best practices": score("best-practices"),
  SEO: score("seo"),
  "FCP ms": (lhr: Lhr) => lhr.audits["first-contentful-paint"]?.numericValue ?? NaN,
  "LCP ms": (lhr: Lhr) => lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
  "Speed Index ms": (lhr: Lhr) => lhr.audits["speed-index"]?.numericValue ?? NaN,
  "TBT ms": (lhr: Lhr) => lhr.audits["total-blocking-time"]?.numericValue ?? NaN,
  CLS: (lhr: Lhr) => lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN,
  "bytes transferred": (lhr: Lhr) => lhr.audits["total-byte-weight"]?.numericValue ?? NaN,
  // A request the cache answered transfers nothing.
  "requests fetched": (lhr: Lhr) => requests(lhr).filter((item) => item.transferSize > 0).length,
  "requests from cache": (lhr: Lhr) => requests(lhr).filter((item) => item.transferSize === 0).length,
  "render-blocking requests": (lhr: Lhr) =>
    (lhr.audits["render-blocking-resources"]?.details as { items?: unknown[] } | undefined)?.items?.length ?? 0,
};
type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];
/** The audits that cost a category other than performance its score, whose spread on this machine is timing noise. */
const failedAudits = (lhr: Lhr): string[] =>
  ["accessibility", "best-practices", "seo"].flatMap((category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => {
        const audit = lhr.audits[ref.id];
        return `${category}: ${ref.id} (${audit?.title}${audit?.explanation ? `: ${audit.explanation}` : ""})`;
      }),
  );
const requests = (lhr: Lhr) => (lhr.audits["network-requests"]?.details as { items?: { transferSize: number }[] } | undefined)?.items ?? [];

const sample = await buildSampleSite(root, sampleOptions(values));
const server = await startStaticServer(sample.output, { netlifyToml: join(root, "netlify.toml") });
const front = await compressing(server.url);
const chromium = await launchChromium();
try {
  const audit = async (url: string, keepCache: boolean): Promise<Lhr> => {
    const result = await lighthouse(front.url + url, {
      port: chromium.port,
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      disableStorageReset: keepCache,
    });
    if (!result || result.lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${result?.lhr.runtimeError?.message}`);
    return result.lhr;
  };
  const pages = samplePages(sample.output);
  const rows: string[] = [];
  for (const kind of values.pages.split(",") as (keyof typeof pages)[]) {
    const page = pages[kind];
    if (!page) throw new Error(`no ${kind} page in ${sample.label}${kind === "lead" ? " (--pictures gives stories lead pictures)" : ""}`);
    const runs = { first: [] as Lhr[], repeat: [] as Lhr[] };
    for (let run = 0; run < Number(values.runs); run++) {
      runs.first.push(await audit(page, false));
      await audit(page, true);
      runs.repeat.push(await audit(page, true));
      process.stderr.write(`[lighthouse] ${kind} run ${run + 1} done\n`);
    }
    for (const failed of new Set([...runs.first, ...runs.repeat].flatMap(failedAudits)))
      process.stderr.write(`[lighthouse] ${kind}: ${failed}\n`);
    for (const [visit, lhrs] of Object.entries(runs)) {
      const cells = Object.values(METRICS).map((metric) => {
        const all = lhrs.map(metric);
        const [low, high] = [Math.min(...all), Math.max(...all)];
        const show = (value: number) =>
          (Number.isInteger(value) ? value : Number(value.toFixed(value < 1 ? 3 : 0))).toLocaleString("en-US");
        return low === high ? show(low) : `${show(median(all))} (${show(low)}–${show(high)})`;
      });
      rows.push(`| ${kind} | ${visit} | ${cells.join(" | ")} |`);
    }
  }
  const version = (await import("lighthouse/package.json", { with: { type: "json" } })).default.version;
  console.log(`Lighthouse ${version}, mobile, ${values.runs} runs: ${sample.label}\n`);
  console.log(`| page | visit | ${Object.keys(METRICS).join(" | ")} |`);
  console.log(
    `|---|---|${Object.keys(METRICS)
      .map(() => "---:")
      .join("|")}|`,
  );
  for (const row of rows) console.log(row);
} finally {
  await chromium.close();
  front.close();
  await server.close();
  sample.remove();
}

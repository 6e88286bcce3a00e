// What a reader downloads: the HTML of the home page, a story and a topic
// page, raw and gzipped, and the stylesheets each links, on a first visit
// (nothing cached) and a repeat visit (files under /assets/ are immutable,
// netlify.toml, so a browser that has them asks for nothing).
//
//   node --import ./scripts/typescript.js bench/page-weight.ts [--n 100] [--ref <git ref>] [--site <built _site>] [--pictures]
//
// Markdown on stdout. Gzip at level 9, as tests/site/reader/budget.test.ts counts.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { SAMPLE_ARGS, buildSampleSite, fileOf, sampleOptions, samplePages } from "./sample-site.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: SAMPLE_ARGS });
const sample = await buildSampleSite(root, sampleOptions(values));

interface Weight {
  raw: number;
  gzip: number;
}

const weigh = (bytes: Buffer): Weight => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
const add = (a: Weight, b: Weight): Weight => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const show = (w: Weight) => `${w.raw.toLocaleString("en-US")} / ${w.gzip.toLocaleString("en-US")}`;

try {
  const rows = Object.entries(samplePages(sample.output)).map(([kind, url]) => {
    const html = readFileSync(fileOf(sample.output, url));
    const { document } = parseHTML(html.toString("utf8"));
    const sheets = [...document.querySelectorAll('link[rel~="stylesheet"]')].map((link) => link.getAttribute("href") ?? "");
    const inline = [...document.querySelectorAll("style")].reduce((sum, style) => sum + Buffer.byteLength(style.textContent ?? ""), 0);
    const css = sheets.map((href) => weigh(readFileSync(fileOf(sample.output, href)))).reduce(add, { raw: 0, gzip: 0 });
    const page = weigh(html);
    // Only what is under /assets/ is kept between visits; the page itself is always fetched again.
    const cached = sheets.every((href) => href.startsWith("/assets/")) ? { raw: 0, gzip: 0 } : css;
    return `| ${kind} \`${url}\` | ${show(page)} | ${inline.toLocaleString("en-US")} | ${sheets.length} | ${show(css)} | ${show(add(page, css))} | ${show(add(page, cached))} |`;
  });
  console.log(`Bytes (raw / gzip -9) of ${sample.label}\n`);
  console.log("| page | HTML | of which inline CSS (raw) | stylesheet files | CSS files | first visit | repeat visit |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) console.log(row);
} finally {
  sample.remove();
}

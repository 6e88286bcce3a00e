// The feeds' headers in _headers (lib/publish/feed-headers.ts), at the
// addresses lib/site/addresses.ts gives them, as Netlify's own parser reads them.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseAllHeaders, type Header } from "@netlify/headers-parser";
import { afterEach, describe, expect, it } from "vitest";
import { HEADERS_FILE, headersFile } from "../../../lib/publish/security-headers.ts";
import { addresses } from "../../../lib/site/addresses.ts";

let output: string | undefined;
afterEach(() => output && rmSync(output, { recursive: true, force: true }));

/** Every header _headers sets on exactly this path, from all its blocks, as Netlify merges them. */
async function headersAt(files: Record<string, string>): Promise<(url: string) => Record<string, string>> {
  output = mkdtempSync(path.join(tmpdir(), "feed-headers-"));
  for (const [url, text] of Object.entries(files)) writeFileSync(path.join(output, url), text);
  writeFileSync(path.join(output, HEADERS_FILE), headersFile(output, { context: "production" }));
  const { headers, errors } = await parseAllHeaders({ headersFiles: [path.join(output, HEADERS_FILE)], configHeaders: [], minimal: false });
  expect(errors).toEqual([]);
  return (url) => Object.assign({}, ...(headers as Header[]).filter((rule) => rule.for === url).map((rule) => rule.values));
}

const SHORT_CACHE = "public, max-age=600, must-revalidate";

describe("the feeds' headers in _headers", () => {
  it("give each feed and the XSL page its media type and a short cache, at their addresses", async () => {
    const at = await headersAt({});
    expect(at(addresses.feeds.rss)).toEqual({ "Content-Type": "application/xml; charset=utf-8", "Cache-Control": SHORT_CACHE });
    expect(at(addresses.feeds.atom)).toEqual({ "Content-Type": "application/xml; charset=utf-8", "Cache-Control": SHORT_CACHE });
    expect(at(addresses.feeds.json)).toEqual({ "Content-Type": "application/feed+json; charset=utf-8", "Cache-Control": SHORT_CACHE });
    expect(at(addresses.feedStylesheet)).toEqual({ "Content-Type": "application/xslt+xml; charset=utf-8", "Cache-Control": SHORT_CACHE });
  });

  it("sit beside the policy that lets a feed load the XSL page, on the same path", async () => {
    const feed = `<?xml version="1.0"?><?xml-stylesheet href="${addresses.feedStylesheet}" type="text/xsl"?><rss/>`;
    const at = await headersAt({ [addresses.feeds.rss.slice(1)]: feed });
    expect(at(addresses.feeds.rss)["Content-Security-Policy"]).toContain("script-src 'self'");
    expect(at(addresses.feeds.rss)["Content-Type"]).toBe("application/xml; charset=utf-8");
    expect(at(addresses.feeds.json)["Content-Security-Policy"]).toBeUndefined();
  });
});

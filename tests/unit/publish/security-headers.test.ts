import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { headersFile } from "../../../lib/publish/security-headers.ts";

let output: string | undefined;
afterEach(() => output && rmSync(output, { recursive: true, force: true }));

/** The _headers file made from these files (site path to text), as path to policy. */
function policies(files: Record<string, string>): Map<string, string> {
  output = mkdtempSync(path.join(tmpdir(), "headers-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(output, name)), { recursive: true });
    writeFileSync(path.join(output, name), text);
  }
  const found = new Map<string, string>();
  let current = "";
  for (const line of headersFile(output, { context: "production" }).split("\n")) {
    if (line.startsWith("/")) current = line;
    const policy = /^\s+Content-Security-Policy: (.*)/.exec(line)?.[1];
    if (policy) found.set(current, policy);
  }
  return found;
}

const directive = (policy = "", name: string) => policy.split("; ").find((part) => part.startsWith(`${name} `));

describe("_headers", () => {
  it("lets pages take styles from the site's own files only, whatever a page carries", () => {
    const page = '<!doctype html><html><head><style>body{color:red}</style></head><body><p style="x">x</p></body></html>';
    const policy = policies({ "index.html": page, "a/index.html": page }).get("/*");
    expect(directive(policy, "style-src")).toBe("style-src 'self'");
    expect(policy).not.toMatch(/sha256-|unsafe-/);
    expect(directive(policy, "script-src")).toBeUndefined();
  });

  it("lets only the feeds that name the XSL stylesheet load it, finds them in subfolders too, and names every topic's in one block", () => {
    const xsl = '<?xml version="1.0"?><?xml-stylesheet href="/feed.xsl" type="text/xsl"?><rss/>';
    const found = policies({
      "feed.xml": xsl,
      "extra/feed.xml": xsl,
      "tags/x/feed.xml": xsl,
      "tags/y/feed.xml": xsl,
      "sitemap.xml": "<urlset/>",
      "index.html": "<p>x</p>",
    });
    expect([...found.keys()]).toEqual(["/*", "/extra/feed.xml", "/feed.xml", "/tags/:tag/feed.xml"]);
    expect(directive(found.get("/feed.xml"), "script-src")).toBe("script-src 'self'");
    expect(directive(found.get("/feed.xml"), "style-src")).toBe("style-src 'self'");
  });
});

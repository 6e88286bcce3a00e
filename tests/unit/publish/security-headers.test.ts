import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { headersFile, styleHash } from "../../../lib/publish/security-headers.ts";

let output: string | undefined;
afterEach(() => output && rmSync(output, { recursive: true, force: true }));

/** The style hashes of the site-wide policy in a _headers file made from these pages. */
function hashedStyles(pages: Record<string, string>): string[] {
  output = mkdtempSync(path.join(tmpdir(), "headers-"));
  for (const [name, head] of Object.entries(pages)) {
    mkdirSync(path.join(output, name), { recursive: true });
    writeFileSync(path.join(output, name, "index.html"), `<!doctype html><html><head>${head}</head><body><p>x</p></body></html>`);
  }
  const policy = /Content-Security-Policy: (.*)/.exec(headersFile(output, { context: "production" }))?.[1] ?? "";
  return /style-src ([^;]*)/.exec(policy)?.[1]?.split(" ") ?? [];
}

const A = "body{color:red}";
const B = "p{margin:0}";

describe("_headers style hashes", () => {
  it("hashes each distinct inline style once, however many pages carry it", () => {
    expect(hashedStyles({ a: `<style>${A}</style>`, b: `<title>b</title><style>${A}</style>` })).toEqual([styleHash(A)]);
  });

  it("finds a style that only a later page carries", () => {
    expect(hashedStyles({ a: `<style>${A}</style>`, b: `<style>${A}</style><style>${B}</style>` }).sort()).toEqual([styleHash(A), styleHash(B)].sort());
  });

  it("parses a page when the quick search cannot vouch for it, and hashes what the parser finds", () => {
    const cases = {
      // The search sees "A" then "B"; the parser sees only B, inside a comment's end.
      commented: `<!-- <style>${A}</style> --><style>${B}</style>`,
      // A ">" in an attribute: the search's text is wrong, the parser's is B.
      attribute: `<style title="a>b">${B}</style>`,
      // Left open: the rest of the head is the style.
      open: `<style>${B}`,
    };
    for (const [name, head] of Object.entries(cases)) {
      expect(hashedStyles({ a: `<style>${A}</style>`, [name]: head }).sort(), name).toEqual([styleHash(A), styleHash(B)].sort());
    }
  });

  it("does not vouch for a text that holds a start tag: the parser may read a new style inside it", () => {
    // Page a's style text is `--><style>B`. On page b the search reads that same
    // text from inside a comment; the parser reads the comment, then style B.
    const known = `<style>--><style>${B}</style>`;
    const hashes = hashedStyles({ a: known, b: `<!--<style>--><style>${B}</style>` });
    expect(hashes).toContain(styleHash(B));
  });
});

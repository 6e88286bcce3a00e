import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { createMarkdown, isExternal } from "../../../lib/render/markdown.ts";

const SITE = "https://news.example.org";
const render = (source: string) => parseHTML(`<!doctype html><html><body>${createMarkdown(SITE).render(source)}</body></html>`).document;

describe("markdown rendering", () => {
  it("turns straight quotes and dashes into typographic ones", () => {
    const text = render(`"Quoted," she said -- it's 'fine'...`).body.textContent?.trim();
    expect(text).toBe("“Quoted,” she said – it’s ‘fine’…");
  });

  it("gives headings stable, URL-safe ids", () => {
    const doc = render("## Why it matters\n\n## Café & Co.");
    expect([...doc.querySelectorAll("h2")].map((h) => h.id)).toEqual(["why-it-matters", "cafe-and-co"]);
  });

  it("marks external links noopener and leaves internal ones alone", () => {
    const doc = render(`[out](https://elsewhere.example/a) [in](/posts/x/) [self](${SITE}/about/) [mail](mailto:a@b.c)`);
    const rel = [...doc.querySelectorAll("a")].map((a) => a.getAttribute("rel"));
    expect(rel).toEqual(["noopener", null, null, null]);
  });

  it("loads images lazily without blocking decoding", () => {
    const img = render("![A bridge at dusk](/img/bridge.jpg)").querySelector("img");
    expect(img?.getAttribute("loading")).toBe("lazy");
    expect(img?.getAttribute("decoding")).toBe("async");
    expect(img?.getAttribute("alt")).toBe("A bridge at dusk");
  });

  it("does not run template syntax or drop raw text it cannot parse", () => {
    expect(render("{{ site.title }} {% raw %}").body.textContent?.trim()).toBe("{{ site.title }} {% raw %}");
  });
});

describe("isExternal", () => {
  it("compares origins, not prefixes", () => {
    expect(isExternal(`${SITE}.evil.example/`, SITE)).toBe(true);
    expect(isExternal(`${SITE}/x`, SITE)).toBe(false);
    expect(isExternal("#top", SITE)).toBe(false);
    expect(isExternal(null, SITE)).toBe(false);
  });
});

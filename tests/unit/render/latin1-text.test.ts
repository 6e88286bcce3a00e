import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { charactersFromReferences, hasCharactersBeyondLatin1, latin1Data, latin1Html, latin1Json } from "../../../lib/render/latin1-text.ts";

const text = "Mayor’s “plan” — café… 📰 é";

describe("latin1Html", () => {
  it("writes characters beyond U+00FF as references that a parser reads back as the same text", () => {
    const html = latin1Html(`<p title="${text}">${text}</p>`);
    expect(hasCharactersBeyondLatin1(html)).toBe(false);
    // A character beyond U+FFFF is one reference, not two halves of a surrogate pair.
    expect(html).toContain("&#128240;");
    expect(html).toContain("é");
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect(document.querySelector("p")?.textContent).toBe(text);
    expect(document.querySelector("p")?.getAttribute("title")).toBe(text);
  });

  it("writes a lone half of a surrogate pair as it is, for the parser to replace like any UTF-8 encoder would", () => {
    expect(latin1Html("a\ud83d b \udcf0")).toBe("a&#55357; b &#56560;");
  });

  it("leaves Latin-1 text as it is", () => {
    expect(latin1Html("<p>café &amp; crème</p>")).toBe("<p>café &amp; crème</p>");
  });
});

describe("charactersFromReferences", () => {
  it("turns latin1Html's references back into the characters, for feeds", () => {
    const html = `<p title="${text}">${text}</p>`;
    expect(charactersFromReferences(latin1Html(html))).toBe(html);
  });

  it("never makes markup: references below U+0100, escaped ampersands and non-characters stay", () => {
    const kept = "&#60;b&#62; &amp;#8217; &#55357; &#1114112;";
    expect(charactersFromReferences(kept)).toBe(kept);
  });
});

describe("latin1Json", () => {
  it("escapes characters beyond U+00FF, and the JSON still parses to the same value", () => {
    const json = latin1Json(JSON.stringify({ headline: text }));
    expect(hasCharactersBeyondLatin1(json)).toBe(false);
    expect(JSON.parse(json)).toEqual({ headline: text });
  });
});

describe("latin1Data", () => {
  it("copies plain data with every value and Date intact", () => {
    const date = new Date("2018-06-14T00:00:00Z");
    const data = { title: text, tags: ["Politics", "Café"], date, source: { name: "People", url: "https://people.com/" }, draft: false, n: 3 };
    const copy = latin1Data(data);
    expect(copy).toEqual(data);
    expect(copy.date).toBe(date);
  });
});

describe("what the pages inline", () => {
  it("the stylesheet is ASCII: references would not be decoded inside <style>", () => {
    const css = readFileSync(new URL("../../../layouts/css/site.css", import.meta.url), "utf8");
    expect(css).toMatch(/^[\x00-\x7f]*$/);
  });
});

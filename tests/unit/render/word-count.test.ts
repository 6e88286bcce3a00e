import { describe, expect, it } from "vitest";
import { createMarkdown, parseStructure } from "../../../lib/render/markdown.ts";
import { countWords } from "../../../lib/render/word-count.ts";

const words = (markdown: string) => countWords(parseStructure(markdown));

describe("countWords", () => {
  it("counts the words a reader sees, not the markup", () => {
    expect(words("# A title\n\nOne *two* [three](https://example.com) `four`.\n\n- five\n- six\n\n> seven eight")).toBe(11);
  });

  it("keeps text split by an escape as one word", () => {
    expect(words("a\\[b c")).toBe(2);
  });

  it("counts code blocks and the text inside raw HTML, not tags or image addresses", () => {
    expect(words("```\nconst x = 1;\n```\n\n<aside><p>nine ten</p></aside>\n\n![alt text](/media/a.png)")).toBe(6);
  });

  it("gives the count of the rendered page's text for an ordinary article", () => {
    const body = [
      'Para one has "straight quotes" -- and a dash.',
      "## A heading",
      "More text, with a [link](/posts/x/), **bold**, _emphasis_ and `code`.",
      "- a list\n- of items",
      "> A quote\n> over two lines.",
    ].join("\n\n");
    const html = createMarkdown("https://news.example.org").render(body);
    const onPage = html.replace(/<[^>]*>/g, " ").match(/\S+/g)?.length;
    expect(words(body)).toBe(onPage);
    expect(onPage).toBe(32);
  });

  it("splits words exactly where /\\S+/g would, every kind of space included", () => {
    // Every character JavaScript's \s matches, and some that look like spaces but are not.
    const alphabet = [
      "a",
      "é",
      "’",
      "—",
      "\u200b",
      " ",
      "\t",
      "\v",
      "\f",
      "\u00a0",
      "\u1680",
      "\u2003",
      "\u2028",
      "\u202f",
      "\u205f",
      "\u3000",
      "\ufeff",
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let sample = 0; sample < 200; sample++) {
      const text = Array.from({ length: 1 + (next() % 60) }, () => alphabet[next() % alphabet.length]).join("");
      const fenced = parseStructure(`\`\`\`\n${text}\n\`\`\``).find((token) => token.type === "fence");
      expect(fenced?.content, JSON.stringify(text)).toBe(`${text}\n`);
      expect(countWords([fenced!]), JSON.stringify(text)).toBe(text.match(/\S+/g)?.length ?? 0);
    }
  });
});

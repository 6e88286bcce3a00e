import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inspectBody } from "../../../lib/checks/body-checks.ts";
import { readPost } from "../../../lib/content/frontmatter.ts";
import { COSMETIC_RULES, createMarkdown, createPostRenderer, STRUCTURE_RULES } from "../../../lib/render/markdown.ts";
import { generatePost } from "../../../bench/generate-posts.ts";

const SITE = "https://news.example.org";

/** Every construct whose rendering a cosmetic rule or a renderer rule of ours touches. */
const EDGE_CASES = [
  '# A "quoted" headline\n\n## Same\n\n## Same\n\n## Café & Co. -- 2024',
  "Escapes: \\[not a link\\](x), \\*not em\\*, 5 \\> 3... (c) (tm) +- \"straight\" 'single' -- ---",
  `[own site](${SITE}/about/) [localhost](http://localhost/x) [out](https://elsewhere.example/) [rel](/posts/x/) <https://auto.example/>`,
  `<span>raw</span> [own site](${SITE}/about/) [localhost](http://localhost/x) ![Alt "text"](/media/c.png)`,
  '![An "alt" -- with *emphasis* and `code`](/media/a.png "A title")\n\n![](/media/b.png)',
  '<aside class="note">raw <em>HTML</em> "quotes" -- kept</aside>\n\nText <b>inline</b> "here".',
  '```js\nconst s = "straight" -- 1;\n```\n\n    indented "code"\n\n`inline "code"`',
  '| a | "b" |\n|---|---|\n| 1 -- 2 | 3... |\n\n> A \'quote\'\n> -- someone\n\n1. one\n2. "two"\n\n- a\n  - b',
  "Emoji 🎉, café, “already curly” and ‘single’ — em dash, non-breaking\u00a0space.",
  'Cited[^a] twice[^a], "once"[^b] and inline.^[A *short* note.]\n\n[^a]: https://example.com/a\n[^b]: Page 12 -- "quoted".\n\n    Its second paragraph.',
];

function corpus(): string[] {
  const files = ["posts", "tests/fixtures"].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".md"))
      .map((name) => path.join(dir, name)),
  );
  // Plus a hundred of the benchmark's generated posts: long, with every kind of block.
  const texts = [
    ...files.map((file) => readFileSync(file, "utf8")),
    ...Array.from({ length: 100 }, (_, index) => generatePost(index, 7).markdown),
  ];
  const bodies = texts.flatMap((text) => {
    const read = readPost(text);
    return read.ok && read.post.body.trim() !== "" ? [read.post.body] : [];
  });
  return [...bodies, ...EDGE_CASES];
}

describe("a post rendered from the parse its checks read (createPostRenderer)", () => {
  it("splits markdown-it's core chain in two halves that together are the renderer's, in order", () => {
    const names = (createMarkdown(SITE).core.ruler as unknown as { __rules__: { name: string }[] }).__rules__.map((rule) => rule.name);
    expect(names).toEqual([...STRUCTURE_RULES, ...COSMETIC_RULES]);
  });

  it("gives the very HTML a fresh render gives, after every check has read the tokens", () => {
    const fresh = createMarkdown(SITE);
    const fromTokens = createPostRenderer(SITE);
    const bodies = corpus();
    expect(bodies.length).toBeGreaterThan(130);
    for (const body of bodies) {
      const { tokens } = inspectBody(body);
      expect(fromTokens(tokens).html, body.slice(0, 80)).toBe(fresh.render(body));
    }
  });

  it("says where each block's HTML starts and which Markdown lines it came from", () => {
    const body = "# Title\n\nA paragraph\nover two lines.\n\n- item\n";
    const { html, blocks } = createPostRenderer(SITE)(inspectBody(body).tokens);
    const paragraph = blocks.find((block) => html.startsWith("<p>", block.offset));
    expect(paragraph).toMatchObject({ line: 2, endLine: 4 });
    expect(blocks[0]).toMatchObject({ offset: 0, line: 0, endLine: 1 });
    expect(blocks.map((block) => block.offset)).toEqual([...blocks.map((block) => block.offset)].sort((a, b) => a - b));
  });
});

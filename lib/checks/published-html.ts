/**
 * Judges a post body's HTML, the exact text the page and every feed carry,
 * parsed the way a browser parses it (lib/checks/html-allow-list.ts), and places
 * each problem back in the Markdown so the author can find it. The same
 * parse yields the links to other posts, checked across the whole set of
 * posts (lib/checks/post-links.ts).
 *
 * HTML that markdown-it wrote alone (the post has no raw HTML) and that the
 * quick judgement accepts needs no positions; anything else is judged with
 * them, parse errors included.
 */
import type { Token } from "markdown-it/index.js";
import type { BodyProblem } from "./problems.ts";
import { isPublishable, judgePublishedHtml, type HtmlElement } from "./html-allow-list.ts";
import type { RenderedPost } from "../render/markdown.ts";
import { addresses } from "../site/addresses.ts";

/** A link to a post's address (addresses.post) written in a post; lines are 1-based within the body. */
export interface PostLink {
  slug: string;
  href: string;
  line: number;
  column: number;
}

/** A picture in a post's body from this site, for the image pipeline (lib/images/): where it stands in the HTML and in the body. */
export interface BodyImage {
  src: string;
  alt: string;
  /** Its start tag in the published html: replaced by the pipeline's <picture>. */
  start: number;
  end: number;
  line: number;
  column: number;
}

/**
 * Addresses on this site, a path with no scheme and no host: what the image
 * pipeline takes (and refuses, outside /media/). Other sites' images are
 * refused by the allow-list; data: images stay inline.
 */
const isLocal = (src: string) => !/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^[\\/]{2}/.test(src);

const hasRawHtml = (tokens: Token[]) =>
  tokens.some((token) => token.type === "html_block" || token.children?.some((child) => child.type === "html_inline"));

export function inspectPublishedHtml(
  rendered: RenderedPost,
  body: string,
  tokens: Token[],
): { problems: BodyProblem[]; postLinks: PostLink[]; images: BodyImage[] } {
  const lines = body.split("\n");
  const problems: BodyProblem[] = [];
  const postLinks: PostLink[] = [];
  const images: BodyImage[] = [];
  let elements: HtmlElement[] = [];
  // In the quick judgement's tree order, each needle is searched for from where the last was found.
  let fromLine = 0;
  // Where the author wrote what the HTML holds at `offset`: raw HTML stands in the Markdown as written; an image or link written in Markdown by its address.
  const place = (offset: number, tag: string | undefined, element?: HtmlElement) => {
    const written = offset < 0 ? "" : (rendered.html.slice(offset, offset + 200).split(/[\n>]/, 1)[0] ?? "");
    const address = element?.attributes.get(element.tag === "img" ? "src" : "href");
    const needles = [written, ...(address ? [`![](${address}`, `](${address}`] : []), `<${tag ?? ""}`];
    const at = offset < 0 ? placeInLines(lines, fromLine, needles) : placeInBody(rendered, lines, offset, needles);
    if (offset < 0) fromLine = at.line - 1;
    // A Markdown link or image is placed at its address, after "](".
    return at.needle?.startsWith("](") ? { ...at, column: at.column + 2 } : at;
  };
  let quick = !hasRawHtml(tokens) && isPublishable(rendered.html, (element) => void elements.push(element));
  // The pipeline replaces each picture's tag where it stands, so pictures need positions.
  if (quick && elements.some((element) => element.tag === "img" && isLocal(element.attributes.get("src") ?? ""))) quick = false;
  if (!quick) elements = [];
  const findings = quick ? [] : judgePublishedHtml(rendered.html, (element) => void elements.push(element));
  for (const element of elements) {
    const alt = element.attributes.get("alt");
    if (element.tag === "img" && (alt ?? "").trim() === "") {
      const src = element.attributes.get("src") ?? "";
      const { needle, ...at } = place(element.offset, "img", element);
      const message = needle?.startsWith("<")
        ? `expected an alt="…" saying what the image shows, found <img> with ${alt === undefined ? "no alt" : "an empty alt"}`
        : `expected alt text saying what the image shows, like ![Mayor cuts the ribbon](${src}), found ![](${src}) with none`;
      problems.push({ ...at, message });
    }
    const src = element.tag === "img" ? element.attributes.get("src") : undefined;
    if (src !== undefined && isLocal(src)) {
      const { needle: _, ...at } = place(element.offset, "img", element);
      if (element.parentTag === "picture") problems.push({ ...at, message: PICTURE_BY_HAND });
      else images.push({ src, alt: alt ?? "", start: element.offset, end: element.end, ...at });
    }
    const href = element.tag === "a" ? element.attributes.get("href") : undefined;
    const slug = href === undefined ? undefined : addresses.postSlugOf(href);
    if (href !== undefined && slug !== undefined) {
      const { needle: _, ...at } = place(element.offset, "a", element);
      postLinks.push({ slug: safeDecode(slug), href, ...at });
    }
  }
  for (const finding of findings) {
    const { needle: _, ...at } = place(
      finding.offset,
      finding.tag,
      elements.find((element) => element.offset === finding.offset),
    );
    problems.push({ ...at, message: finding.message });
  }
  return { problems, postLinks, images };
}

const PICTURE_BY_HAND =
  "expected a plain <img> or ![alt](/media/…) for a picture from this site, found one inside <picture>: the image pipeline writes the <picture> with every size and format itself";

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The Markdown line and column an offset in the HTML came from. The block
 * the offset falls in gives the first line; block HTML keeps the line breaks
 * of its source, so the newlines before the offset give the line within it.
 * The column is where the first of `needles` stands on that line (or the
 * block's later lines), else the line's first character.
 */
function placeInBody(
  rendered: RenderedPost,
  lines: string[],
  offset: number,
  needles: string[],
): { line: number; column: number; needle?: string } {
  const { blocks, html } = rendered;
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((blocks[middle]?.offset ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  const block = blocks[low] ?? { offset: 0, line: 0, endLine: lines.length };
  let line = block.line;
  for (let index = html.indexOf("\n", block.offset); index !== -1 && index < offset; index = html.indexOf("\n", index + 1)) line++;
  line = Math.min(line, Math.max(block.line, block.endLine - 1));
  return placeInLines(lines, line, needles, Math.max(block.endLine, line + 1));
}

/** The first of `needles` on line `from` or a later one before `to`, else the start of line `from` (0-based lines in, 1-based out). */
function placeInLines(
  lines: string[],
  from: number,
  needles: string[],
  to = lines.length,
): { line: number; column: number; needle?: string } {
  for (let candidate = from; candidate < to; candidate++) {
    const text = (lines[candidate] ?? "").toLowerCase();
    for (const needle of needles) {
      const column = needle === "" ? -1 : text.indexOf(needle.toLowerCase());
      if (column !== -1) return { line: candidate + 1, column: column + 1, needle };
    }
  }
  const text = lines[from] ?? "";
  return { line: from + 1, column: text.length - text.trimStart().length + 1 };
}

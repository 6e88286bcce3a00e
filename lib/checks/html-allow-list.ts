/**
 * Judges the HTML a post publishes (markdown-it's output for its body)
 * against an allow-list: lib/checks/html-allow-list-rules.ts says what may appear
 * and why the rest may not, lib/checks/html-allow-list-repairs.ts refuses markup a
 * browser would have to repair.
 *
 * parse5 follows the HTML standard's parsing algorithm, the one browsers run,
 * so what is judged is the tree readers' browsers build, not a tolerant
 * reading of the text: a check that reads markup differently from the browser
 * is what lets hostile markup through.
 */
import { defaultTreeAdapter as adapter, html as parse5Html, parseFragment } from "parse5";
import type { DefaultTreeAdapterMap, ParserError, Token, TreeAdapter } from "parse5";
import {
  ALLOWED_ELEMENTS,
  BDO_WITHOUT_DIR,
  IMAGE_ATTRIBUTES,
  IMPLIED,
  IMPLIED_ALLOWED,
  LINK_ATTRIBUTES,
  NEVER_CLOSED,
  SOURCE_OUTSIDE_PICTURE,
  TOO_DEEP,
  VOID_ELEMENTS,
  attributeReason,
  elementReason,
  imageProblem,
  linkProblem,
  refusal,
  renamedReason,
  srcsetUrls,
  type Finding,
} from "./html-allow-list-rules.ts";
import { droppedTags, movedChildren, parseErrorFinding, type Span } from "./html-allow-list-repairs.ts";

type Element = DefaultTreeAdapterMap["element"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];
type Template = DefaultTreeAdapterMap["template"];
type ChildNode = DefaultTreeAdapterMap["childNode"];

export interface HtmlFinding {
  /** Index in the judged html string where the offending tag or construct starts. */
  offset: number;
  /** The tag name concerned, lowercase, if any (used to find the spot in the Markdown source). */
  tag?: string;
  /** In the author's words: what was found, and why it is refused. */
  message: string;
}

/** An HTML element as the browser builds it, for callers that read the same parse. */
export interface HtmlElement {
  tag: string;
  /** Where its start tag begins in the judged html string; -1 from isPublishable, which keeps no positions. */
  offset: number;
  /** Where its start tag ends (just after its ">"); -1 from isPublishable. */
  end: number;
  /** The element the browser put it in, if any. */
  parentTag?: string;
  /** Decoded values; browsers keep the first copy of an attribute given twice, and so does this. */
  attributes: ReadonlyMap<string, string>;
}

type Visitor = (element: HtmlElement) => void;

const { NS } = parse5Html;
const SHOWN_URL_LENGTH = 60;
/** Far deeper than any story needs, and well short of where browsers' parsers start to differ. */
const MAX_DEPTH = 100;
const WRITTEN_TAG = /^<([^\t\n\f\r />]+)/;

/**
 * The default tree adapter joins neighbouring text into one node, whose source
 * range then spans any tag the parser dropped in between. Kept apart, the nodes
 * cover exactly the source the parser used, and a gap is source it dropped.
 */
const TEXT_KEPT_APART: TreeAdapter<DefaultTreeAdapterMap> = {
  ...adapter,
  insertText: (parent, text) => adapter.appendChild(parent, adapter.createTextNode(text)),
  insertTextBefore: (parent, text, reference) => adapter.insertBefore(parent, adapter.createTextNode(text), reference),
};

/** Every problem with a post body's published HTML, sorted by offset; `visit` sees each HTML element, in tree order. */
export function judgePublishedHtml(html: string, visit?: Visitor): HtmlFinding[] {
  const errors: ParserError[] = [];
  // Parsed where layouts/post.njk puts it, inside a <div>: without a context parse5
  // uses a <template>, which keeps table cells and ignores stray end tags a page would not.
  const context = adapter.createElement("div", NS.HTML, []);
  const options = { sourceCodeLocationInfo: true, treeAdapter: TEXT_KEPT_APART, onParseError: (error: ParserError) => errors.push(error) };
  const tree = walkTree(html, parseFragment(context, html, options), visit);
  const dropped = droppedTags(html, tree.spans);
  const spans = [...tree.spans, ...dropped.spans].sort((a, b) => a.start - b.start);
  return onceEach([...tree.findings, ...dropped.findings, ...errors.map((error) => parseErrorFinding(html, error, spans))]);
}

/**
 * Whether HTML judged once before (the build cache's) may still be published:
 * the same allow-list over the browser's tree, without the source positions
 * that only a problem needs and that cost most of a parse. A sentinel written
 * after the HTML must land at the top of the tree: if anything was left open,
 * or a formatting element must be reopened, the parser puts it inside.
 */
export function isPublishable(html: string, visit?: Visitor): boolean {
  const context = adapter.createElement("div", NS.HTML, []);
  const fragment = parseFragment(context, `${html}${SENTINEL}`, {});
  const last = fragment.childNodes.at(-1);
  if (!last || !adapter.isElementNode(last) || last.tagName !== "wbr" || last.attrs.length > 0) return false;
  const steps = fragment.childNodes
    .slice(0, -1)
    .reverse()
    .map((node) => ({ node, parent: undefined as Element | undefined, depth: 1 }));
  for (let step = steps.pop(); step !== undefined; step = steps.pop()) {
    const { node, parent, depth } = step;
    if (!adapter.isElementNode(node)) continue;
    if (depth > MAX_DEPTH || judgeElement(node, parent, 0).length > 0) return false;
    visit?.({ tag: node.tagName, offset: -1, end: -1, attributes: new Map(node.attrs.map(({ name, value }) => [name, value])) });
    for (let index = node.childNodes.length - 1; index >= 0; index--) {
      const child = node.childNodes[index];
      if (child) steps.push({ node: child, parent: node, depth: depth + 1 });
    }
  }
  return true;
}

/** A void element: it takes no children, so whatever the parser still had open would have to hold it. */
const SENTINEL = "<wbr>";

/** A node still to visit, with the element it sits in; or an element whose end tag comes next. */
type Step = { node: ChildNode; parent: Element | undefined; depth: number } | { endTag: Token.Location; tag: string };

function walkTree(html: string, fragment: ParentNode, visit: Visitor | undefined): { findings: Finding[]; spans: Span[] } {
  const findings: Finding[] = [...movedChildren(fragment)];
  const spans: Span[] = [];
  // How far the source is read, in tree order: where an element the parser made up belongs.
  let cursor = 0;
  // A stack rather than recursion: markup nested thousands deep must not overflow the call stack.
  const steps: Step[] = [...fragment.childNodes].reverse().map((node) => ({ node, parent: undefined, depth: 1 }));
  let tooDeep = false;
  for (let step = steps.pop(); step !== undefined; step = steps.pop()) {
    if ("endTag" in step) {
      spans.push({ start: step.endTag.startOffset, end: step.endTag.endOffset, kind: "end", tag: step.tag });
      cursor = step.endTag.endOffset;
      continue;
    }
    const { node, parent, depth } = step;
    if (!adapter.isElementNode(node)) {
      const location = node.sourceCodeLocation;
      if (!location || !(adapter.isTextNode(node) || adapter.isCommentNode(node))) continue;
      spans.push({ start: location.startOffset, end: location.endOffset, kind: adapter.isTextNode(node) ? "text" : "comment" });
      cursor = location.endOffset;
      continue;
    }
    const tag = node.tagName.toLowerCase();
    const isHtml = node.namespaceURI === NS.HTML;
    const location = node.sourceCodeLocation;
    if (!location) {
      if (!(isHtml && tag === IMPLIED_ALLOWED)) {
        findings.push({ ...refusal(cursor, tag, `<${tag}> added by the browser`, IMPLIED), echo: true });
      }
    } else {
      const start = location.startTag ?? location;
      spans.push({ start: start.startOffset, end: start.endOffset, kind: "start", tag });
      cursor = start.endOffset;
      findings.push(...judgeElement(node, parent, start.startOffset));
      // The parser renames <image> to <img>, without a word: the author should see the tag they wrote refused.
      const written = WRITTEN_TAG.exec(html.slice(start.startOffset, start.endOffset))?.[1]?.toLowerCase();
      if (written && written !== tag) findings.push(refusal(start.startOffset, written, `<${written}>`, renamedReason(tag)));
      if (depth > MAX_DEPTH && !tooDeep) findings.push(refusal(start.startOffset, tag, `<${tag}> nested ${depth} deep`, TOO_DEEP));
      tooDeep ||= depth > MAX_DEPTH;
      if (isHtml && ALLOWED_ELEMENTS.has(tag) && !VOID_ELEMENTS.has(tag) && !location.endTag) {
        findings.push(refusal(start.startOffset, tag, `<${tag}> without its end tag </${tag}>`, NEVER_CLOSED));
      }
      if (isHtml) {
        const attributes = new Map(node.attrs.map(({ name, value }) => [name, value]));
        visit?.({ tag, offset: start.startOffset, end: start.endOffset, parentTag: parent?.tagName, attributes });
      }
      if (location.endTag) steps.push({ endTag: location.endTag, tag });
    }
    const content = isHtml && tag === "template" ? adapter.getTemplateContent(node as Template) : node;
    findings.push(...movedChildren(content));
    for (let index = content.childNodes.length - 1; index >= 0; index--) {
      const child = content.childNodes[index];
      if (child) steps.push({ node: child, parent: node, depth: depth + 1 });
    }
  }
  return { findings, spans };
}

function judgeElement(element: Element, parent: Element | undefined, offset: number): Finding[] {
  const tag = element.tagName.toLowerCase();
  const foreign = element.namespaceURI !== NS.HTML;
  const allowedAttributes = ALLOWED_ELEMENTS.get(tag);
  // Its attributes are not judged: the element goes, whatever they say.
  if (foreign || !allowedAttributes) return [refusal(offset, tag, `<${element.tagName}>`, elementReason(tag, foreign))];
  const findings: Finding[] = [];
  if (tag === "source" && !(parent?.tagName === "picture" && parent.namespaceURI === NS.HTML)) {
    findings.push(refusal(offset, tag, "<source> outside <picture>", SOURCE_OUTSIDE_PICTURE));
  }
  if (tag === "bdo" && !element.attrs.some((attribute) => attribute.name === "dir")) {
    findings.push(refusal(offset, tag, "<bdo> without dir", BDO_WITHOUT_DIR));
  }
  for (const { name, value } of element.attrs) {
    if (!allowedAttributes.has(name)) {
      findings.push(refusal(offset, tag, `<${tag} ${name}>`, attributeReason(tag, name)));
      continue;
    }
    const isLink = LINK_ATTRIBUTES.has(name);
    const urls = isLink || IMAGE_ATTRIBUTES.has(name) ? (name === "srcset" ? srcsetUrls(value) : [value]) : [];
    for (const url of urls) {
      const problem = isLink ? linkProblem(url) : imageProblem(url);
      if (problem) findings.push(refusal(offset, tag, `<${tag} ${name}="${shown(url)}">`, problem));
    }
  }
  return findings;
}

/** An address as the author can recognise it: controls written back as the references they typed, and long ones cut short. */
function shown(url: string): string {
  const visible = url.replace(/[\u0000-\u001f\u007f]/g, (control) => `&#${control.charCodeAt(0)};`);
  return visible.length > SHOWN_URL_LENGTH ? `${visible.slice(0, SHOWN_URL_LENGTH - 1)}…` : visible;
}

/** Sorted by offset, each finding once; an echo only where nothing else is said about its spot. */
function onceEach(findings: Finding[]): HtmlFinding[] {
  const spoken = new Set(findings.filter((finding) => !finding.echo).map((finding) => finding.offset));
  const said = new Set<string>();
  const kept: HtmlFinding[] = [];
  for (const { echo, ...finding } of findings.sort((a, b) => a.offset - b.offset)) {
    const key = `${finding.offset} ${finding.message}`;
    if ((echo && spoken.has(finding.offset)) || said.has(key)) continue;
    said.add(key);
    kept.push(finding);
  }
  return kept;
}

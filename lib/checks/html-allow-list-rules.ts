/**
 * What lib/checks/html-allow-list.ts lets a post's HTML contain, and the reasons it
 * gives for the rest, in words an author can act on. This is an allow-list:
 * an element or attribute missing here is refused, whatever it is.
 */

const FOR_VIDEO = "for a video, use the `video` field, which renders a click-to-play link";
const FOR_STYLE = "the Content-Security-Policy only lets the site's own stylesheet style pages; ask for a class in assets/site.css";
const FOR_IMAGES = "put the file in media/ and write its path, such as /media/bridge.jpg";
const FORMS = "the site has no forms, and a form could send readers' input anywhere";
export const TEXT_ONLY =
  "browsers read everything after it as plain text up to its end tag, so one left open swallows the rest of the page";
const TWO_PARSES = "browsers parse its content in two different ways, which can smuggle markup past these checks";
export const PAGE_PARTS = "a post is only part of a page, and the layout already writes the page's structure and settings";
const FOREIGN =
  "browsers parse SVG and MathML by different rules, which is how markup gets smuggled past checks, and SVG can load from other sites";

/** Attributes any allowed element may carry. */
const GLOBAL_ATTRIBUTES: readonly string[] = ["class", "id", "title", "lang", "dir", "translate"];

const CELL = ["colspan", "rowspan", "headers"];
const EDIT = ["cite", "datetime"];

/** The elements a story's body needs, each with the attributes it may carry besides the global ones. */
// biome-ignore format: a table of ~70 elements reads best packed, a few to a line
const ELEMENT_TABLE: Readonly<Record<string, readonly string[]>> = {
  a: ["href", "rel", "hreflang", "aria-describedby", "aria-label"], abbr: [], b: [], bdi: [], bdo: [], blockquote: ["cite"], br: [],
  caption: [], cite: [], code: [], col: ["span"], colgroup: ["span"], data: ["value"], dd: [], del: EDIT,
  details: ["open"], dfn: [], div: [], dl: [], dt: [], em: [], figcaption: [], figure: [],
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], hr: [], i: [],
  img: ["src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"],
  ins: EDIT, kbd: [], li: ["value"], mark: [], ol: ["start", "reversed", "type"], p: [], picture: [], pre: [],
  q: ["cite"], rp: [], rt: [], ruby: [], s: [], samp: [], section: ["aria-labelledby"], small: [],
  source: ["srcset", "type", "media", "sizes", "width", "height"], span: [], strong: [], sub: [], summary: [], sup: [],
  table: [], tbody: [], td: CELL, tfoot: [], th: [...CELL, "scope", "abbr"], thead: [], time: ["datetime"], tr: [],
  u: [], ul: [], var: [], wbr: [],
};
// A Map, so that a tag named like an Object property ("constructor") is not found.
export const ALLOWED_ELEMENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(ELEMENT_TABLE).map(([tag, attributes]) => [tag, new Set([...GLOBAL_ATTRIBUTES, ...attributes])]),
);

/** Allowed elements that never have an end tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(["br", "col", "hr", "img", "source", "wbr"]);

/** The one element a browser adds on its own that we accept: every table row sits in a tbody. */
export const IMPLIED_ALLOWED = "tbody";

/** Attributes holding an address the reader follows, and those holding images the browser loads. */
export const LINK_ATTRIBUTES: ReadonlySet<string> = new Set(["href", "cite"]);
export const IMAGE_ATTRIBUTES: ReadonlySet<string> = new Set(["src", "srcset"]);

const family = (reason: string, ...tags: string[]) => tags.map((tag) => [tag, reason] as const);

/** Reasons for refusing elements an author is likely to try; any other element gets OTHER_ELEMENT. */
const ELEMENT_REASONS: ReadonlyMap<string, string> = new Map([
  ...family("the site runs no JavaScript, and its Content-Security-Policy would block it anyway", "script", "canvas", "dialog", "slot"),
  ...family(`it loads another site inside ours; ${FOR_VIDEO}`, "iframe", "frame", "frameset", "portal", "fencedframe"),
  ...family(`it embeds a plug-in or another document; ${FOR_VIDEO}`, "object", "embed", "applet", "param"),
  ...family(FOR_VIDEO, "video", "track"),
  ...family("the site has no audio player; link to the recording instead", "audio", "bgsound"),
  ...family(FORMS, "form", "input", "button", "label", "fieldset", "legend", "datalist", "output", "optgroup", "option", "keygen"),
  ["textarea", `${FORMS}; ${TEXT_ONLY}`],
  ["select", `${FORMS}; left open, it takes in the rest of the page`],
  ...family(TEXT_ONLY, "title", "xmp", "listing"),
  ...family("it turns the whole rest of the page into plain text", "plaintext"),
  ...family(TWO_PARSES, "noscript", "noembed", "noframes"),
  ...family(FOR_STYLE, "style", "font", "center", "marquee", "blink"),
  ...family(PAGE_PARTS, "html", "head", "body", "link"),
  ...family(`${PAGE_PARTS}; it can redirect readers, leak where they came from (referrer) or change the page's security policy`, "meta"),
  ["base", "it would change where every relative link and image on the page points"],
  ["template", "its content is parsed in a separate document these checks do not see"],
  ["svg", `${FOREIGN}; publish the drawing as an image file (${FOR_IMAGES})`],
  ["math", FOREIGN],
]);

const OTHER_ELEMENT =
  "posts may use only the elements a story's text needs (paragraphs, headings, lists, links, images, tables, quotes and the like)";
const EVENT_HANDLER = "inline event handlers run JavaScript, which the site never does and its Content-Security-Policy blocks";
const TABLE_ALIGNMENT = 'for a column\'s alignment, write the table in Markdown with ":--:" in its second line, or use class="align-right"';
const ADDRESS = "it makes the browser load or open an address, which only <a href>, <img src> and srcset may do";

export function elementReason(tag: string, foreign: boolean): string {
  return ELEMENT_REASONS.get(tag) ?? (foreign ? `it is part of an SVG or MathML drawing, and ${FOREIGN}` : OTHER_ELEMENT);
}

/** Attributes that make the browser load or open an address: only href, cite, src and srcset are judged, where allowed. */
// biome-ignore format: a list of names reads best packed
const ADDRESS_ATTRIBUTES = new Set([
  "href", "src", "srcset", "srcdoc", "action", "formaction", "data", "poster", "background", "cite", "longdesc", "ping",
  "xlink:href", "lowsrc", "dynsrc", "codebase", "manifest", "icon", "usemap", "archive", "classid", "itemtype",
]);

export function attributeReason(tag: string, attribute: string): string {
  if (attribute.startsWith("on")) return EVENT_HANDLER;
  if (attribute === "style") return tag === "th" || tag === "td" ? `${FOR_STYLE}; ${TABLE_ALIGNMENT}` : FOR_STYLE;
  if (ADDRESS_ATTRIBUTES.has(attribute)) return ADDRESS;
  return `<${tag}> may carry only ${[...(ALLOWED_ELEMENTS.get(tag) ?? GLOBAL_ATTRIBUTES)].join(", ")}`;
}

const LINK_REASON = "links may only go to http:, https:, mailto: or tel: addresses, or to a path on this site";
const HIDDEN_IN_ADDRESS = "; browsers skip the tabs, newlines and control characters hidden in it, so they do not disguise the scheme";
const OFF_SITE_IMAGE =
  "the image is on another site, and the Content-Security-Policy (img-src 'self' data:) shows only images published with this site, " +
  `so readers would see a broken image; ${FOR_IMAGES}`;
const DATA_IMAGE_REASON = "a data: image must be a PNG, GIF, JPEG, WebP or AVIF";
const LINK_SCHEMES = new Set(["http", "https", "mailto", "tel"]);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp|avif)[;,]/i;
// Browsers read "\" as "/" in web addresses, so "\\host" names another site too.
const OTHER_HOST = /^[\\/]{2}/;
const SRCSET_SPACE = /[\t\n\f\r ]/;

/** An address as a browser's URL parser reads it: it skips leading and trailing controls and spaces, and tabs and newlines anywhere. */
function asBrowserReads(url: string): string {
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
}

/** Why a link's address is refused, if it is. */
export function linkProblem(url: string): string | undefined {
  const read = asBrowserReads(url);
  const scheme = SCHEME.exec(read)?.[1]?.toLowerCase();
  if (scheme === undefined || LINK_SCHEMES.has(scheme)) return undefined;
  return read === url ? LINK_REASON : LINK_REASON + HIDDEN_IN_ADDRESS;
}

/** Why an image address is refused, if it is: the page may show only its own files and data: images. */
export function imageProblem(url: string): string | undefined {
  const read = asBrowserReads(url);
  if (/^data:/i.test(read)) return DATA_IMAGE.test(read) ? undefined : DATA_IMAGE_REASON;
  return SCHEME.test(read) || OTHER_HOST.test(read) ? OFF_SITE_IMAGE : undefined;
}

/** Every address in a srcset, split as browsers split it: a data: address holds commas of its own. */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const isSpace = (at: number) => SRCSET_SPACE.test(srcset.charAt(at));
  while (i < srcset.length) {
    while (i < srcset.length && (isSpace(i) || srcset.charAt(i) === ",")) i++;
    const start = i;
    while (i < srcset.length && !isSpace(i)) i++;
    const url = srcset.slice(start, i);
    if (url === "") break;
    urls.push(url.replace(/,+$/, ""));
    if (url.endsWith(",")) continue;
    // Descriptors such as "2x" or "640w" run to the next comma outside parentheses.
    for (let depth = 0; i < srcset.length; i++) {
      const c = srcset.charAt(i);
      if (c === "(") depth++;
      else if (c === ")") depth = Math.max(0, depth - 1);
      else if (c === "," && depth === 0) break;
    }
  }
  return urls;
}

/** Why elements left open, made up by the browser, or nested too deep are refused. */
export const NEVER_CLOSED =
  "browsers decide on their own where it ends, and on the page the rest of the post or the layout after it can end up inside it; close it";
export const TOO_DEEP =
  "a story never nests tags this deep, and Chromium's parser stops nesting at 512 levels, building a different page from the one checked";
export const IMPLIED =
  "browsers add it on their own because a tag is missing or tags overlap; write every tag out, and close tags in the reverse order of opening";

export const renamedReason = (tag: string) => `browsers read it as <${tag}>; write <${tag}> itself`;

export const SOURCE_OUTSIDE_PICTURE = `outside <picture> it feeds video or audio, which posts do not embed; ${FOR_VIDEO}`;
export const BDO_WITHOUT_DIR = 'it does nothing without dir="ltr" or dir="rtl"';

/** One refused construct; an echo only repeats another finding at the same spot, and is dropped then. */
export interface Finding {
  offset: number;
  tag?: string;
  message: string;
  echo?: boolean;
}

export const refusal = (offset: number, tag: string | undefined, subject: string, why: string): Finding => ({
  offset,
  ...(tag === undefined ? {} : { tag }),
  message: `${subject} is not allowed in a post: ${why}`,
});

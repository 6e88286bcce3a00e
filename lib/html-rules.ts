/**
 * What raw HTML in a post may not contain, and why, in words an author can act
 * on. lib/html-safety.ts finds the HTML and says where; this file only judges
 * one tag at a time.
 */

const FOR_VIDEO = "for a video, use the `video` field, which renders a click-to-play link";
const FOR_STYLE = "the Content-Security-Policy only lets the site's own stylesheet style pages; ask for a class in layouts/css/site.css";

/** Elements refused outright; the reason is the second half of the message. */
const REFUSED_ELEMENTS: Record<string, string> = {
  script: "the site runs no JavaScript, and its Content-Security-Policy would block it anyway",
  iframe: `it loads another site inside ours; ${FOR_VIDEO}`,
  frame: `it loads another site inside ours; ${FOR_VIDEO}`,
  frameset: `it loads other sites inside ours; ${FOR_VIDEO}`,
  object: `it embeds a plug-in or another document; ${FOR_VIDEO}`,
  embed: `it embeds a plug-in or another document; ${FOR_VIDEO}`,
  applet: "it embeds a plug-in",
  portal: "it loads another site inside ours",
  base: "it would change where every relative link on the page points",
  form: "the site has no forms, and a form could send readers' input anywhere",
  link: "stylesheets and other page resources belong in the layout, not in a post",
  style: FOR_STYLE,
  // Browsers that run scripts read these as raw text while a parser that does
  // not sees markup, so what looks harmless here can become a tag there.
  noscript: "browsers parse its content in two different ways, which can smuggle markup past these checks",
  noembed: "browsers parse its content in two different ways, which can smuggle markup past these checks",
  noframes: "browsers parse its content in two different ways, which can smuggle markup past these checks",
  template: "its content is parsed in a separate document these checks do not see",
  plaintext: "it turns the whole rest of the page into plain text",
};

/** Attributes whose value is a URL (or a list of them) a browser may follow or load. */
const URL_ATTRIBUTES = new Set([
  "href", "src", "srcset", "action", "formaction", "data", "poster", "background", "cite", "longdesc",
  "xlink:href", "ping", "lowsrc", "dynsrc", "codebase", "manifest", "icon", "usemap", "archive", "classid",
]);

/** SVG animation can rewrite a link's href to any value it names. */
const SVG_ANIMATION = new Set(["animate", "set", "animatemotion", "animatetransform"]);
const ANIMATION_VALUES = new Set(["to", "from", "values", "by"]);

/**
 * Browsers drop tabs and newlines inside a URL and ignore leading control
 * characters and spaces, so `jav&#x09;ascript:` still runs. Entities are already
 * decoded by the parser; this undoes the rest before the scheme is read.
 */
function schemeOf(url: string): string | undefined {
  const cleaned = url.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "").toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1];
}

function refusedUrl(url: string): string | undefined {
  const scheme = schemeOf(url);
  if (scheme === "javascript" || scheme === "vbscript") return `${scheme}: URL`;
  if (scheme === "data" && !/^data:image\/(png|gif|jpeg|webp|avif);/i.test(url.replace(/[\t\n\r\s]/g, ""))) {
    return "data: URL that is not a PNG, GIF, JPEG, WebP or AVIF image";
  }
  return undefined;
}

/** Attributes that make the browser fetch an image, by element. */
const IMAGE_SOURCES: Record<string, string[]> = { img: ["src", "srcset"], source: ["src", "srcset"], video: ["poster"], input: ["src"] };

function isOtherSite(url: string): boolean {
  return /^(https?:)?\/\//i.test(url.trim());
}

/** Every reason to refuse one start tag, each placed at the tag. */
export function judgeTag(name: string, attributes: Record<string, string>): string[] {
  const tag = name.toLowerCase();
  const problems: string[] = [];
  const refused = REFUSED_ELEMENTS[tag];
  if (refused) problems.push(`<${tag}> is not allowed in a post: ${refused}`);
  if (tag === "meta" && "http-equiv" in attributes) {
    problems.push(`<meta http-equiv> is not allowed in a post: it could redirect readers or change the page's security policy`);
  }
  for (const [attribute, value] of Object.entries(attributes)) {
    const lower = attribute.toLowerCase();
    if (lower.startsWith("on")) {
      problems.push(`the inline event handler ${lower}="…" on <${tag}> is not allowed: it runs JavaScript, which the site never does`);
    } else if (lower === "style") {
      problems.push(`the style attribute on <${tag}> is not allowed: ${FOR_STYLE}`);
    } else if (lower === "srcdoc") {
      problems.push(`the srcdoc attribute on <${tag}> is not allowed: it is a whole page inside the page`);
    } else if (URL_ATTRIBUTES.has(lower) || (SVG_ANIMATION.has(tag) && ANIMATION_VALUES.has(lower))) {
      const candidates =
        lower === "srcset" ? value.split(",").map((entry) => entry.trim().split(/\s+/)[0] ?? "")
        : lower === "values" ? value.split(";")
        : [value];
      const reason = candidates.map(refusedUrl).find(Boolean);
      if (reason) problems.push(`a ${reason} in ${lower} on <${tag}> is not allowed: links and images must point to http(s) addresses`);
      else if (IMAGE_SOURCES[tag]?.includes(lower) && candidates.some(isOtherSite)) {
        problems.push(
          `the image ${value.trim()} is on another site: the Content-Security-Policy (img-src 'self') shows only images published with this site, so readers would see a broken image`,
        );
      }
    }
  }
  return problems;
}

// lib/checks/html-allow-list-rules.ts on its own: addresses read as browsers read them, srcset split as the HTML standard splits it, and reasons per element and attribute. Whole-HTML judgements are in html-allow-list.test.ts.
import { describe, expect, it } from "vitest";
import {
  ALLOWED_ELEMENTS,
  VOID_ELEMENTS,
  attributeReason,
  elementReason,
  imageProblem,
  linkProblem,
  refusal,
  srcsetUrls,
} from "../../../lib/checks/html-allow-list-rules.ts";

describe("srcsetUrls (https://html.spec.whatwg.org/multipage/images.html#parse-a-srcset-attribute)", () => {
  it("takes the address of each candidate, without its descriptor", () => {
    expect(srcsetUrls("/a.png 1x, /b.png 2x")).toEqual(["/a.png", "/b.png"]);
    expect(srcsetUrls("/small.jpg 480w,/large.jpg 1080w")).toEqual(["/small.jpg", "/large.jpg"]);
    expect(srcsetUrls("\n\t/a.png\n  ,  /b.png  ")).toEqual(["/a.png", "/b.png"]);
  });

  it("ends an address only at whitespace: a comma inside it is part of it, trailing commas are not", () => {
    expect(srcsetUrls("data:image/png;base64,AA,BB 2x")).toEqual(["data:image/png;base64,AA,BB"]);
    expect(srcsetUrls("/a.png,/b.png")).toEqual(["/a.png,/b.png"]);
    expect(srcsetUrls("/a.png,, /b.png,")).toEqual(["/a.png", "/b.png"]);
  });

  it("reads a comma inside parentheses in a descriptor as part of it", () => {
    expect(srcsetUrls("/a.png (x, y) 1x, /b.png 2x")).toEqual(["/a.png", "/b.png"]);
  });

  it("finds no address in an empty or comma-only srcset", () => {
    expect(srcsetUrls("")).toEqual([]);
    expect(srcsetUrls(" , ,, ")).toEqual([]);
  });
});

describe("linkProblem", () => {
  it.each([
    "https://example.com/",
    "HTTP://example.com/",
    "mailto:desk@example.com",
    "tel:+15551234",
    "/posts/a/",
    "#top",
    "?q=1",
    "../up",
    "a/b:c",
    "",
  ])("lets a link go to %j", (url) => expect(linkProblem(url)).toBeUndefined());

  it.each(["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "ftp://example.com/"])(
    "refuses %s",
    (url) => expect(linkProblem(url)).toBe("links may only go to http:, https:, mailto: or tel: addresses, or to a path on this site"),
  );

  it("says so when characters a browser skips were hiding the scheme", () => {
    for (const url of [" javascript:x", "java\tscript:x", "java\nscript:x", "\u0001javascript:x", "javascript:x\u0000"]) {
      expect(linkProblem(url)).toMatch(/^links may only go to .*; browsers skip the tabs, newlines and control characters hidden in it/);
    }
  });
});

describe("imageProblem", () => {
  it.each(["/media/a.png", "media/a.png", "../media/a.png", "data:image/png;base64,AA", "DATA:IMAGE/WEBP;base64,AA", "data:image/avif,x"])(
    "lets an image load %s",
    (url) => expect(imageProblem(url)).toBeUndefined(),
  );

  it.each([
    "https://elsewhere.example/a.png",
    "http://elsewhere.example/a.png",
    "//elsewhere.example/a.png",
    "\\\\elsewhere.example/a.png",
    "/\\elsewhere.example/a.png",
    " //elsewhere.example/a.png",
    "/\t/elsewhere.example/a.png",
  ])("refuses an image from another site: %j", (url) =>
    expect(imageProblem(url)).toMatch(/^the image is on another site, .*img-src 'self' data:/),
  );

  it("refuses data: images of kinds other than the raster formats, and data: addresses with no data", () => {
    for (const url of ["data:image/svg+xml,<svg/>", "data:text/html,x", "data:image/png", " data:image/gif"]) {
      expect(imageProblem(url)).toBe("a data: image must be a PNG, GIF, JPEG, WebP or AVIF");
    }
  });
});

describe("the allow-list", () => {
  it("is a map of tags, so names of Object's properties are not elements", () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) expect(ALLOWED_ELEMENTS.has(name)).toBe(false);
    expect(elementReason("constructor", false)).toMatch(/^posts may use only the elements a story's text needs/);
  });

  it("lets every allowed element carry the global attributes, and its own", () => {
    for (const attributes of ALLOWED_ELEMENTS.values())
      expect([...attributes]).toEqual(expect.arrayContaining(["class", "id", "title", "lang", "dir"]));
    expect(ALLOWED_ELEMENTS.get("img")?.has("alt")).toBe(true);
    expect(ALLOWED_ELEMENTS.get("p")?.has("href")).toBe(false);
    for (const tag of VOID_ELEMENTS) expect(ALLOWED_ELEMENTS.has(tag)).toBe(true);
  });

  it("allows no element or attribute that runs script, styles, or loads another page", () => {
    for (const tag of ["script", "style", "iframe", "object", "embed", "form", "svg", "math", "base", "meta", "link", "template"])
      expect(ALLOWED_ELEMENTS.has(tag)).toBe(false);
    for (const attributes of ALLOWED_ELEMENTS.values()) {
      expect([...attributes].filter((name) => name.startsWith("on") || name === "style" || name === "srcdoc")).toEqual([]);
    }
  });
});

describe("reasons", () => {
  it("explains refused elements, with a different reason inside SVG or MathML", () => {
    expect(elementReason("script", false)).toMatch(/runs no JavaScript/);
    expect(elementReason("iframe", false)).toMatch(/use the `video` field/);
    expect(elementReason("blink", false)).toMatch(/Content-Security-Policy only lets the site's own stylesheet/);
    expect(elementReason("foreignobject", true)).toMatch(/^it is part of an SVG or MathML drawing/);
    expect(elementReason("marquee-x", false)).toMatch(/^posts may use only the elements/);
  });

  it("explains refused attributes by what they would do", () => {
    expect(attributeReason("img", "onerror")).toMatch(/^inline event handlers run JavaScript/);
    expect(attributeReason("td", "style")).toMatch(/:--:/);
    expect(attributeReason("p", "style")).not.toMatch(/:--:/);
    expect(attributeReason("img", "lowsrc")).toMatch(/^it makes the browser load or open an address/);
    expect(attributeReason("a", "target")).toBe(
      "<a> may carry only class, id, title, lang, dir, translate, href, rel, hreflang, aria-describedby, aria-label",
    );
  });

  it("words a refusal as '<subject> is not allowed in a post: <why>', with a tag only when there is one", () => {
    expect(refusal(4, "b", "<b onclick>", "why")).toEqual({ offset: 4, tag: "b", message: "<b onclick> is not allowed in a post: why" });
    expect(refusal(0, undefined, "a NUL character", "why")).toEqual({
      offset: 0,
      message: "a NUL character is not allowed in a post: why",
    });
  });
});

// lib/images/picture.ts: <picture> markup the body's allow-list takes, every value escaped, fetchpriority only when asked for.
import { describe, expect, it } from "vitest";
import { isPublishable } from "../../../lib/checks/html-allow-list.ts";
import { BODY_SIZES, pictureHtml } from "../../../lib/images/picture.ts";
import type { ResponsiveImage } from "../../../lib/images/responsive.ts";

const srcset = (format: string) => [400, 800].map((width) => `/assets/img/bridge-AbCdEfGh_-${width}.${format} ${width}w`).join(", ");

const photo: ResponsiveImage = {
  width: 1000,
  height: 500,
  sources: [
    { type: "image/avif", srcset: srcset("avif") },
    { type: "image/webp", srcset: srcset("webp") },
  ],
  fallback: { url: "/assets/img/bridge-AbCdEfGh_-800.jpg", type: "image/jpeg", srcset: srcset("jpg"), width: 800, height: 400 },
  files: [],
};

const drawing: ResponsiveImage = {
  width: 320,
  height: 180,
  sources: [],
  fallback: { url: "/assets/img/chart-0123456789.svg", type: "image/svg+xml", srcset: "", width: 320, height: 180 },
  files: ["chart-0123456789.svg"],
};

describe("pictureHtml", () => {
  it("offers each format in a <source>, and the fallback, size and text in the <img>", () => {
    expect(pictureHtml(photo, { alt: "The bridge", sizes: BODY_SIZES, loading: "lazy" })).toBe(
      "<picture>" +
        `<source type="image/avif" srcset="${srcset("avif")}" sizes="${BODY_SIZES}">` +
        `<source type="image/webp" srcset="${srcset("webp")}" sizes="${BODY_SIZES}">` +
        `<img src="/assets/img/bridge-AbCdEfGh_-800.jpg" srcset="${srcset("jpg")}" sizes="${BODY_SIZES}" alt="The bridge" width="800" height="400" loading="lazy" decoding="async">` +
        "</picture>",
    );
  });

  it("escapes the alternative text for a quoted attribute", () => {
    const html = pictureHtml(photo, { alt: `"Ships" & <boats> 'here'`, sizes: "100vw", loading: "lazy" });
    expect(html).toContain(`alt="&quot;Ships&quot; &amp; &lt;boats&gt; 'here'"`);
    expect(isPublishable(html)).toBe(true);
  });

  it("keeps the lead picture's priority out of the body's markup", () => {
    const lead = pictureHtml(photo, { alt: "The bridge", sizes: BODY_SIZES, loading: "eager", fetchPriority: "high" });
    expect(lead).toContain('loading="eager" fetchpriority="high">');
    expect(lead).not.toContain("decoding");
    const body = pictureHtml(photo, { alt: "The bridge", sizes: BODY_SIZES, loading: "lazy" });
    expect(body).not.toContain("fetchpriority");
    expect(isPublishable(`<p>${body}</p>`)).toBe(true);
  });

  it("writes a plain <img> for a picture published as it is", () => {
    const html = pictureHtml(drawing, { alt: "Sales by month", sizes: BODY_SIZES, loading: "lazy" });
    expect(html).toBe(
      '<img src="/assets/img/chart-0123456789.svg" alt="Sales by month" width="320" height="180" loading="lazy" decoding="async">',
    );
    expect(isPublishable(`<p>${html}</p>`)).toBe(true);
  });

  it("sizes body pictures by the story column, in the reader's font size", () => {
    expect(BODY_SIZES).toBe("(min-width: 46em) 44em, calc(100vw - 2rem)");
  });
});

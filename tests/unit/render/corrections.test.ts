// lib/render/corrections.ts: a story's corrections and updates as one box of HTML, for its page and its feed entries.
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { correctionsHeading, correctionsHtml } from "../../../lib/render/corrections.ts";
import type { Correction } from "../../../lib/content/schema.ts";

const item = (iso: string, text: string, kind: Correction["kind"] = "correction"): Correction => ({ date: new Date(iso), kind, text });

/** The box as an HTML parser builds it. */
function box(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const section = document.querySelector("section.corrections");
  return {
    section,
    heading: section?.querySelector("h2")?.textContent,
    notices: [...(section?.querySelectorAll("p") ?? [])].map((p) => p.textContent),
    times: [...(section?.querySelectorAll("time") ?? [])].map((time) => time.getAttribute("datetime")),
    elements: [...(section?.querySelectorAll("*") ?? [])].map((element) => element.tagName.toLowerCase()),
  };
}

describe("correctionsHeading", () => {
  it("names what the box holds: one kind, singular or plural, or both", () => {
    expect(correctionsHeading([item("2024-06-02", "a")])).toBe("Correction");
    expect(correctionsHeading([item("2024-06-02", "a"), item("2024-06-03", "b")])).toBe("Corrections");
    expect(correctionsHeading([item("2024-06-02", "a", "update")])).toBe("Update");
    expect(correctionsHeading([item("2024-06-02", "a", "update"), item("2024-06-03", "b", "update")])).toBe("Updates");
    expect(correctionsHeading([item("2024-06-02", "a", "update"), item("2024-06-03", "b")])).toBe("Corrections and updates");
  });
});

describe("correctionsHtml", () => {
  it("is nothing for a story never corrected", () => {
    expect(correctionsHtml(undefined)).toBe("");
    expect(correctionsHtml([])).toBe("");
  });

  it("dates each notice in words and in a machine-readable <time>, oldest first", () => {
    const read = box(correctionsHtml([item("2024-06-09T15:30:00Z", "Later."), item("2024-06-02T00:00:00Z", "Earlier.")]));
    expect(read.heading).toBe("Corrections");
    expect(read.notices).toEqual(["June 2, 2024: Earlier.", "June 9, 2024: Later."]);
    expect(read.times).toEqual(["2024-06-02T00:00:00.000Z", "2024-06-09T15:30:00.000Z"]);
  });

  it("names each notice's kind in words when the box holds both", () => {
    const read = box(correctionsHtml([item("2024-06-03T00:00:00Z", "News.", "update"), item("2024-06-02T00:00:00Z", "Fixed.")]));
    expect(read.notices).toEqual(["Correction, June 2, 2024: Fixed.", "Update, June 3, 2024: News."]);
  });

  it("shows the text as written, never as markup", () => {
    const text = `<script>alert(1)</script> & <b>"bold"</b> 'quoted'`;
    const read = box(correctionsHtml([item("2024-06-02T00:00:00Z", text)]));
    expect(read.notices).toEqual([`June 2, 2024: ${text}`]);
    expect(read.elements).toEqual(["h2", "p", "time"]);
  });
});

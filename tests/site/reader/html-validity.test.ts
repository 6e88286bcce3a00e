// Every HTML page of the built sites passes the W3C Nu Html Checker, all
// pages in one Java process (its start-up is most of the cost).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuiltSite } from "../../support/site-build.ts";
import { buildEveryPageKind, type FixtureSite } from "../../support/reader-fixtures.ts";
import { formatVnu, validateHtml } from "../../support/vnu.ts";

let real: BuiltSite;
let fixture: FixtureSite;

beforeAll(async () => {
  ({ real, fixture } = await buildEveryPageKind());
});
afterAll(() => fixture?.scratch.remove());

const htmlFiles = (site: BuiltSite) =>
  site
    .files()
    .filter((file) => file.endsWith(".html"))
    .map((file) => path.join(site.output, file));

describe("HTML validity", () => {
  it("finds no error on any page of the real and the generated site", async () => {
    const files = [...htmlFiles(real), ...htmlFiles(fixture.site)];
    expect(files.length).toBeGreaterThan(40);
    // The generated stories share tags, so their pages show related stories, validated with the rest.
    expect(fixture.site.text(`/posts/${fixture.posts[0]!.slug}/`)).toContain('<section class="related">');
    const messages = await validateHtml(files);
    expect(formatVnu(messages)).toBe("");
  });
});

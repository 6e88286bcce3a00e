// Every HTML page of the built sites passes the W3C Nu Html Checker, all
// pages in one Java process (its start-up is most of the cost).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProject, type BuiltSite } from "./support/site-build.ts";
import { BASE_URL, buildFixtureSite, type FixtureSite } from "./support/reader-fixtures.ts";
import { formatVnu, validateHtml } from "./support/vnu.ts";

let real: BuiltSite;
let fixture: FixtureSite;

beforeAll(async () => {
  [real, fixture] = await Promise.all([
    buildProject({ CONTEXT: "production", URL: BASE_URL }),
    // Video facade, byline, update, hostile headline, pagination and the archive all appear here.
    buildFixtureSite(23, { PAGE_SIZE: "4" }),
  ]);
});
afterAll(() => fixture?.scratch.remove());

const htmlFiles = (site: BuiltSite) => site.files().filter((file) => file.endsWith(".html")).map((file) => path.join(site.output, file));

describe("HTML validity", () => {
  it("finds no error on any page of the real and the generated site", async () => {
    const files = [...htmlFiles(real), ...htmlFiles(fixture.site)];
    expect(files.length).toBeGreaterThan(40);
    const messages = await validateHtml(files);
    expect(formatVnu(messages)).toBe("");
  });
});

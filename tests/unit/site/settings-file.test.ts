// Checking site.yaml (lib/site/settings-file.ts): each bad field reported at
// its line and column, with what was expected and what was found.
import { describe, expect, it } from "vitest";
import { changedSettings, GOOD_SETTINGS, projectWith } from "../../support/settings-project.ts";
import { readSettingsFile } from "../../../lib/site/settings-file.ts";

/** Every line a settings problem is reported as, for a project holding only this site.yaml. */
function problemsOf(settings: string): string[] {
  const reading = readSettingsFile(projectWith(settings));
  return reading.ok ? [] : reading.problems;
}

describe("checkSettingsFile", () => {
  it("gives a good file's settings, the address as its bare origin", () => {
    expect(readSettingsFile(projectWith(GOOD_SETTINGS))).toEqual({
      ok: true,
      settings: {
        title: "The Harbour Times",
        description: "News from the harbour.",
        language: "en-GB",
        author: { name: "Harbour desk", url: "/about/" },
        url: "https://news.example.org",
        pageSize: 12,
        feedLimit: 30,
        authors: {},
      },
    });
  });

  it.each([
    ["title: The Harbour Times", "title: 42", "site.yaml:1:1: title: expected the publication name as text, found the number 42"],
    ["title: The Harbour Times", "title: '  '", "site.yaml:1:1: title: expected a non-empty publication name, found an empty text"],
    [
      "description: News from the harbour.",
      "description: [a, b]",
      'site.yaml:2:1: description: expected the description as text, found a list (["a","b"])',
    ],
    [
      "language: en-GB",
      "language: english please",
      'site.yaml:3:1: language: expected a language tag like en, en-GB or pt-BR, found the text "english please"',
    ],
    ["  name: Harbour desk", "  name:", "site.yaml:5:3: author.name: expected the newsroom name as text, found an empty value"],
    [
      "  url: /about/",
      "  url: javascript:alert(1)",
      'site.yaml:6:3: author.url: expected a path on this site like /about/, or an address like https://example.org/newsroom/, found the text "javascript:alert(1)"',
    ],
    [
      "url: https://news.example.org/",
      "url: https://news.example.org/news/",
      'site.yaml:7:1: url: expected an address like https://news.example.org (http or https, nothing after the host name), found the text "https://news.example.org/news/"',
    ],
    [
      "url: https://news.example.org/",
      "url: ftp://news.example.org",
      'site.yaml:7:1: url: expected an address like https://news.example.org (http or https, nothing after the host name), found the text "ftp://news.example.org"',
    ],
    [
      "pageSize: 12",
      'pageSize: "12"',
      'site.yaml:8:1: pageSize: expected a whole number of stories a page from 1 to 1000 (not in quotes), found the text "12"',
    ],
    [
      "pageSize: 12",
      "pageSize: 0",
      "site.yaml:8:1: pageSize: expected a whole number of stories a page from 1 to 1000, found the number 0",
    ],
    [
      "feedLimit: 30",
      "feedLimit: 2.5",
      "site.yaml:9:1: feedLimit: expected a whole number of stories a feed from 1 to 1000, found the number 2.5",
    ],
    [
      "feedLimit: 30",
      "feedLimit: 5000",
      "site.yaml:9:1: feedLimit: expected a whole number of stories a feed from 1 to 1000, found the number 5000",
    ],
    [
      "feedLimit: 30",
      "feedLimit: 30\nfeedlimit: 10",
      'site.yaml:10:1: feedlimit: unknown field; did you mean "feedLimit"? (expected one of title, description, language, author, url, pageSize, feedLimit, authors)',
    ],
    [
      "  url: /about/",
      "  url: /about/\n  email: desk@example.org",
      "site.yaml:7:3: author.email: unknown field (expected one of name, url)",
    ],
    [
      "title: The Harbour Times",
      'title: "The \\u0007 Times"',
      "site.yaml:1:1: title: expected text without invisible control characters (feeds and pages cannot carry them; delete it or retype the text), found U+0007",
    ],
  ])("refuses %s written as %s, at its line", (line, to, problem) => {
    expect(problemsOf(changedSettings(line, to))).toEqual([problem]);
  });

  it("gives the people who write, by key, with their links", () => {
    const people =
      "authors:\n  jane-doe:\n    name: Jane Doe\n    bio: Covers the courts.\n    link: https://jane.example/\n  sam-lee:\n    name: Sam Lee\n    bio: Covers the port.\n";
    const reading = readSettingsFile(projectWith(GOOD_SETTINGS + people));
    expect(reading.ok && reading.settings.authors).toEqual({
      "jane-doe": { name: "Jane Doe", bio: "Covers the courts.", link: "https://jane.example/" },
      "sam-lee": { name: "Sam Lee", bio: "Covers the port." },
    });
  });

  it.each([
    [
      "a key that cannot be an address",
      "authors:\n  Jane Doe:\n    name: Jane Doe\n    bio: Courts.\n",
      'site.yaml:11:3: authors.Jane Doe: expected a key of lowercase letters, digits and single hyphens, like jane-doe, found the key "Jane Doe"',
    ],
    [
      "a person without a bio, and a misspelt field",
      "authors:\n  jane-doe:\n    name: Jane Doe\n    bios: Courts.\n",
      [
        "site.yaml:11:3: authors.jane-doe.bio: expected the short bio as text, found nothing",
        'site.yaml:13:5: authors.jane-doe.bios: unknown field; did you mean "bio"? (expected one of name, bio, link)',
      ],
    ],
    [
      "a link that could run",
      "authors:\n  jane-doe:\n    name: Jane Doe\n    bio: Courts.\n    link: javascript:alert(1)\n",
      'site.yaml:14:5: authors.jane-doe.link: expected a path on this site like /about/, or an address like https://example.org/newsroom/, found the text "javascript:alert(1)"',
    ],
    [
      "a person as a bare name",
      "authors:\n  jane-doe: Jane Doe\n",
      'site.yaml:11:3: authors.jane-doe: expected a person as `name:`, `bio:` and an optional `link:`, indented under their key, found the text "Jane Doe"',
    ],
  ])("refuses %s, at its line", (_what, people, problems) => {
    expect(problemsOf(GOOD_SETTINGS + people)).toEqual([problems].flat());
  });

  it("names a missing field: at the start of the file, or at the mapping that should hold it", () => {
    expect(problemsOf(changedSettings("feedLimit: 30"))).toEqual([
      "site.yaml:1:1: feedLimit: expected a whole number of stories a feed from 1 to 1000 (not in quotes), found nothing",
    ]);
    expect(problemsOf(changedSettings("  name: Harbour desk"))).toEqual([
      "site.yaml:4:1: author.name: expected the newsroom name as text, found nothing",
    ]);
  });

  it("places YAML errors at their field", () => {
    expect(problemsOf(changedSettings("description: News from the harbour.", "description: News: from the harbour."))).toEqual([
      expect.stringMatching(
        /^site\.yaml:2:\d+: description: expected valid YAML, found an error: .*\(text containing `: ` must be in quotes\)$/,
      ),
    ]);
    expect(problemsOf(`${GOOD_SETTINGS}title: Again\n`)).toEqual([
      expect.stringMatching(/^site\.yaml:10:1: title: expected valid YAML, found an error: .*\(this field is given twice\)$/),
    ]);
    expect(problemsOf("- a list\n")).toEqual([
      expect.stringMatching(/^site\.yaml:1:1: file: expected `field: value` lines \(title, .*\), found a list/),
    ]);
    expect(problemsOf("")).toEqual([
      "site.yaml:1:1: file: expected `field: value` lines (title, description, language, author, url, pageSize, feedLimit, authors), found an empty value",
    ]);
  });
});

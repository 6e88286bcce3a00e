// What may be the site's address and what may be a page the settings link to
// (lib/site/origin.ts).
import { describe, expect, it } from "vitest";
import { isPageAddress, siteOrigin } from "../../../lib/site/origin.ts";

describe("siteOrigin", () => {
  it.each([
    ["https://news.example.org", "https://news.example.org"],
    ["https://news.example.org/", "https://news.example.org"],
    ["HTTP://News.Example.org:8080", "http://news.example.org:8080"],
    ["http://127.0.0.1:8080/", "http://127.0.0.1:8080"],
  ])("takes %s as the origin %s", (value, origin) => {
    expect(siteOrigin(value)).toBe(origin);
  });

  it.each([
    ["a path after the host", "https://news.example.org/news/"],
    ["a query", "https://news.example.org/?a=1"],
    ["a fragment", "https://news.example.org/#top"],
    ["a user name", "https://editor@news.example.org"],
    ["another scheme", "ftp://news.example.org"],
    ["no scheme", "news.example.org"],
    ["a space", "https://news example.org"],
  ])("refuses an address with %s", (_, value) => {
    expect(siteOrigin(value)).toBeUndefined();
  });
});

describe("isPageAddress", () => {
  it.each(["/about/", "/", "https://example.org/newsroom/", "http://example.org"])("takes %s", (value) => {
    expect(isPageAddress(value)).toBe(true);
  });

  it.each(["javascript:alert(1)", "//evil.example/", "about/", "/about us/", "mailto:desk@example.org", "https://"])(
    "refuses %s",
    (value) => {
      expect(isPageAddress(value)).toBe(false);
    },
  );
});

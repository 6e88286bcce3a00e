import { describe, expect, it } from "vitest";
import { newsLanguage } from "../../../lib/publish/news-sitemap.ts";

describe("newsLanguage: the site's BCP 47 language as Google News wants it", () => {
  it.each([
    ["en", "en"],
    ["en-GB", "en"],
    ["pt-BR", "pt"],
    ["fil", "fil"],
    ["zh-Hant-TW", "zh-tw"],
    ["zh-HK", "zh-tw"],
    ["zh-Hans", "zh-cn"],
    ["zh", "zh-cn"],
  ])("%s is %s", (tag, code) => expect(newsLanguage(tag)).toBe(code));
});

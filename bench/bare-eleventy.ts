// Baseline: the same posts through a bare Eleventy project with nothing but
// a Nunjucks layout, an index, an RSS feed and Eleventy's default Markdown
// handling. The gap between this and our build is the price of our pipeline.
// With --pictures its pictures are "copied as they are": media/ is passed
// through untouched, a lead picture is a plain <img>, and body pictures are
// what Eleventy's default Markdown makes of ![alt](/media/…).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyPosts, linkInto } from "./builder.ts";
import type { Builder } from "./builder.ts";

/** The pictures' folder, at the input's root as in ours: /media/x.jpg is media/x.jpg. */
const MEDIA = "media";

// The passthrough copy only with pictures, so rounds without them build what they always did.
const config = (pictures: boolean): string => `import rssPlugin from "@11ty/eleventy-plugin-rss";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addCollection("posts", (api) => api.getFilteredByGlob("posts/*.md"));${pictures ? `\n  eleventyConfig.addPassthroughCopy("${MEDIA}");` : ""}
}

export const config = {
  dir: { input: ".", includes: "_includes", data: "_data", output: "_site" },
};
`;

const METADATA = {
  title: "Bench News",
  description: "Synthetic posts for the build benchmark.",
  url: "https://example.com/",
  language: "en",
};

const LAYOUT = `<!doctype html>
<html lang="{{ metadata.language }}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ title }} · {{ metadata.title }}</title>
  {% if description %}<meta name="description" content="{{ description }}">{% endif %}
  <link rel="alternate" type="application/rss+xml" href="/feed.xml" title="{{ metadata.title }}">
</head>
<body>
  <header><a href="/">{{ metadata.title }}</a></header>
  <main>
    {% if page.inputPath.includes("/posts/") %}
    <article>
      <h1>{{ title }}</h1>
      <p><time datetime="{{ page.date.toISOString() }}">{{ page.date.toUTCString() }}</time>
        · {% for tag in tags %}<span>{{ tag }}</span> {% endfor %}</p>
      {% if image %}<img src="{{ image.src }}" alt="{{ image.alt }}">{% endif %}
      {{ content | safe }}
    </article>
    {% else %}
    {{ content | safe }}
    {% endif %}
  </main>
</body>
</html>
`;

const INDEX = `---
layout: base.njk
title: Latest news
---
<h1>{{ title }}</h1>
<ol reversed>
{%- for post in collections.posts | reverse %}
  <li><a href="{{ post.url }}">{{ post.data.title }}</a>
    <time datetime="{{ post.date.toISOString() }}">{{ post.date.toUTCString() }}</time>
    <p>{{ post.data.description }}</p></li>
{%- endfor %}
</ol>
`;

// A hand-written RSS 2.0 template rather than the plugin's virtual feed, so
// the baseline stays a plain template + filters, as most sites write it.
const FEED = `---
permalink: /feed.xml
eleventyExcludeFromCollections: true
---
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>{{ metadata.title }}</title>
  <link>{{ metadata.url }}</link>
  <atom:link href="{{ permalink | absoluteUrl(metadata.url) }}" rel="self" type="application/rss+xml"/>
  <description>{{ metadata.description }}</description>
  <language>{{ metadata.language }}</language>
  <lastBuildDate>{{ collections.posts | getNewestCollectionItemDate | dateToRfc822 }}</lastBuildDate>
  {%- for post in collections.posts.slice(-20) | reverse %}
  {%- set absolutePostUrl = post.url | absoluteUrl(metadata.url) %}
  <item>
    <title>{{ post.data.title }}</title>
    <link>{{ absolutePostUrl }}</link>
    <guid>{{ absolutePostUrl }}</guid>
    <pubDate>{{ post.date | dateToRfc822 }}</pubDate>
    <description>{{ post.content | htmlToAbsoluteUrls(absolutePostUrl) }}</description>
  </item>
  {%- endfor %}
</channel>
</rss>
`;

export function bareEleventy(projectRoot: string, pictures = false): Builder {
  return {
    id: "bare",
    label: "bare Eleventy",
    skipReason: () => null,
    setup(dir, postsDir) {
      linkInto(dir, join(projectRoot, "node_modules"), "node_modules");
      writeFileSync(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }, null, 2));
      writeFileSync(join(dir, "eleventy.config.js"), config(pictures));
      mkdirSync(join(dir, "_includes"));
      mkdirSync(join(dir, "_data"));
      writeFileSync(join(dir, "_includes", "base.njk"), LAYOUT);
      writeFileSync(join(dir, "_data", "metadata.json"), JSON.stringify(METADATA, null, 2));
      writeFileSync(join(dir, "index.njk"), INDEX);
      writeFileSync(join(dir, "feed.njk"), FEED);
      copyPosts(postsDir, join(dir, "posts"));
      writeFileSync(join(dir, "posts", "posts.json"), JSON.stringify({ layout: "base.njk" }));
    },
    build: () => ({ cmd: process.execPath, args: ["node_modules/@11ty/eleventy/cmd.cjs", "--quiet"] }),
    outDir: (dir) => join(dir, "_site"),
    postFile: (dir, slug) => join(dir, "posts", `${slug}.md`),
    watch: () => ({ cmd: process.execPath, args: ["node_modules/@11ty/eleventy/cmd.cjs", "--watch", "--incremental"] }),
  };
}

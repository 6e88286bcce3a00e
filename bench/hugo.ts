// Hugo as an outside yardstick: the same posts with templates equivalent to
// the bare Eleventy baseline (one layout, an index, an RSS feed of 20).
// Optional: skipped when `hugo` is not on PATH.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyPosts } from "./builder.ts";
import type { Builder } from "./builder.ts";

// Tag, section and sitemap pages are switched off because the Eleventy
// baseline renders none of them; otherwise Hugo would do more work.
const CONFIG = `baseURL = "https://example.com/"
title = "Bench News"
languageCode = "en"
disableKinds = ["taxonomy", "term", "section", "sitemap", "robotsTXT", "404"]

[params]
description = "Synthetic posts for the build benchmark."

[outputs]
home = ["HTML", "RSS"]
page = ["HTML"]
`;

const BASEOF = `<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ .Title }} · {{ site.Title }}</title>
  {{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
  <link rel="alternate" type="application/rss+xml" href="/index.xml" title="{{ site.Title }}">
</head>
<body>
  <header><a href="/">{{ site.Title }}</a></header>
  <main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`;

const SINGLE = `{{ define "main" }}
<article>
  <h1>{{ .Title }}</h1>
  <p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 MST" }}</time>
    · {{ range .Params.tags }}<span>{{ . }}</span> {{ end }}</p>
  {{ .Content }}
</article>
{{ end }}
`;

const LIST = `{{ define "main" }}
<h1>Latest news</h1>
<ol reversed>
{{- range site.RegularPages.ByDate.Reverse }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
    <time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 MST" }}</time>
    <p>{{ .Description }}</p></li>
{{- end }}
</ol>
{{ end }}
`;

// Written out (rather than Hugo's built-in RSS + a limit setting) because the
// limit setting was renamed across Hugo versions; \`first 20\` works in all.
const RSS = `{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>{{ site.Title }}</title>
  <link>{{ .Permalink }}</link>
  <atom:link href="{{ .Permalink }}index.xml" rel="self" type="application/rss+xml"/>
  <description>{{ site.Params.description }}</description>
  <language>{{ site.LanguageCode }}</language>
  {{- $posts := first 20 site.RegularPages.ByDate.Reverse }}
  {{- with index $posts 0 }}
  <lastBuildDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</lastBuildDate>
  {{- end }}
  {{- range $posts }}
  <item>
    <title>{{ .Title }}</title>
    <link>{{ .Permalink }}</link>
    <guid>{{ .Permalink }}</guid>
    <pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
    <description>{{ .Content | html }}</description>
  </item>
  {{- end }}
</channel>
</rss>
`;

let cachedVersion: string | null | undefined;

/** `hugo version`'s first line, or null when Hugo is not installed. */
export function hugoVersion(): string | null {
  if (cachedVersion === undefined) {
    const r = spawnSync("hugo", ["version"], { encoding: "utf8" });
    cachedVersion = r.status === 0 ? (r.stdout.trim().split("\n")[0] ?? "hugo") : null;
  }
  return cachedVersion;
}

export function hugo(): Builder {
  return {
    id: "hugo",
    label: "Hugo",
    skipReason: () => (hugoVersion() ? null : "`hugo` is not on PATH (Debian: apt-get install hugo)"),
    setup(dir, postsDir) {
      writeFileSync(join(dir, "hugo.toml"), CONFIG);
      const layouts = join(dir, "layouts", "_default");
      mkdirSync(layouts, { recursive: true });
      writeFileSync(join(layouts, "baseof.html"), BASEOF);
      writeFileSync(join(layouts, "single.html"), SINGLE);
      writeFileSync(join(layouts, "list.html"), LIST);
      writeFileSync(join(dir, "layouts", "index.rss.xml"), RSS);
      copyPosts(postsDir, join(dir, "content", "posts"));
    },
    // --noBuildLock: the lock file is pointless for one-shot builds in a temp dir.
    build: () => ({ cmd: "hugo", args: ["--quiet", "--noBuildLock", "--destination", "public"] }),
    outDir: (dir) => join(dir, "public"),
    postFile: (dir, slug) => join(dir, "content", "posts", `${slug}.md`),
  };
}

/**
 * Who signs a story: the people its `author:` names, from site.yaml's
 * `authors:`, or the newsroom when it names nobody. The byline on the page,
 * the feeds' authors and the JSON-LD all take it from here, so they never
 * disagree about who wrote what.
 */
import { addresses } from "./addresses.ts";
import { absoluteUrl, type SiteMetadata } from "./settings.ts";

export interface Credit {
  name: string;
  /** Where the name links: the person's page on this site, or the newsroom's page; absolute. */
  url: string;
  /** The person's key in site.yaml; none for the newsroom. */
  key?: string;
  /** The person's own page elsewhere, from site.yaml's `link:`. */
  link?: string;
}

/** The credits for a post's `author:` keys, in the order written; validation has made sure each key is known. */
export function creditsOf(site: Pick<SiteMetadata, "url" | "author" | "authors">, keys: readonly string[] | undefined): Credit[] {
  if (!keys?.length) return [{ name: site.author.name, url: site.author.url }];
  return keys.map((key) => {
    const person = site.authors[key];
    return {
      key,
      name: person?.name ?? key,
      url: absoluteUrl(site, addresses.author(key)),
      ...(person?.link ? { link: person.link } : {}),
    };
  });
}

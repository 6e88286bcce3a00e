/**
 * What may be the address a site is published under: an absolute http(s)
 * origin. The site is built for the root of its host, so an address with a
 * path, a query or a user name would leave every link it makes pointing at
 * the wrong place; it is refused rather than cut short. And what may be the
 * address of a page the settings link to.
 */

export const ORIGIN_HINT = "an address like https://news.example.org (http or https, nothing after the host name)";

/** The origin `value` names, without a trailing slash; undefined when it is not a bare http(s) origin. */
export function siteOrigin(value: string): string | undefined {
  if (!/^https?:\/\/[^\s/?#]+\/?$/i.test(value) || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.username !== "" || url.password !== "") return undefined;
  return url.origin;
}

export const PAGE_HINT = "a path on this site like /about/, or an address like https://example.org/newsroom/";

/** A path on this site (/about/) or an absolute http(s) address elsewhere: nothing a link could run. */
export function isPageAddress(value: string): boolean {
  if (/^\/(?!\/)\S*$/.test(value)) return true;
  return /^https?:\/\/\S+$/i.test(value) && URL.canParse(value);
}

/**
 * htmlparser2's Parser, loaded on first use. Only a post with raw HTML needs
 * it and most posts have none, so `npm run check` usually skips its load
 * (about 30 ms on Node 24, more under tsx). The checks are synchronous, so
 * it comes through require(), which gives the package's CommonJS build.
 */
import { createRequire } from "node:module";
import type { Parser } from "htmlparser2";

let parserClass: typeof Parser | undefined;

export function loadHtmlParser(): typeof Parser {
  parserClass ??= (createRequire(import.meta.url)("htmlparser2") as typeof import("htmlparser2")).Parser;
  return parserClass;
}

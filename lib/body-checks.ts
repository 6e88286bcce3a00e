/**
 * Checks on a post's Markdown body that the schema cannot see: constructs that
 * would render as broken or raw text, and raw HTML that could attack a reader.
 * Lines are 1-based within the body.
 */
import { checkRawHtml } from "./html-safety.ts";

export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})/;

export function checkBody(body: string): BodyProblem[] {
  const problems: BodyProblem[] = [];
  if (body.trim() === "") {
    problems.push({ line: 1, column: 1, message: "expected the article text after the closing `---`, found an empty body" });
    return problems;
  }
  problems.push(...unclosedFences(body.split("\n")));
  problems.push(...checkRawHtml(body));
  return problems;
}

/** An unclosed code fence swallows the rest of the article into a code block. */
function unclosedFences(lines: string[]): BodyProblem[] {
  let open: { line: number; marker: string } | undefined;
  lines.forEach((text, index) => {
    const match = FENCE_OPEN.exec(text);
    if (!match) return;
    const marker = match[2] ?? "";
    if (!open) open = { line: index + 1, marker };
    else if (marker[0] === open.marker[0] && marker.length >= open.marker.length && text.trim() === marker) open = undefined;
  });
  return open
    ? [{ line: open.line, column: 1, message: `expected a closing ${open.marker} for the code block opened here, found the end of the file` }]
    : [];
}

/**
 * Raw HTML in a post body: allowed for trusted authors, but nothing that runs
 * code or frames other sites. Lines are 1-based within the body.
 */
import type { BodyProblem } from "./body-checks.ts";

export function checkRawHtml(_body: string): BodyProblem[] {
  return [];
}

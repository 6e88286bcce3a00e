/** `npm run build`: the production build, with author-readable errors. */
import { build } from "../lib/publish/build.ts";
import { formatFailure } from "../lib/checks/problems.ts";

const started = performance.now();
try {
  await build();
  console.log(`Built the site into _site/ in ${((performance.now() - started) / 1000).toFixed(2)} s`);
} catch (error) {
  // A problem in a post, a full disk or a missing permission is said in plain words, not as a stack.
  console.error(formatFailure(error));
  process.exitCode = 1;
}

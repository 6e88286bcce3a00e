/**
 * `npm start`: the live preview at http://localhost:8080 (lib/preview/server.ts),
 * for this machine only. `--lan` serves it to the network too (to read it on
 * a phone; drafts included); `--port N` serves elsewhere; `--watch` rebuilds
 * without serving, as the tests and the bench run it.
 */
import { parseArgs } from "node:util";
import { formatFailure } from "../lib/checks/problems.ts";
import { recoverOutput } from "../lib/publish/output-folder.ts";
import { startPreview } from "../lib/preview/server.ts";

const { values } = parseArgs({
  options: { port: { type: "string" }, watch: { type: "boolean", default: false }, lan: { type: "boolean", default: false } },
});
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`--port: expected a port number from 1 to 65535, found "${values.port}"`);
  process.exit(2);
}
try {
  // A build killed mid-swap may have left the last complete site aside, and half-written folders about.
  await recoverOutput("_site");
  const preview = await startPreview({ server: !values.watch, port, lan: values.lan });
  process.on("SIGINT", () => void preview.stop());
} catch (error) {
  console.error(formatFailure(error));
  process.exitCode = 1;
}

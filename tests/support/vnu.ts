// The W3C Nu Html Checker, run from the jar that the vnu-jar package ships.
// We call the system `java` ourselves: the package's own launcher would try to
// download a Java runtime when it finds none, and tests must stay offline.
import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface VnuMessage {
  file: string;
  line: number;
  message: string;
}

interface RawMessage {
  type: string;
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  message: string;
}

const require = createRequire(import.meta.url);
/** Absolute path of vnu.jar; the package exports it as a String object. */
const vnuJarPath: string = String(require("vnu-jar"));

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile(cmd, args, { maxBuffer: 256 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) fail(new Error(`${cmd} ${args.slice(0, 4).join(" ")} … failed: ${error.message}\n${stderr}`));
      else done(stderr);
    });
  });
}

/**
 * Check HTML files (or folders, which vnu walks for *.html) in a single Java
 * process, since JVM start-up dominates the cost. Returns errors only.
 */
export async function validateHtml(paths: string[]): Promise<VnuMessage[]> {
  if (paths.length === 0) return [];
  const absolute = paths.map((p) => resolve(p));
  // vnu skips a missing path without a word, which would pass vacuously.
  for (const path of absolute) {
    if (!(await stat(path).catch(() => undefined))) throw new Error(`vnu: no such file: ${path}`);
  }
  const java = process.env.JAVA ?? "java";
  const args = [
    // vnu's schema evaluation is deeply recursive; below the 1 MB default it
    // overflows even on small pages, so give deep documents headroom.
    "-Xss4m",
    "-jar",
    vnuJarPath,
    "--format",
    "json",
    "--errors-only",
    "--exit-zero-always",
    "--skip-non-html",
    "--",
    ...absolute,
  ];
  const stderr = await run(java, args);
  // The JSON report is the last line; the JVM may print notices before it.
  const report = stderr.trim().split("\n").at(-1) ?? "";
  let parsed: { messages: RawMessage[] };
  try {
    parsed = JSON.parse(report) as { messages: RawMessage[] };
  } catch {
    throw new Error(`vnu printed no JSON report:\n${stderr}`);
  }
  return parsed.messages
    .filter((m) => m.type === "error" || m.type === "non-document-error")
    .map((m) => ({
      file: m.url?.startsWith("file:") ? fileURLToPath(m.url) : (m.url ?? ""),
      line: m.firstLine ?? m.lastLine ?? 0,
      message: m.type === "error" ? m.message : `${m.subType ?? "internal"}: ${m.message}`,
    }));
}

/** One line per message, for readable assertion failures. */
export function formatVnu(messages: VnuMessage[]): string {
  return messages.map((m) => `${m.file}:${m.line}: ${m.message}`).join("\n");
}

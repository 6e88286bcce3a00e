// Incremental rebuild latency of a watching Eleventy: edit one post, time
// until Eleventy's log says the rebuild is done. The clock starts at the
// write, so it includes the file watcher's own delay, as an author feels it.
import { spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import type { Builder } from "./builder.ts";

export interface WatchResult {
  firstBuildMs: number;
  /** write → "Wrote N files" line */
  wroteMs: number[];
  /** write → "Watching…" line, the end of the rebuild */
  rebuildMs: number[];
  rebuildLine: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function watchCheck(builder: Builder, dir: string, slug: string, edits = 3): Promise<WatchResult> {
  const command = builder.watch?.(dir);
  if (!command) throw new Error(`${builder.label} has no watch command`);
  // Own process group, so stopping it also stops anything it spawned.
  const child = spawn(command.cmd, command.args, {
    cwd: dir, env: command.env ?? process.env, detached: true, stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Array<{ at: number; text: string }> = [];
  let exited = false;
  let pending = "";
  const onData = (chunk: Buffer): void => {
    const parts = (pending + chunk.toString()).split("\n");
    pending = parts.pop() ?? "";
    for (const text of parts) lines.push({ at: performance.now(), text });
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  child.on("close", () => (exited = true));

  const waitFor = async (re: RegExp, from: number, timeoutMs: number): Promise<{ at: number; text: string }> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const hit = lines.slice(from).find((l) => re.test(l.text));
      if (hit) return hit;
      if (exited) {
        // Eleventy numbers its error causes "1. …", "2. …"; those say why.
        const why = lines.filter((l) => /^\S*\s*\d\. /.test(l.text.replace(/^\[11ty\]\s*/, ""))).map((l) => l.text.replace(/^\[11ty\]\s*/, ""));
        throw new Error(`watcher exited before ${re}: ${why.join(" ") || (lines.at(-1)?.text ?? "no output")}`);
      }
      if (performance.now() > deadline) throw new Error(`${builder.label}: no ${re} within ${timeoutMs} ms`);
      await sleep(5);
    }
  };

  try {
    const started = performance.now();
    const first = await waitFor(/Watching/, 0, 10 * 60_000);
    const result: WatchResult = { firstBuildMs: first.at - started, wroteMs: [], rebuildMs: [], rebuildLine: "" };
    for (let i = 1; i <= edits; i++) {
      // Let the watcher settle so one edit is never merged into the last.
      await sleep(1500);
      const from = lines.length;
      const at = performance.now();
      appendFileSync(builder.postFile(dir, slug), `\nWatch-check edit ${i} — one more sentence.\n`);
      const wrote = await waitFor(/Wrote \d+ files?/, from, 120_000);
      const done = await waitFor(/Watching/, from, 120_000);
      result.wroteMs.push(wrote.at - at);
      result.rebuildMs.push(done.at - at);
      result.rebuildLine = wrote.text.replace(/^.*?\] /, "").trim();
    }
    return result;
  } finally {
    await stop(child.pid, () => exited);
  }
}

async function stop(pid: number | undefined, hasExited: () => boolean): Promise<void> {
  if (pid === undefined || hasExited()) return;
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-pid, sig);
    } catch {
      // group already gone
    }
  };
  signal("SIGTERM");
  for (let waited = 0; waited < 5000 && !hasExited(); waited += 50) await sleep(50);
  if (!hasExited()) signal("SIGKILL");
}

// Incremental rebuild latency of a watching Eleventy: edit one post, time
// until Eleventy's log says the rebuild is done; then add a new post and
// delete it again. The clock starts at the write, so it includes the file
// watcher's own delay, as an author feels it.
import { spawn } from "node:child_process";
import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import type { Builder } from "./builder.ts";
import type { GeneratedPost } from "./generate-posts.ts";

export interface WatchResult {
  firstBuildMs: number;
  /** write → "Wrote N files" line */
  wroteMs: number[];
  /** write → "Watching…" line, the end of the rebuild */
  rebuildMs: number[];
  rebuildLine: string;
  /** New post written → "Watching…", and its "Wrote" line. */
  addMs: number;
  addLine: string;
  /** That post deleted → "Watching…", and its "Wrote" line; null if no rebuild followed (Eleventy 3.1's own watcher ignores deletions). */
  deleteMs: number | null;
  deleteLine: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function watchCheck(builder: Builder, dir: string, slug: string, newPost: GeneratedPost, edits = 3): Promise<WatchResult> {
  const command = builder.watch?.(dir);
  if (!command) throw new Error(`${builder.label} has no watch command`);
  // Own process group, so stopping it also stops anything it spawned.
  const child = spawn(command.cmd, command.args, {
    cwd: dir,
    env: command.env ?? process.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
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
        const why = lines
          .filter((l) => /^\S*\s*\d\. /.test(l.text.replace(/^\[11ty\]\s*/, "")))
          .map((l) => l.text.replace(/^\[11ty\]\s*/, ""));
        throw new Error(`watcher exited before ${re}: ${why.join(" ") || (lines.at(-1)?.text ?? "no output")}`);
      }
      if (performance.now() > deadline) throw new Error(`${builder.label}: no ${re} within ${timeoutMs} ms`);
      await sleep(5);
    }
  };

  try {
    const started = performance.now();
    const first = await waitFor(/Watching/, 0, 10 * 60_000);
    // One change to the site, timed from the write to the end of the rebuild.
    const change = async (write: () => void, timeoutMs = 120_000) => {
      // Let the watcher settle so one change is never merged into the last.
      await sleep(1500);
      const from = lines.length;
      const at = performance.now();
      write();
      const wrote = await waitFor(/Wrote \d+ files?/, from, timeoutMs);
      const done = await waitFor(/Watching/, from, timeoutMs);
      return { wroteMs: wrote.at - at, doneMs: done.at - at, line: wrote.text.replace(/^.*?\] /, "").trim() };
    };
    const result: WatchResult = {
      firstBuildMs: first.at - started,
      wroteMs: [],
      rebuildMs: [],
      rebuildLine: "",
      addMs: 0,
      addLine: "",
      deleteMs: 0,
      deleteLine: "",
    };
    const post = builder.postFile(dir, slug);
    for (let i = 1; i <= edits; i++) {
      const edit = await change(() => appendFileSync(post, `\nWatch-check edit ${i} — one more sentence.\n`));
      result.wroteMs.push(edit.wroteMs);
      result.rebuildMs.push(edit.doneMs);
      result.rebuildLine = edit.line;
    }
    const added = builder.postFile(dir, newPost.slug);
    const add = await change(() => writeFileSync(added, newPost.markdown));
    Object.assign(result, { addMs: add.doneMs, addLine: add.line });
    // A watcher that ignores deletions never starts a rebuild; one that does takes at most about as long as its first build.
    const remove = await change(() => rmSync(added), Math.max(10_000, 2 * result.firstBuildMs)).catch((error: unknown) => {
      if (exited) throw error;
      return null;
    });
    Object.assign(result, { deleteMs: remove?.doneMs ?? null, deleteLine: remove?.line ?? "no rebuild" });
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

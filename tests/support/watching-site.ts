/**
 * The live preview on a scratch site, as `npm start` runs it minus the server
 * (scripts/preview.ts --watch), or with it on a given port: a rebuild is done
 * when Eleventy logs "Watching…" again.
 */
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { buildEnv } from "./scratch-site.ts";

export interface WatchingSite {
  /** The log of the first build, up to its "Watching…" (or the server's start). */
  startLog(): string;
  /** Runs `change`, then waits for the rebuild it starts; returns that rebuild's log. */
  rebuildAfter(change: () => Promise<void>): Promise<string>;
  stop(): Promise<void>;
}

const WATCHING = /Watching…/;
/** What the dev server logs once it listens (on the next port, should the one asked for be taken). */
export const SERVER_AT = /Server at http:\/\/localhost:(\d+)\//;

/** With `port`, the dev server is started too, and the site is ready once it listens. */
export async function watchSite(root: string, env: NodeJS.ProcessEnv = {}, port?: number): Promise<WatchingSite> {
  const child = spawn(
    process.execPath,
    ["--import", "./scripts/typescript.js", "scripts/preview.ts", ...(port === undefined ? ["--watch"] : ["--port", String(port)])],
    // Own process group, so stopping it also stops anything it started.
    { cwd: root, env: buildEnv(env), detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  let exited = false;
  child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.on("close", () => (exited = true));

  const waitForBuild = async (from: number, done = WATCHING): Promise<string> => {
    for (let waited = 0; waited < 120_000; waited += 20) {
      const since = log.slice(from);
      if (done.test(since)) return since;
      if (exited) throw new Error(`Eleventy exited:\n${log}`);
      await sleep(20);
    }
    throw new Error(`No rebuild within two minutes:\n${log.slice(from)}`);
  };

  const started = await waitForBuild(0, port === undefined ? WATCHING : SERVER_AT);
  return {
    startLog: () => started,
    async rebuildAfter(change) {
      // Eleventy's watcher waits for a write to settle; a pause keeps two changes from merging into one rebuild.
      await sleep(500);
      const from = log.length;
      await change();
      return waitForBuild(from);
    },
    async stop() {
      if (exited || child.pid === undefined) return;
      process.kill(-child.pid, "SIGTERM");
      for (let waited = 0; waited < 5000 && !exited; waited += 50) await sleep(50);
      if (!exited) process.kill(-child.pid, "SIGKILL");
    },
  };
}

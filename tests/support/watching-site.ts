/**
 * The live preview on a scratch site, as `npm start` runs it minus the server
 * (scripts/preview.ts --watch): a rebuild is done when Eleventy logs
 * "Watching…" again.
 */
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { buildEnv } from "./scratch-site.ts";

export interface WatchingSite {
  /** The log of the first build, up to its "Watching…". */
  startLog(): string;
  /** Runs `change`, then waits for the rebuild it starts; returns that rebuild's log. */
  rebuildAfter(change: () => Promise<void>): Promise<string>;
  stop(): Promise<void>;
}

const WATCHING = /Watching…/;

export async function watchSite(root: string, env: NodeJS.ProcessEnv = {}): Promise<WatchingSite> {
  const child = spawn(
    process.execPath,
    ["--import", "./scripts/typescript.js", "scripts/preview.ts", "--watch"],
    // Own process group, so stopping it also stops anything it started.
    { cwd: root, env: buildEnv(env), detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  let exited = false;
  child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.on("close", () => (exited = true));

  const waitForBuild = async (from: number): Promise<string> => {
    for (let waited = 0; waited < 120_000; waited += 20) {
      const since = log.slice(from);
      if (WATCHING.test(since)) return since;
      if (exited) throw new Error(`Eleventy exited:\n${log}`);
      await sleep(20);
    }
    throw new Error(`No rebuild within two minutes:\n${log.slice(from)}`);
  };

  const started = await waitForBuild(0);
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

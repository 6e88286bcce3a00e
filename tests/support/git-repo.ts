/**
 * A real git repository in a folder, with commits at chosen dates. The
 * identity is set in the repository itself: CI machines may have none.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export interface GitRepo {
  root: string;
  git(...args: string[]): string;
  /** Writes the files, stages exactly them, and commits at `date` (author and committer). */
  commit(date: string, message: string, files: Record<string, string>): Promise<void>;
}

export function gitEnv(date?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0" };
  for (const key of Object.keys(env)) if (key.startsWith("GIT_") && key.endsWith("_DATE")) delete env[key];
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return env;
}

function openRepo(root: string): GitRepo {
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: root, encoding: "utf8", env: gitEnv(), stdio: ["ignore", "pipe", "pipe"] });
  return {
    root,
    git,
    async commit(date, message, files) {
      for (const [name, content] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(root, name)), { recursive: true });
        await writeFile(path.join(root, name), content);
      }
      execFileSync("git", ["add", "--", ...Object.keys(files)], { cwd: root, env: gitEnv() });
      execFileSync("git", ["commit", "-q", "-m", message], { cwd: root, env: gitEnv(date) });
    },
  };
}

export function initRepo(root: string): GitRepo {
  mkdirSync(root, { recursive: true });
  const repo = openRepo(root);
  repo.git("init", "-q");
  repo.git("config", "user.name", "Test Author");
  repo.git("config", "user.email", "author@example.org");
  repo.git("config", "commit.gpgsign", "false");
  return repo;
}

import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readGitHistory } from "../../../lib/content/git-dates.ts";
import { gitEnv, initRepo, type GitRepo } from "../../support/git-repo.ts";

const post = (title: string, text: string) => `---\ntitle: ${title}\ndate: 2024-01-01\ndescription: A post.\n---\n\n${text}\n`;

let workspace: string;
let repo: GitRepo;

// One repository shared by every case: the site lives in site/, one level
// below the repository root, as it would in a monorepo.
beforeAll(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), "git-dates-"));
  repo = initRepo(path.join(workspace, "repo"));
  await repo.commit("2024-01-01T09:00:00Z", "once", { "site/posts/once.md": post("Once", "Only committed once.") });
  await repo.commit("2024-01-02T09:00:00Z", "twice: add", { "site/posts/twice.md": post("Twice", "First version.") });
  await repo.commit("2024-02-03T10:30:00+02:00", "twice: edit", { "site/posts/twice.md": post("Twice", "Second version.") });
  await repo.commit("2024-03-01T09:00:00Z", "unrelated", { "site/README.md": "not a post\n", "other/posts/twice.md": "elsewhere\n" });
  await repo.commit("2024-04-01T09:00:00Z", "thrice: add", { "site/posts/2024/thrice.md": post("Thrice", "One.") });
  await repo.commit("2024-04-02T09:00:00Z", "thrice: edit", { "site/posts/2024/thrice.md": post("Thrice", "Two.") });
  await repo.commit("2024-04-03T09:00:00Z", "thrice: edit again", { "site/posts/2024/thrice.md": post("Thrice", "Three.") });
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

const clone = (name: string, depth: number) => {
  const target = path.join(workspace, name);
  execFileSync("git", ["clone", "-q", `--depth=${depth}`, pathToFileURL(path.join(workspace, "repo")).href, target], { env: gitEnv() });
  return path.join(target, "site");
};

describe("readGitHistory with full history", () => {
  it("gives the newest modifying commit's date, in UTC, for each post", async () => {
    const history = await readGitHistory(path.join(repo.root, "site"), "posts");
    expect(history.revisedAt("posts/twice.md")?.toISOString()).toBe("2024-02-03T08:30:00.000Z");
    expect(history.revisedAt("posts/2024/thrice.md")?.toISOString()).toBe("2024-04-03T09:00:00.000Z");
  });

  it("does not count the commit that added a post as a revision", async () => {
    expect((await readGitHistory(path.join(repo.root, "site"), "posts")).revisedAt("posts/once.md")).toBeUndefined();
  });

  it("ignores files outside the folder, and knows nothing of files git does not track", async () => {
    const history = await readGitHistory(path.join(repo.root, "site"), "posts");
    expect(history.revisedAt("README.md")).toBeUndefined();
    expect(history.revisedAt("posts/never-committed.md")).toBeUndefined();
  });
});

describe("readGitHistory without full history", () => {
  it("in a depth-1 clone, ignores the boundary commit that appears to add every file", async () => {
    const history = await readGitHistory(clone("depth-1", 1), "posts");
    for (const file of ["posts/once.md", "posts/twice.md", "posts/2024/thrice.md"]) expect(history.revisedAt(file)).toBeUndefined();
  });

  it("in a deeper shallow clone, still finds the revisions inside its depth", async () => {
    const history = await readGitHistory(clone("depth-2", 2), "posts");
    expect(history.revisedAt("posts/2024/thrice.md")?.toISOString()).toBe("2024-04-03T09:00:00.000Z");
    expect(history.revisedAt("posts/twice.md")).toBeUndefined();
  });

  it("outside any repository (an unpacked tarball), reports no dates and does not throw", async () => {
    const unpacked = path.join(workspace, "tarball");
    await cp(path.join(repo.root, "site"), unpacked, { recursive: true });
    expect((await readGitHistory(unpacked, "posts")).revisedAt("posts/twice.md")).toBeUndefined();
  });

  it("in a repository with no commits yet, reports no dates", async () => {
    const fresh = initRepo(path.join(workspace, "fresh"));
    expect((await readGitHistory(fresh.root, "posts")).revisedAt("posts/twice.md")).toBeUndefined();
  });
});

describe("readGitHistory in a process that builds again (the live preview)", () => {
  it("reads history again only when HEAD has moved", async () => {
    const live = initRepo(path.join(workspace, "live"));
    await live.commit("2024-05-01T09:00:00Z", "add", { "posts/story.md": post("Story", "One.") });
    const before = await readGitHistory(live.root, "posts");
    expect(await readGitHistory(live.root, "posts")).toBe(before);
    expect(before.revisedAt("posts/story.md")).toBeUndefined();

    await live.commit("2024-05-02T09:00:00Z", "edit", { "posts/story.md": post("Story", "Two.") });
    const after = await readGitHistory(live.root, "posts");
    expect(after).not.toBe(before);
    expect(after.revisedAt("posts/story.md")?.toISOString()).toBe("2024-05-02T09:00:00.000Z");
  });

  it("starts no git process while HEAD's reflog is unchanged, and reads again after a commit or a checkout", async () => {
    const live = initRepo(path.join(workspace, "quiet"));
    await live.commit("2024-05-01T09:00:00Z", "add", { "posts/story.md": post("Story", "One.") });
    // A git on PATH that notes each time it runs, then runs the real one.
    const bin = path.join(workspace, "bin");
    await mkdir(bin, { recursive: true });
    const calls = path.join(workspace, "git-calls");
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    await writeFile(path.join(bin, "git"), `#!/bin/sh\necho "$1" >> "${calls}"\nexec "${realGit}" "$@"\n`, { mode: 0o755 });
    const counted = async (read: () => Promise<unknown>) => {
      await writeFile(calls, "");
      const savedPath = process.env.PATH;
      process.env.PATH = `${bin}${path.delimiter}${savedPath ?? ""}`;
      try {
        await read();
      } finally {
        process.env.PATH = savedPath;
      }
      return (await readFile(calls, "utf8")).split("\n").filter(Boolean).length;
    };
    const read = () => readGitHistory(live.root, "posts");

    expect(await counted(read), "the first read asks git").toBeGreaterThan(0);
    await counted(read);
    expect(await counted(read), "HEAD has not moved").toBe(0);

    await live.commit("2024-05-02T09:00:00Z", "edit", { "posts/story.md": post("Story", "Two.") });
    expect(await counted(read), "after a commit").toBeGreaterThan(0);
    expect((await read()).revisedAt("posts/story.md")?.toISOString()).toBe("2024-05-02T09:00:00.000Z");

    live.git("checkout", "-q", "HEAD~1");
    expect(await counted(read), "after a checkout").toBeGreaterThan(0);
    expect((await read()).revisedAt("posts/story.md")).toBeUndefined();
  });
});

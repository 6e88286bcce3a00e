/**
 * `npm run check` as a pre-commit hook, installed exactly as WRITING.md tells
 * authors to: a commit with a bad post is refused with the problem named, the
 * same commit goes through once the post is fixed.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initRepo, type GitRepo } from "../../support/git-repo.ts";
import { createScratchSite, type RunResult, type ScratchSite } from "../../support/scratch-site.ts";

const post = (draft: string) => `---
title: Harbour reopens
date: 2024-01-10
description: Boats are back.
draft: ${draft}
---

The harbour reopened on Tuesday.
`;

/** The shell lines WRITING.md gives for installing the hook. */
function hookInstructions(): string {
  const guide = readFileSync(new URL("../../../WRITING.md", import.meta.url), "utf8");
  const blocks = [...guide.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
  const install = blocks.find((block) => block.includes(".git/hooks/pre-commit"));
  if (!install) throw new Error("WRITING.md has no pre-commit hook instructions");
  return install;
}

let site: ScratchSite;
let repo: GitRepo;
let installed: RunResult;
let clean: RunResult;
let refused: RunResult;
let headAfterRefusal: string;
let accepted: RunResult;

const commit = (message: string) => site.run("git", ["commit", "-m", message]);

beforeAll(async () => {
  site = await createScratchSite({ "first.md": post("false").replace("Harbour reopens", "First") });
  repo = initRepo(site.root);
  // A machine-wide hooksPath would bypass .git/hooks; this repository uses its own.
  repo.git("config", "core.hooksPath", ".git/hooks");
  installed = await site.run("sh", ["-c", hookInstructions()]);
  clean = await site.run(process.execPath, ["--import", "./scripts/typescript.js", "scripts/check.ts"]);
  repo.git("add", "posts/first.md");
  expect((await commit("First post")).code).toBe(0);

  await site.writePost("harbour.md", post('"false"'));
  repo.git("add", "posts/harbour.md");
  refused = await commit("Harbour story");
  headAfterRefusal = repo.git("log", "--format=%s");

  await site.writePost("harbour.md", post("false"));
  repo.git("add", "posts/harbour.md");
  accepted = await commit("Harbour story");
});

afterAll(async () => {
  await site?.remove();
});

describe("npm run check", () => {
  it("passes a clean site with a one-line summary", () => {
    expect(clean.code).toBe(0);
    expect(clean.stdout.trim()).toBe("Checked 1 post: no problems.");
  });
});

describe("the pre-commit hook from WRITING.md", () => {
  it("installs", () => {
    expect(installed.code).toBe(0);
  });

  it("refuses a commit with a bad post, naming file, line and field", () => {
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('posts/harbour.md:5:1: draft: expected true or false (not in quotes), found the text "false"');
    expect(headAfterRefusal.trim().split("\n")).toEqual(["First post"]);
  });

  it("lets the commit through once the post is fixed", () => {
    expect(accepted.code).toBe(0);
    expect(repo.git("log", "--format=%s").trim().split("\n")).toEqual(["Harbour story", "First post"]);
  });
});

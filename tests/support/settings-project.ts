// Project folders holding only a site.yaml, for the unit tests of lib/site/:
// a good file to start from, and each folder removed after the test file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

export const GOOD_SETTINGS = `title: The Harbour Times
description: News from the harbour.
language: en-GB
author:
  name: Harbour desk
  url: /about/
url: https://news.example.org/
pageSize: 12
feedLimit: 30
`;

/** GOOD_SETTINGS with one line replaced, or dropped when `to` is undefined. */
export const changedSettings = (line: string, to?: string) => GOOD_SETTINGS.replace(`${line}\n`, to === undefined ? "" : `${to}\n`);

const roots: string[] = [];
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project folder holding only this site.yaml. */
export function projectWith(settings: string): string {
  const root = mkdtempSync(path.join(tmpdir(), "site-settings-"));
  roots.push(root);
  writeFileSync(path.join(root, "site.yaml"), settings);
  return root;
}

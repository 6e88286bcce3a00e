import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchSite, type RunResult, type ScratchSite } from "../../support/scratch-site.ts";

const GOOD = `---
title: A good post
date: 2024-01-02
description: Nothing wrong here.
---

Body text.
`;

const BROKEN = `---
title: 42
date: last Tuesday
description: Two things are wrong above.
tags: [ok]
---

Body text.
`;

let site: ScratchSite;
let result: RunResult;

beforeAll(async () => {
  site = await createScratchSite({ "good.md": GOOD, "broken.md": BROKEN });
  result = await site.build({ CONTEXT: "production" });
});
afterAll(() => site.remove());

describe("a build with a broken post", () => {
  it("exits non-zero", () => {
    expect(result.code).not.toBe(0);
  });

  it("names file, line, column and field with what was expected and what was found, for every problem", () => {
    expect(result.stderr).toContain("posts/broken.md:2:1: title: expected the headline as text, found the number 42");
    expect(result.stderr).toContain(
      'posts/broken.md:3:1: date: expected a date like 2018-06-14 or 2018-06-14T09:30:00-04:00, found the text "last Tuesday"',
    );
    expect(result.stderr).toMatch(/^2 problems in posts; nothing was published\./m);
  });

  it("publishes nothing", () => {
    expect(existsSync(site.output)).toBe(false);
  });
});

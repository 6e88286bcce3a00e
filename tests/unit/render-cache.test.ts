import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RenderCache } from "../../lib/render-cache.ts";

describe("RenderCache", () => {
  let dir: string;
  let file: string;
  const rendered: string[] = [];
  const render = (source: string) => {
    rendered.push(source);
    return `<p>${source}</p>`;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "render-cache-"));
    file = path.join(dir, "nested", "cache.v8");
    rendered.length = 0;
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("renders each source once, and not at all in a later build with the same version", () => {
    const first = new RenderCache(file, "v1");
    const wrapped = first.wrap(render);
    expect([wrapped("a"), wrapped("b"), wrapped("a")]).toEqual(["<p>a</p>", "<p>b</p>", "<p>a</p>"]);
    expect(first.stats).toEqual({ hits: 0, misses: 2 });
    first.save();

    const second = new RenderCache(file, "v1");
    expect(second.wrap(render)("b")).toBe("<p>b</p>");
    expect(second.stats).toEqual({ hits: 1, misses: 0 });
    expect(rendered).toEqual(["a", "b"]);
  });

  it("forgets sources the last build did not use, so deleted posts do not linger", () => {
    const first = new RenderCache(file, "v1");
    const wrapped = first.wrap(render);
    wrapped("kept");
    wrapped("deleted");
    first.save();
    const second = new RenderCache(file, "v1");
    second.wrap(render)("kept");
    second.save();
    new RenderCache(file, "v1").wrap(render)("deleted");
    expect(rendered).toEqual(["kept", "deleted", "deleted"]);
  });

  it("starts afresh when the renderer's version changed", () => {
    const first = new RenderCache(file, "v1");
    first.wrap(render)("a");
    first.save();
    new RenderCache(file, "v2").wrap(render)("a");
    expect(rendered).toEqual(["a", "a"]);
  });

  it("ignores a damaged cache file", async () => {
    const first = new RenderCache(file, "v1");
    first.wrap(render)("a");
    first.save();
    await writeFile(file, (await readFile(file)).subarray(0, 10));
    expect(new RenderCache(file, "v1").wrap(render)("a")).toBe("<p>a</p>");
    expect(rendered).toEqual(["a", "a"]);
  });
});

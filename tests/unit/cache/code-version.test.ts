// The fingerprint the caches store their outcomes under (lib/cache/code-version.ts).
import { describe, expect, it } from "vitest";
import { codeVersion } from "../../../lib/cache/code-version.ts";

describe("codeVersion", () => {
  it("is the same for the same code and context, run after run", () => {
    expect(codeVersion(["content/slug.ts"], "format 1")).toBe(codeVersion(["content/slug.ts"], "format 1"));
  });

  it("changes with the context, the modules named and their order", () => {
    const base = codeVersion(["content/slug.ts", "content/limits.ts"], "format 1");
    expect(codeVersion(["content/slug.ts", "content/limits.ts"], "format 2")).not.toBe(base);
    expect(codeVersion(["content/slug.ts"], "format 1")).not.toBe(base);
    expect(codeVersion(["content/limits.ts", "content/slug.ts"], "format 1")).not.toBe(base);
  });

  it("refuses a module that is not there rather than fingerprint less code", () => {
    expect(() => codeVersion(["content/no-such-module.ts"], "format 1")).toThrow(/ENOENT/);
  });
});

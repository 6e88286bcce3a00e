import { describe, expect, it } from "vitest";
import { jsonForScript, readingMinutes } from "../../../lib/render/filters.ts";

describe("jsonForScript", () => {
  it("cannot close or comment out the script element it sits in", () => {
    const json = jsonForScript({ headline: "</script><script>alert(1)</script><!-- & \u2028" });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ headline: "</script><script>alert(1)</script><!-- & \u2028" });
  });
});

describe("readingMinutes", () => {
  it("rounds up at 230 words a minute and never says zero", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(2)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(231)).toBe(2);
  });
});

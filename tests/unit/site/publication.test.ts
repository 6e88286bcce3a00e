import { describe, expect, it } from "vitest";
import { isIndexable, isLive, isPublished, isScheduled, showsUnpublished } from "../../../lib/site/publication.ts";
import type { DeployContext } from "../../../lib/site/settings.ts";

const now = new Date("2024-06-01T12:00:00Z");
const live = { draft: false, date: new Date("2024-06-01T11:59:59Z") };
const draft = { draft: true, date: new Date("2024-01-01T00:00:00Z") };
const scheduled = { draft: false, date: new Date("2024-06-01T12:00:01Z") };
const contexts: DeployContext[] = ["production", "branch-deploy", "deploy-preview", "dev"];

describe("publication rules per deploy context", () => {
  it("production and branch deploys publish only live posts", () => {
    for (const context of ["production", "branch-deploy"] as const) {
      expect([live, draft, scheduled].map((post) => isPublished(post, context, now))).toEqual([true, false, false]);
    }
  });

  it("deploy previews and local builds publish drafts and scheduled posts too", () => {
    for (const context of ["deploy-preview", "dev"] as const) {
      expect([live, draft, scheduled].map((post) => isPublished(post, context, now))).toEqual([true, true, true]);
      expect(showsUnpublished(context)).toBe(true);
    }
  });

  it("only production may be indexed", () => {
    expect(contexts.filter(isIndexable)).toEqual(["production"]);
  });
});

describe("scheduling", () => {
  it("a post is scheduled while its date is after the build's now, and live from that moment", () => {
    expect(isScheduled(scheduled, now)).toBe(true);
    expect(isScheduled(scheduled, new Date("2024-06-01T12:00:01Z"))).toBe(false);
    expect(isLive(scheduled, new Date("2024-06-01T12:00:01Z"))).toBe(true);
  });

  it("a draft stays unpublished in production whatever its date", () => {
    expect(isLive(draft, now)).toBe(false);
    expect(isLive({ ...draft, date: new Date("2999-01-01T00:00:00Z") }, now)).toBe(false);
  });
});

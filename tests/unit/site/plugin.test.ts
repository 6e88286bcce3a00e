// lib/site/plugin.ts: templates get the site's metadata with what this deploy context allows, and every published address.
import { describe, expect, it } from "vitest";
import sitePlugin from "../../../lib/site/plugin.ts";
import { addresses } from "../../../lib/site/addresses.ts";
import type { DeployContext } from "../../../lib/site/settings.ts";
import { recordingConfig, testSite } from "../../support/unit-fixtures.ts";

function globalsFor(context: DeployContext) {
  const recorded = recordingConfig();
  const site = testSite({ context });
  sitePlugin(recorded.config, { site });
  return { site, global: recorded.globalData };
}

describe("the site plugin", () => {
  it("publishes the metadata unchanged as the global `site`", () => {
    const { site, global } = globalsFor("production");
    expect(global.get("site")).toMatchObject(site);
  });

  it.each([
    ["production", true, false],
    ["branch-deploy", false, false],
    ["deploy-preview", false, true],
    ["dev", false, true],
  ] as const)("in %s: indexable %s, shows drafts and scheduled posts %s", (context, indexable, showsUnpublished) => {
    expect(globalsFor(context).global.get("site")).toMatchObject({ context, indexable, showsUnpublished });
  });

  it("publishes the addresses as their own global, the same in every context", () => {
    expect(globalsFor("production").global.get("addresses")).toBe(addresses);
    expect(globalsFor("dev").global.get("addresses")).toBe(addresses);
  });
});

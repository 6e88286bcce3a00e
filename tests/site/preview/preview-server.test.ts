// `npm start` with its dev server (scripts/preview.ts, as an author runs it):
// the live preview answers on this machine's loopback address and nowhere
// else, so drafts are not served to the local network (lib/preview/host.ts).
import { readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturePosts, postMarkdown, FIXTURE_PEOPLE } from "../../support/reader-fixtures.ts";
import { createScratchSite, type ScratchSite } from "../../support/scratch-site.ts";
import { SERVER_AT, watchSite, type WatchingSite } from "../../support/watching-site.ts";

let scratch: ScratchSite;
let preview: WatchingSite;
let port: number;
const posts = fixturePosts(4);
// A draft: what must not leave this machine.
const draft = { ...posts[1]!, extra: "draft: true" };

/** A port free on the loopback address right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen({ port: 0, host: "127.0.0.1" }, resolve));
  const { port: free } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return free;
}

/** The addresses listening on `port`, from the kernel's socket tables (Linux): state 0A is LISTEN. */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const found: string[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== "0A" || !local.endsWith(`:${hexPort}`)) continue;
      found.push(local.slice(0, -5));
    }
  }
  return found;
}

beforeAll(async () => {
  scratch = await createScratchSite(
    Object.fromEntries(posts.map((post) => [`${post.slug}.md`, postMarkdown(post === posts[1] ? draft : post)])),
  );
  await scratch.writeSettings({ authors: FIXTURE_PEOPLE });
  preview = await watchSite(scratch.root, {}, await freePort());
  port = Number(SERVER_AT.exec(preview.startLog())?.[1]);
  expect(port, preview.startLog()).toBeGreaterThan(0);
});

afterAll(async () => {
  await preview?.stop();
  await scratch?.remove();
});

describe("the live preview's server", () => {
  it("serves the site, drafts included, at the loopback address", async () => {
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(posts[0]!.title);
    const draftPage = await fetch(`http://127.0.0.1:${port}/posts/${draft.slug}/`);
    expect(draftPage.status).toBe(200);
    expect(await draftPage.text()).toContain(draft.title);
  });

  it("listens on the loopback address only, not on the machine's other interfaces", () => {
    expect(listeningAddresses(port)).toEqual(["0100007F"]);
  });
});

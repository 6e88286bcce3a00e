/**
 * A generated fixture site, served the way Netlify serves it (netlify.toml's
 * rules through Netlify's parsers) and a browser to visit it: the shared set-up
 * of the browser tests.
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser.ts";
import { buildFixtureSite, type FixtureSite } from "./reader-fixtures.ts";
import { projectRoot } from "./scratch-site.ts";
import { startStaticServer, type StaticServer } from "./static-server.ts";

export interface ServedFixture {
  fixture: FixtureSite;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function serveFixtureSite(
  count: number,
  env: NodeJS.ProcessEnv = {},
  settings: Record<string, unknown> = {},
): Promise<ServedFixture> {
  const [fixture, browser] = await Promise.all([buildFixtureSite(count, env, settings), launchBrowser()]);
  const server = await startStaticServer(fixture.scratch.output, { netlifyToml: path.join(projectRoot, "netlify.toml") });
  return {
    fixture,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await fixture.scratch.remove();
    },
  };
}

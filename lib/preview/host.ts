/**
 * Where the live preview's server listens. Eleventy Dev Server 2.1 listens on
 * every network interface and has no option to choose one, so `npm start`
 * served drafts and embargoed stories to anyone on the same network (an
 * office or a café Wi-Fi). The preview listens on the loopback address only;
 * `npm start -- --lan` keeps Eleventy's behaviour, to read it on a phone.
 * https://www.11ty.dev/docs/dev-server/
 */
import type { ListenOptions, Server } from "node:net";
import type Eleventy from "@11ty/eleventy";

export const LOOPBACK = "127.0.0.1";

/**
 * Makes every `listen()` of `server` bind `host`: the first, and the retry on
 * the next port that the dev server makes when one is taken.
 */
export function bindTo(server: Pick<Server, "listen">, host: string): void {
  const listen = server.listen.bind(server) as (options: ListenOptions, ...rest: unknown[]) => Server;
  server.listen = ((first?: unknown, ...rest: unknown[]) => {
    const options = typeof first === "object" && first !== null ? (first as ListenOptions) : { port: first as number | undefined };
    return listen({ ...options, host }, ...rest.filter((arg) => typeof arg === "function"));
  }) as Server["listen"];
}

/** Before `eleventy.serve()`: the dev server Eleventy is about to start answers this machine only. */
export async function serveLocallyOnly(eleventy: Eleventy): Promise<void> {
  // Eleventy creates its dev server here (serve() would otherwise); the HTTP server inside it is made on first use.
  await eleventy.eleventyServe.init();
  await eleventy.eleventyServe.initServerInstance();
  bindTo(eleventy.eleventyServe.server.server, LOOPBACK);
}

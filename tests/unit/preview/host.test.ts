/** lib/preview/host.ts: the preview's server binds the address it is given, on every listen. */
import { createServer, type AddressInfo, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { bindTo, LOOPBACK } from "../../../lib/preview/host.ts";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

function boundServer(): Server {
  const server = createServer();
  servers.push(server);
  bindTo(server, LOOPBACK);
  return server;
}

const listening = (server: Server) =>
  new Promise<AddressInfo>((resolve) => server.once("listening", () => resolve(server.address() as AddressInfo)));

describe("bindTo", () => {
  it("binds the loopback address when asked for a port in an options object, as the dev server asks", async () => {
    const server = boundServer();
    const address = listening(server);
    server.listen({ port: 0 });
    expect((await address).address).toBe("127.0.0.1");
  });

  it("binds it too when asked for a bare port number, and still calls the callback", async () => {
    const server = boundServer();
    const called = new Promise<AddressInfo>((resolve) => server.listen(0, () => resolve(server.address() as AddressInfo)));
    expect((await called).address).toBe("127.0.0.1");
  });
});

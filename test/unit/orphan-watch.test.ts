// Issue 9.5 (unit part): the watch notices that nothing listens at the engine's address any more.
// The engine test (test/e2e/orphan.test.ts) SIGKILLs a real CLI.
import { strict as assert } from "node:assert";
import { createServer, type AddressInfo, type Server } from "node:net";
import { engineAddressFromArgv, probe, watchEngine } from "../../provider/orphan-watch";

async function listen(): Promise<{ server: Server; address: string }> {
  const server = createServer((s) => s.destroy());
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, address: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("provider: orphan watch (issue 9.5)", () => {
  it("finds the engine address only in the dynamic-provider host", () => {
    assert.equal(engineAddressFromArgv(["node", "/x/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js", "127.0.0.1:41234"]), "127.0.0.1:41234");
    assert.equal(engineAddressFromArgv(["node", "/x/node_modules/mocha/bin/mocha.js", "127.0.0.1:41234"]), undefined);
    assert.equal(engineAddressFromArgv(["node", "/x/cmd/dynamic-provider/index.js"]), undefined);
  });

  it("probe: up while listening, refused once closed", async () => {
    const { server, address } = await listen();
    assert.equal(await probe(address), "up");
    await new Promise<void>((r) => server.close(() => r()));
    assert.equal(await probe(address), "refused");
  });

  it("says the engine is gone once nothing listens at its address, and not before", async () => {
    const { server, address } = await listen();
    const calls: string[] = [];
    let gone!: () => void;
    const wentAway = new Promise<void>((r) => (gone = r));
    const w = watchEngine({ address, intervalMs: 20, onGone: (why) => (calls.push(why), gone()) });
    try {
      assert.ok(w);
      // Many probes while the engine listens: none may fire.
      for (let i = 0; i < 10 && calls.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
      assert.deepEqual(calls, []);
      await new Promise<void>((r) => server.close(() => r()));
      await wentAway;
      assert.equal(calls.length, 1);
      assert.match(calls[0], new RegExp(`nothing listens at its address ${address.replace(/\./g, "\\.")}`));
    } finally {
      w?.stop();
    }
  });
});

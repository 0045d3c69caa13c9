// State on disk: a simulator restarted on the same dataDir has the same orders, CA, credit and clock.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCertificate, verifyChain } from "../../sdk/x509";
import { useSimulator } from "../helpers/simulator";
import { csrFor, placeFields, uniqueRefId } from "./fixtures";

describe("simulator: persistence across restarts", () => {
  const sim = useSimulator({ autoValidate: { afterCollects: 2 } });

  it("orders (pending and issued), refIds, the CA root, credit and the clock survive close + start", async () => {
    const refId = uniqueRefId("persist");
    const placed = await sim.post("place", placeFields({ domains: ["keep.example.com"], csr: await csrFor(["keep.example.com"]), refId }));
    const certId: string = placed.json.data.certId;
    assert.equal((await sim.post("collect", { certId })).json.status, "PENDING");
    const pending2 = await sim.post("place", placeFields({ domains: ["later.example.com"], csr: await csrFor(["later.example.com"]) }));
    assert.equal((await sim.post("collect", { certId })).json.status, "COMPLETE");
    const root = await sim.admin.rootCertificatePem();
    const credit = await sim.admin.credit();
    await sim.admin.advanceClock({ days: 10 });
    const clock = Date.parse(await sim.admin.clock());
    const before = await sim.admin.orders();

    await sim.restart();

    assert.equal(await sim.admin.rootCertificatePem(), root);
    assert.equal(await sim.admin.credit(), credit);
    assert.ok(Math.abs(Date.parse(await sim.admin.clock()) - clock) < 5000);
    const after = await sim.admin.orders();
    assert.deepEqual(after.map((o) => o.certId).sort(), before.map((o) => o.certId).sort());
    const collected = (await sim.post("collect", { certId })).json;
    assert.equal(collected.status, "COMPLETE");
    assert.equal(await verifyChain(collected.data.certificate, [collected.data.caCertificate], [root]), true);
    assert.equal((await sim.post("getCertByRefId", { refId })).json.data.certId, certId);
    const again = await sim.post("place", placeFields({ domains: ["keep.example.com"], csr: await csrFor(["keep.example.com"]), refId }));
    assert.equal(again.json.data.certId, certId, "refId idempotency holds after a restart");
    // The pending order continues its own count of collects across the restart (2 → COMPLETE).
    assert.equal((await sim.post("collect", { certId: pending2.json.data.certId })).json.status, "PENDING");
    assert.equal((await sim.post("collect", { certId: pending2.json.data.certId })).json.status, "COMPLETE");

    // Certificates issued after the restart come from the same intermediate.
    assert.equal(parseCertificate(collected.data.caCertificate).sha256Fingerprint, parseCertificate((await sim.admin.intermediateCertificatePem())).sha256Fingerprint);
  });

  it("state.json is valid JSON without the API token", () => {
    const text = readFileSync(join(sim.dataDir, "state.json"), "utf8");
    const state = JSON.parse(text);
    assert.equal(state.version, 1);
    assert.ok(!text.includes(sim.sim.apiToken));
  });
});

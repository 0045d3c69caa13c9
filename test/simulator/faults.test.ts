// Fault injection and call counters, observed from a raw HTTP client.
import assert from "node:assert/strict";
import { request } from "undici";
import { useSimulator } from "../helpers/simulator";
import { csrFor, placeFields, uniqueRefId } from "./fixtures";

describe("simulator: fault injection and call counters", () => {
  const sim = useSimulator();

  beforeEach(async () => {
    await sim.admin.clearFaults();
    await sim.admin.resetCalls();
  });

  it("counts calls per endpoint; resetCalls clears them; admin calls are not counted", async () => {
    await sim.post("productList", {});
    await sim.post("productList", {}, { encoding: "form" });
    await sim.post("collect", { certId: "nope" });
    await sim.admin.orders();
    assert.deepEqual(await sim.admin.calls(), { productList: 2, collect: 1 });
    await sim.admin.resetCalls();
    assert.deepEqual(await sim.admin.calls(), {});
  });

  it("latencyMs delays the answer", async () => {
    await sim.admin.injectFault({ endpoint: "productList", latencyMs: 300 });
    const t0 = Date.now();
    const res = await sim.post("productList", {});
    assert.ok(Date.now() - t0 >= 290, `took ${Date.now() - t0}ms`);
    assert.equal(res.json.code, 1);
  });

  it("status with Retry-After, `times` requests in a row, then normal answers", async () => {
    await sim.admin.injectFault({ endpoint: "collect", status: 429, retryAfter: 7, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await sim.post("collect", { certId: "x" });
      assert.equal(res.status, 429);
      assert.equal(res.headers["retry-after"], "7");
      assert.equal(res.json, undefined);
    }
    const ok = await sim.post("collect", { certId: "x" });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.code, -1);
    assert.equal((await sim.admin.calls()).collect, 3);
  });

  it("a 503 on place is not processed: no order", async () => {
    const refId = uniqueRefId("503");
    await sim.admin.injectFault({ endpoint: "place", status: 503 });
    const res = await sim.post("place", placeFields({ domains: ["f503.example.com"], csr: await csrFor(["f503.example.com"]), refId }));
    assert.equal(res.status, 503);
    assert.equal((await sim.admin.orders()).filter((o) => o.refId === refId).length, 0);
  });

  it("malformed: HTTP 200 with a non-JSON body, request not processed", async () => {
    const refId = uniqueRefId("malformed");
    await sim.admin.injectFault({ endpoint: "place", malformed: true });
    const res = await sim.post("place", placeFields({ domains: ["mal.example.com"], csr: await csrFor(["mal.example.com"]), refId }));
    assert.equal(res.status, 200);
    assert.equal(res.json, undefined);
    assert.match(res.text, /<html>/);
    assert.equal((await sim.admin.orders()).filter((o) => o.refId === refId).length, 0);
  });

  it("drop before: the connection closes without an answer and nothing is ordered", async () => {
    const refId = uniqueRefId("drop-before");
    await sim.admin.injectFault({ endpoint: "place", drop: "before" });
    await assert.rejects(sim.post("place", placeFields({ domains: ["db.example.com"], csr: await csrFor(["db.example.com"]), refId })), (err: Error & { code?: string }) => {
      assert.match(`${err.code} ${err.message}`, /UND_ERR_SOCKET|other side closed|ECONNRESET/);
      return true;
    });
    assert.equal((await sim.admin.orders()).filter((o) => o.refId === refId).length, 0);
    assert.equal((await sim.admin.calls()).place, 1);
  });

  it("drop after: the order exists (and was paid for) but the answer is lost", async () => {
    const refId = uniqueRefId("drop-after");
    const credit = await sim.admin.credit();
    await sim.admin.injectFault({ endpoint: "place", drop: "after" });
    await assert.rejects(sim.post("place", placeFields({ domains: ["da.example.com"], csr: await csrFor(["da.example.com"]), refId })));
    const orders = (await sim.admin.orders()).filter((o) => o.refId === refId);
    assert.equal(orders.length, 1);
    assert.ok((await sim.admin.credit()) < credit);
    const found = await sim.post("getCertByRefId", { refId });
    assert.equal(found.json.data.certId, orders[0].certId);
  });

  it("answerDelayMs: the order is made (and paid) at once, the answer arrives late — after a client that gave up", async () => {
    const refId = uniqueRefId("late-answer");
    const credit = await sim.admin.credit();
    await sim.admin.injectFault({ endpoint: "place", answerDelayMs: 1500 });
    const fields = placeFields({ domains: ["late.example.com"], csr: await csrFor(["late.example.com"]), refId });
    // This client's timeout (300 ms) is shorter than the delay: it never sees the answer…
    await assert.rejects(sim.post("place", fields, { timeoutMs: 300 }));
    // …but the order exists already, charged, and getCertByRefId finds it while the answer is still held.
    const orders = (await sim.admin.orders()).filter((o) => o.refId === refId);
    assert.equal(orders.length, 1);
    assert.ok((await sim.admin.credit()) < credit);
    const found = await sim.post("getCertByRefId", { refId });
    assert.equal(found.json.data.certId, orders[0].certId);
  });

  it("then: a follow-up fault armed only when the first fires (lookups lost after a lost place)", async () => {
    const refId = uniqueRefId("then");
    await sim.admin.injectFault({ endpoint: "place", drop: "after", then: { endpoint: "getCertByRefId", status: 503, times: 2 } });
    // Before the place, lookups are answered normally: the follow-up is not armed yet.
    assert.equal((await sim.post("getCertByRefId", { refId })).json.code, -1);
    await assert.rejects(sim.post("place", placeFields({ domains: ["then.example.com"], csr: await csrFor(["then.example.com"]), refId })));
    assert.equal((await sim.post("getCertByRefId", { refId })).status, 503);
    assert.equal((await sim.post("getCertByRefId", { refId })).status, 503);
    const third = await sim.post("getCertByRefId", { refId });
    assert.equal(third.json.code, 1);
    assert.equal(third.json.data.refId, refId);
    await assert.rejects(sim.admin.injectFault({ endpoint: "place", then: "x" } as never), /HTTP 400/);
  });

  it("endpoint '*' matches any endpoint; clearFaults removes pending faults", async () => {
    await sim.admin.injectFault({ endpoint: "*", status: 502, times: 5 });
    assert.equal((await sim.post("productList", {})).status, 502);
    assert.equal((await sim.admin.faults())[0].remaining, 4);
    await sim.admin.clearFaults();
    assert.equal((await sim.post("productList", {})).status, 200);
  });

  it("the admin API rejects a bad fault and unknown routes", async () => {
    await assert.rejects(sim.admin.injectFault({ endpoint: "" }), /HTTP 400/);
    const res = await request(`${sim.url}/__admin/nothing-here`);
    assert.equal(res.statusCode, 404);
    await res.body.dump();
  });
});

// Subscription lifecycle on the simulator clock: renew window, reissue, cancel/refund window, revoke, expiry.
import assert from "node:assert/strict";
import { parseCertificate } from "../../sdk/x509";
import { useSimulator } from "../helpers/simulator";
import { csrFor, placeFields, uniqueRefId } from "./fixtures";

const DAY = 24 * 60 * 60 * 1000;
const PRICE = 7.99; // positivessl, per year

describe("simulator: lifecycle", () => {
  const sim = useSimulator({ autoValidate: { afterCollects: 1 }, credit: 500 });

  afterEach(() => sim.admin.setClock(new Date().toISOString()));

  async function issued(domain: string, years = 1) {
    const placed = await sim.post("place", placeFields({ domains: [domain], years, csr: await csrFor([domain]) }));
    assert.equal(placed.json.code, 1, placed.text);
    const certId: string = placed.json.data.certId;
    assert.equal((await sim.post("collect", { certId })).json.status, "COMPLETE");
    return { certId, order: await sim.admin.order(certId) };
  }

  const renewBody = async (renewId: string, domain: string, years = 1, refId?: string) => ({
    renewId,
    years,
    ...(refId ? { refId } : {}),
    params: placeFields({ domains: [domain], csr: await csrFor([domain]) }).params,
  });

  it("renew: -6 before the 90-day window; inside it a new certId, dueDate + years, one debit, old order marked", async () => {
    const { certId, order } = await issued("renew.example.com");
    const early = await sim.post("renew", await renewBody(certId, "renew.example.com"));
    assert.equal(early.json.code, -6);
    assert.match(early.json.msg, /renewal opens 90 days before the subscription's due date/);

    await sim.admin.setClock(new Date(Date.parse(order.dueDate) - 89 * DAY).toISOString());
    const credit = await sim.admin.credit();
    const refId = uniqueRefId("renew");
    const body = await renewBody(certId, "renew.example.com", 2, refId);
    const renewed = await sim.post("renew", body);
    assert.equal(renewed.json.code, 1, renewed.text);
    const again = await sim.post("renew", body);
    assert.equal(again.json.data.certId, renewed.json.data.certId, "same refId → same renewal");
    const newId: string = renewed.json.data.certId;
    assert.notEqual(newId, certId);
    assert.equal(await sim.admin.credit(), Math.round((credit - 2 * PRICE) * 100) / 100);
    const fresh = await sim.admin.order(newId);
    const expectedDue = new Date(order.dueDate);
    expectedDue.setUTCFullYear(expectedDue.getUTCFullYear() + 2);
    assert.equal(fresh.dueDate, expectedDue.toISOString());
    assert.equal(fresh.renewOf, certId);
    assert.equal((await sim.admin.order(certId)).renewedBy, newId);

    const collected = (await sim.post("collect", { certId: newId })).json;
    assert.equal(collected.status, "COMPLETE");
    const twice = await sim.post("renew", await renewBody(certId, "renew.example.com"));
    assert.equal(twice.json.code, -6);
    assert.match(twice.json.msg, /already renewed/);
  });

  it("reissue: new certId, same dueDate, a new certificate, free; refused once the subscription ended", async () => {
    const { certId, order } = await issued("reissue.example.com");
    await sim.admin.advanceClock({ days: 150 });
    const credit = await sim.admin.credit();
    const re = await sim.post("reissue", { certId, reason: "rotate", params: { csr: await csrFor(["reissue.example.com"]) } });
    assert.equal(re.json.code, 1, re.text);
    const newId: string = re.json.data.certId;
    assert.notEqual(newId, certId);
    const after = (await sim.post("collect", { certId: newId })).json.data;
    const reissued = await sim.admin.order(newId);
    assert.equal(reissued.dueDate, order.dueDate);
    assert.equal(reissued.reissueOf, certId);
    assert.equal(await sim.admin.credit(), credit);
    assert.notEqual(parseCertificate(after.certificate).serialNumber, parseCertificate(order.certificatePem!).serialNumber);
    assert.equal((await sim.admin.order(certId)).status, "COMPLETE", "the old order stays as it was");

    await sim.admin.setClock(new Date(Date.parse(order.dueDate) + DAY).toISOString());
    const late = await sim.post("reissue", { certId: newId });
    assert.equal(late.json.code, -6);
    assert.match(late.json.msg, /renew it instead/);
  });

  it("reissue without a CSR: the CA generates a new key", async () => {
    const { certId } = await issued("rekey.example.com");
    const re = await sim.post("reissue", { certId });
    assert.equal(re.json.code, 1, re.text);
    const data = (await sim.post("collect", { certId: re.json.data.certId })).json.data;
    assert.match(data.privateKey, /BEGIN PRIVATE KEY/);
  });

  it("a certificate past notAfter reads EXPIRED; within the subscription it can still be reissued", async () => {
    const { certId } = await issued("expire.example.com");
    await sim.admin.advanceClock({ days: 201 });
    const collected = (await sim.post("collect", { certId })).json;
    assert.equal(collected.status, "EXPIRED");
    assert.equal((await sim.post("reissue", { certId })).json.code, 1);
  });

  it("cancel: pending and freshly issued orders are refunded; after 30 days -6 'refund window closed'", async () => {
    const credit = await sim.admin.credit();
    const pending = await sim.post("place", placeFields({ domains: ["c1.example.com"], csr: await csrFor(["c1.example.com"]) }));
    const c1 = await sim.post("cancel", { certId: pending.json.data.certId });
    assert.equal(c1.json.code, 1);
    assert.equal(c1.json.data.refund, PRICE);
    assert.equal(await sim.admin.credit(), credit);
    assert.equal((await sim.post("collect", { certId: pending.json.data.certId })).json.status, "CANCELLED");
    assert.equal((await sim.post("cancel", { certId: pending.json.data.certId })).json.code, -6, "no second refund");
    assert.equal(await sim.admin.credit(), credit);

    const fresh = await issued("c2.example.com");
    await sim.admin.advanceClock({ days: 29 });
    assert.equal((await sim.post("cancel", { certId: fresh.certId })).json.code, 1);
    assert.equal(await sim.admin.credit(), credit);

    const old = await issued("c3.example.com");
    await sim.admin.advanceClock({ days: 31 });
    const late = await sim.post("cancel", { certId: old.certId });
    assert.equal(late.json.code, -6);
    assert.match(late.json.msg, /refund window closed/);
    assert.equal(await sim.admin.credit(), Math.round((credit - PRICE) * 100) / 100);
    assert.equal((await sim.post("collect", { certId: old.certId })).json.status, "COMPLETE");
  });

  it("revoke → REVOKED on collect; CA-side cancel and revoke through the admin API", async () => {
    const a = await issued("r1.example.com");
    assert.equal((await sim.post("revoke", { certId: a.certId, reason: "keyCompromise" })).json.code, 1);
    assert.equal((await sim.post("collect", { certId: a.certId })).json.status, "REVOKED");
    assert.equal((await sim.post("revoke", { certId: a.certId })).json.code, -6);

    const b = await issued("r2.example.com");
    await sim.admin.caRevoke(b.certId);
    assert.equal((await sim.post("collect", { certId: b.certId })).json.status, "REVOKED");

    const pending = await sim.post("place", placeFields({ domains: ["r3.example.com"], csr: await csrFor(["r3.example.com"]) }));
    await sim.admin.caCancel(pending.json.data.certId);
    assert.equal((await sim.post("collect", { certId: pending.json.data.certId })).json.status, "CANCELLED");
  });

  it("the clock: set and advance; wire dates are UTC+8", async () => {
    const set = Date.parse(await sim.admin.setClock("2030-01-01T00:00:00.000Z"));
    assert.ok(Math.abs(set - Date.parse("2030-01-01T00:00:00Z")) < 1000);
    const placed = await sim.post("place", placeFields({ domains: ["clock.example.com"], csr: await csrFor(["clock.example.com"]) }));
    assert.match(placed.json.data.applyTime, /^2030-01-01 08:00:0\d$/);
    assert.match(placed.json.data.certId, /^300101/);
    const advanced = Date.parse(await sim.admin.advanceClock({ days: 2 }));
    assert.ok(Math.abs(advanced - set - 2 * DAY) < 1000);
  });
});

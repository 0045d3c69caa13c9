// The CertificateValidation provider's methods against the simulator.
import { strict as assert } from "node:assert";
import * as impl from "../../provider/cert-impl";
import * as validation from "../../provider/validation-impl";
import { UNKNOWN } from "../../provider/unknowns";
import { publicKeyMatches } from "../../sdk/x509";
import { baseInputs } from "./fixtures";
import { Host, useSimulator, type Props } from "./harness";

const cert = new Host(impl);
const val = new Host(validation);
let n = 0;
const inputs = (over: Props = {}): Props => ({ ...baseInputs(), refIdSeed: `test/sim/validation-${++n}-${Date.now()}`, ...over });

describe("provider: CertificateValidation against the simulator", function () {
  this.timeout(60_000);
  const h = useSimulator({ autoValidate: { afterCollects: 3 } });
  const admin = () => h.sim.admin;
  beforeEach(() => admin().resetCalls());

  it("check: certId required, timeout range, unknowns accepted, no CA call", async () => {
    let r = await val.check({}, { timeoutMinutes: 0 });
    assert.deepEqual(r.failures.map((f) => f.property).sort(), ["certId", "timeoutMinutes"]);
    assert.match(r.failures.find((f) => f.property === "timeoutMinutes")!.reason, /^0 is not allowed \(minutes, more than 0 and at most 1440/);
    r = await val.check({}, { certId: UNKNOWN, validationRecordFqdns: [UNKNOWN, "_x.example.com"] });
    assert.deepEqual(r.failures, []);
    r = await val.check({}, { certId: "abc", validationRecordFqdns: ["not a name"] });
    assert.equal(r.failures[0].property, "validationRecordFqdns[0]");
    assert.deepEqual(await h.calls(), {});
  });

  it("create polls with backoff until issued, showing progress; outputs the issued material", async () => {
    const c = await cert.create(inputs());
    h.progress.length = 0;
    await admin().resetCalls();
    const names = (c.outs.dcvRecords as { name: string }[]).map((r) => r.name);
    const { id, outs } = await val.create({ certId: c.id, validationRecordFqdns: names.map((x) => `${x}.`), timeoutMinutes: 1 });
    assert.equal(id, c.id);
    assert.equal(outs.status, "COMPLETE");
    assert.ok((await h.calls()).collect >= 3, "polled");
    assert.ok(h.progress.some((l) => l.startsWith(`waiting for ${c.id} (PENDING): www.example.com: CNAME _`)), h.progress.join("\n"));
    assert.ok(publicKeyMatches(String(c.outs.privateKeyPem), String(outs.certificatePem)));
    for (const k of ["caCertificatePem", "fullChainPem", "notBefore", "notAfter", "serialNumber", "sha256Fingerprint", "subscriptionEndsAt"]) assert.ok(outs[k], k);
    assert.equal(outs.privateKeyPem, undefined, "a local key stays on the Certificate");
    assert.deepEqual([...(outs.validatedDomains as string[])].sort(), ["api.example.com", "www.example.com"]);
  });

  it("fails early when validationRecordFqdns misses a DNS DCV record", async () => {
    const c = await cert.create(inputs());
    const names = (c.outs.dcvRecords as { name: string }[]).map((r) => r.name);
    await admin().resetCalls();
    await assert.rejects(val.create({ certId: c.id, validationRecordFqdns: [names[0]] }), (e: Error) => {
      assert.match(e.message, /validationRecordFqdns does not cover every DNS DCV record/);
      assert.ok(e.message.includes(names[1]));
      return true;
    });
    assert.deepEqual(await h.calls(), { collect: 1 });
  });

  it("an unknown certId: the CA's answer", async () => {
    await assert.rejects(val.create({ certId: "000000nosuchcert" }), /cannot validate certId 000000nosuchcert: .*no order with certId/);
  });

  it("diff: replaced when certId changes (a reissue or renewal re-runs validation); other inputs update in place", async () => {
    const olds = { certId: "a1", timeoutMinutes: 5, status: "COMPLETE" };
    let d = await val.diff("a1", olds, { certId: "b2", timeoutMinutes: 5 });
    assert.deepEqual(d.replaces, ["certId"]);
    assert.equal(d.changes, true);
    d = await val.diff("a1", olds, { certId: UNKNOWN, timeoutMinutes: 5 });
    assert.deepEqual(d.replaces, ["certId"]);
    d = await val.diff("a1", olds, { certId: "a1", timeoutMinutes: 5 });
    assert.equal(d.changes, false);
    d = await val.diff("a1", olds, { certId: "a1", timeoutMinutes: 10 });
    assert.equal(d.changes, true);
    assert.deepEqual(d.replaces, []);
    const u = await val.update("a1", { ...olds, certificatePem: "x" }, { certId: "a1", timeoutMinutes: 10 });
    assert.equal(u.timeoutMinutes, 10);
    assert.equal(u.certificatePem, "x");
  });

  it("read (refresh) sees a revocation", async () => {
    const c = await cert.create(inputs());
    const v = await val.create({ certId: c.id, timeoutMinutes: 1 });
    await admin().caRevoke(c.id);
    const r = await val.read(v.id, v.outs);
    assert.equal(r.props?.status, "REVOKED");
    assert.deepEqual(r.inputs, { certId: c.id, timeoutMinutes: 1 });
  });

  it("a CA-generated key comes out of the validation as a secret output", async () => {
    const c = await cert.create(inputs({ keySource: "ca" }));
    const v = await val.create({ certId: c.id, timeoutMinutes: 1 });
    assert.ok(publicKeyMatches(String(v.outs.privateKeyPem), String(v.outs.certificatePem)));
    assert.ok(v.outs.pkcs12 && v.outs.pkcs12Password);
  });
});

describe("provider: CertificateValidation against the simulator (no automatic validation)", function () {
  this.timeout(60_000);
  const h = useSimulator();
  const admin = () => h.sim.admin;

  it("timeout: says what is still pending per domain", async () => {
    const c = await cert.create(inputs({ domainDcv: { "api.example.com": { method: "EMAIL", email: "admin@example.com" } } }));
    await admin().approveDcv(c.id, "www.example.com");
    const err = await val.create({ certId: c.id, timeoutMinutes: 0.003 }).then(
      () => assert.fail("expected a timeout"),
      (e: Error) => e,
    );
    assert.match(err.message, new RegExp(`certificate order ${c.id} was not issued within 0.003 minutes \\(status PENDING\\)`));
    assert.match(err.message, /api\.example\.com: approval email to admin@example\.com not answered yet/);
    assert.ok(!/www\.example\.com:/.test(err.message), "validated domains are not listed");
  });

  it("the CA cancels while we wait: error with the status", async () => {
    const c = await cert.create(inputs({ dcvMethod: "EMAIL", dcvEmail: "admin@example.com" }));
    const waiting = val.create({ certId: c.id, timeoutMinutes: 1 });
    await new Promise((r) => setTimeout(r, 100));
    await admin().caCancel(c.id);
    await assert.rejects(waiting, /certificate order \w+ is CANCELLED at the CA and will not be issued/);
  });
});

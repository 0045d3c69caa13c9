import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import * as impl from "../../provider/sectigo-ssl-impl";
import { MissingSectigoCredentialsError, resetSectigoCredentials, configureSectigo } from "../../provider/sectigo-credentials";
import { UNKNOWN } from "../../provider/unknowns";
import { verifyChain } from "../../sdk/x509";
import { csrFor, placeFields } from "../simulator/fixtures";
import { later, LOGIN, useSectigoProvider } from "./sectigo-helpers";

const fp = (pem: unknown) => new X509Certificate(String(pem)).fingerprint256;

describe("provider: SectigoSslCertificate against the simulator", function () {
  this.timeout(30_000);
  const { sim, admin } = useSectigoProvider();

  describe("check and diff", () => {
    const failures = async (news: Record<string, unknown>) => (await impl.check({}, news)).failures.map((f) => f.property);
    it("needs exactly one of orderNumber and certificateId; refuses credentials as inputs", async () => {
      assert.deepEqual(await failures({}), ["orderNumber"]);
      assert.deepEqual(await failures({ orderNumber: "1", certificateId: "2" }), ["certificateId"]);
      assert.deepEqual(await failures({ certificateId: "12ab" }), ["certificateId"]);
      assert.deepEqual(await failures({ orderNumber: "1", loginPassword: "x" }), ["loginPassword"]);
      assert.deepEqual(await failures({ orderNumber: "1", waitTimeoutMinutes: 0 }), ["waitTimeoutMinutes"]);
      assert.deepEqual(await failures({ orderNumber: UNKNOWN }), [], "an unknown vendorId during preview is fine");
      assert.deepEqual(await failures({ certificateId: 1234567 }), []);
    });
    it("always answers with explicit changes; a different order is a replacement", async () => {
      const olds = { orderNumber: "1", waitForIssuance: false };
      assert.deepEqual(await impl.diff("1", olds, { orderNumber: "1", waitForIssuance: false }), { changes: false, replaces: [], deleteBeforeReplace: false });
      assert.deepEqual(await impl.diff("1", olds, { orderNumber: "1", waitForIssuance: true }), { changes: true, replaces: [], deleteBeforeReplace: false });
      assert.deepEqual((await impl.diff("1", olds, { orderNumber: "2" })).replaces, ["orderNumber"]);
      assert.deepEqual((await impl.diff("1", olds, { orderNumber: UNKNOWN })).replaces, ["orderNumber"]);
      assert.equal((await impl.diff("1", { orderNumber: "1" }, { orderNumber: 1 })).changes, false);
    });
  });

  it("adopts a pending order (MDC details, statuses), read refreshes it once issued, delete forgets", async () => {
    const o = await admin().createSslOrder({ domains: ["a.example.com", "b.example.com"] });
    await admin().setDomainStatus(o.orderNumber, "VALIDATED", "a.example.com");
    const { id, outs } = await impl.create({ orderNumber: o.orderNumber });
    assert.equal(id, o.orderNumber);
    assert.equal(outs.status, "processing");
    assert.equal(outs.statusCode, 0);
    assert.equal(outs.certificateStatus, "Awaiting Validation");
    assert.deepEqual(outs.mdcDomainDetails, { "a.example.com": "VALIDATED", "b.example.com": "NOTVALIDATED" });
    assert.equal((outs.statusDetails as Record<string, number>).dcv, 2);
    assert.equal(outs.certificatePem, undefined);

    await admin().setState(o.orderNumber, "issued");
    const { props } = await impl.read(id, outs);
    assert.equal(props.status, "issued");
    assert.equal(props.statusCode, 2);
    assert.equal(props.caaStatus, "Authorized");
    assert.equal(props.fqdn, "a.example.com");
    assert.deepEqual(props.sans, ["a.example.com", "b.example.com"]);
    const chain = String(props.chainPem).match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g)!;
    assert.equal(chain.length, 2);
    assert.equal(await verifyChain(String(props.certificatePem), chain, [await sim.admin.rootCertificatePem()]), true);
    assert.equal(props.fullChainPem, String(props.certificatePem) + String(props.chainPem));
    assert.match(String(props.notBefore), /T00:00:00\.000Z$/);
    assert.match(String(props.notAfter), /T23:59:59\.000Z$/);
    assert.ok(!JSON.stringify(props).includes(LOGIN.loginPassword));

    await sim.admin.resetCalls();
    await impl.delete();
    assert.deepEqual(await sim.admin.calls(), {});
  });

  it("waitForIssuance polls until the order is issued", async () => {
    const o = await admin().createSslOrder({ domains: ["wait.example.com"] });
    const [{ outs }] = await Promise.all([impl.create({ orderNumber: o.orderNumber, waitForIssuance: true, waitTimeoutMinutes: 1 }), later(300, () => admin().setState(o.orderNumber, "issued"))]);
    assert.equal(outs.status, "issued");
    assert.equal(fp(outs.certificatePem), fp((await admin().order(o.orderNumber)).certificatePem));
  });

  it("waitForIssuance that times out still records the order (init error with id and properties)", async () => {
    const o = await admin().createSslOrder({ domains: ["slow.example.com"] });
    const err = (await impl.create({ orderNumber: o.orderNumber, waitForIssuance: true, waitTimeoutMinutes: 0.01 }).catch((e) => e)) as Error & { id?: string; properties?: Record<string, unknown> };
    assert.match(err.message, /not issued within/);
    assert.equal(err.id, o.orderNumber);
    assert.equal(err.properties?.status, "processing");
    // a later update with the order issued completes
    await admin().setState(o.orderNumber, "issued");
    const { outs } = await impl.update(o.orderNumber, err.properties!, { orderNumber: o.orderNumber, waitForIssuance: true });
    assert.equal(outs.status, "issued");
  });

  it("a rejected order fails waitForIssuance; a revoked one keeps its certificate in state with status revoked", async () => {
    const rejected = await admin().createSslOrder({ domains: ["no.example.com"], state: "rejected" });
    await assert.rejects(impl.create({ orderNumber: rejected.orderNumber, waitForIssuance: true }), /rejected/);
    const plain = await impl.create({ orderNumber: rejected.orderNumber });
    assert.equal(plain.outs.status, "rejected");
    assert.equal(plain.outs.statusCode, -20);

    const o = await admin().createSslOrder({ domains: ["rev.example.com"], state: "issued" });
    const { outs } = await impl.create({ certificateId: o.certificateId });
    assert.equal(outs.status, "issued");
    await admin().setState(o.orderNumber, "revoked");
    const { props } = await impl.read(`certificateId:${o.certificateId}`, outs);
    assert.equal(props.status, "revoked");
    assert.equal(props.statusMessage, "The certificate has been revoked!");
    assert.equal(props.certificatePem, outs.certificatePem);
  });

  it("collects a NicSRS order's certificate through its vendorId", async () => {
    const placed = await sim.post("place", placeFields({ domains: ["vendor.example.com"], csr: await csrFor(["vendor.example.com"]) }));
    const certId: string = placed.json.data.certId;
    let collected = await sim.post("collect", { certId });
    for (let i = 0; i < 5 && collected.json.status !== "COMPLETE"; i++) collected = await sim.post("collect", { certId });
    const { outs } = await impl.create({ orderNumber: collected.json.data.vendorId, waitForIssuance: true });
    assert.equal(fp(outs.certificatePem), fp(collected.json.data.certificate));
  });

  it("20 resources created at once reach the simulator one call at a time on the account", async () => {
    const orders = await Promise.all(Array.from({ length: 20 }, (_, i) => admin().createSslOrder({ domains: [`q${i}.example.com`], state: "issued" })));
    await admin().setLatency(15);
    await admin().resetConcurrency();
    try {
      const results = await Promise.all(orders.map((o) => impl.create({ orderNumber: o.orderNumber, waitForIssuance: true })));
      assert.ok(results.every((r) => r.outs.status === "issued"));
    } finally {
      await admin().setLatency(0);
    }
    const c = await admin().concurrency();
    assert.equal(c.calls[LOGIN.loginName], 20);
    assert.equal(c.maxInFlight[LOGIN.loginName], 1);
    assert.equal(c.rejected[LOGIN.loginName] ?? 0, 0);
  });

  it("without credentials create fails naming the config keys; the password never shows", async () => {
    resetSectigoCredentials();
    const saved = { n: process.env.SECTIGO_LOGIN_NAME, p: process.env.SECTIGO_LOGIN_PASSWORD };
    delete process.env.SECTIGO_LOGIN_NAME;
    delete process.env.SECTIGO_LOGIN_PASSWORD;
    try {
      await assert.rejects(impl.create({ orderNumber: "1" }), (e: unknown) => e instanceof MissingSectigoCredentialsError && /sectigo:loginPassword/.test(e.message));
      const config: Record<string, string> = { "sectigo:endpoint": sim.url, "sectigo:loginName": LOGIN.loginName, "sectigo:loginPassword": "wrong-password-123" };
      await configureSectigo({ config: { get: (k: string) => config[k] } });
      const err = (await impl.create({ orderNumber: "1" }).catch((e) => e)) as Error;
      assert.match(err.message, /-16/);
      assert.ok(!err.message.includes("wrong-password-123"));
    } finally {
      if (saved.n !== undefined) process.env.SECTIGO_LOGIN_NAME = saved.n;
      if (saved.p !== undefined) process.env.SECTIGO_LOGIN_PASSWORD = saved.p;
      const config: Record<string, string> = { "sectigo:endpoint": sim.url, "sectigo:loginName": LOGIN.loginName, "sectigo:loginPassword": LOGIN.loginPassword };
      await configureSectigo({ config: { get: (k: string) => config[k] } });
    }
  });
});

import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import * as impl from "../../provider/sectigo-smime-impl";
import { SectigoClient } from "../../sdk/sectigo";
import { createCsr, generateKeyPair, parseCertificate, publicKeyMatches, verifyChain } from "../../sdk/x509";
import { later, LOGIN, useSectigoProvider } from "./sectigo-helpers";

type Failed = Error & { id?: string; properties?: Record<string, unknown> };

describe("provider: SmimeCertificate against the simulator", function () {
  this.timeout(60_000);
  const { sim, admin, progress } = useSectigoProvider();
  const ec = { algorithm: "ECDSA", curve: "P-256" } as const;
  const client = () => new SectigoClient({ ...LOGIN, baseUrl: sim.url });
  const csrFor = async (email: string) => createCsr({ privateKeyPem: (await generateKeyPair(ec)).privateKeyPem, commonName: email, emails: [email] });

  describe("check and diff", () => {
    const failures = async (news: Record<string, unknown>) => (await impl.check({}, news)).failures.map((f) => f.property);
    it("validates identifiers, email, csr and key", async () => {
      assert.deepEqual(await failures({ email: "a@example.com" }), ["orderNumber"]);
      assert.deepEqual(await failures({ orderNumber: "1", collectionCode: "X", email: "a@example.com" }), ["collectionCode"]);
      assert.deepEqual(await failures({ orderNumber: "1" }), ["email"]);
      assert.deepEqual(await failures({ orderNumber: "1", email: "not-an-email" }), ["email"]);
      assert.deepEqual(await failures({ orderNumber: "1", csr: "garbage" }), ["csr"]);
      assert.deepEqual(await failures({ orderNumber: "1", email: "a@example.com", key: { algorithm: "RSA", rsaBits: 1024 } }), ["key.rsaBits"]);
      assert.deepEqual(await failures({ orderNumber: "1", email: "a@example.com", loginName: "x" }), ["loginName"]);
      assert.deepEqual(await failures({ collectionCode: "ABC", email: "a@example.com", key: ec }), []);
    });
    it("a different mailbox, CSR or key is a replacement; the timeout is an in-place change; explicit changes always", async () => {
      const olds = { orderNumber: "1", email: "a@example.com", key: ec, waitTimeoutMinutes: 5 };
      assert.deepEqual(await impl.diff("1", olds, { ...olds }), { changes: false, replaces: [], deleteBeforeReplace: false });
      assert.deepEqual((await impl.diff("1", olds, { ...olds, email: "b@example.com" })).replaces, ["email"]);
      assert.deepEqual((await impl.diff("1", olds, { ...olds, key: { algorithm: "RSA" } })).replaces, ["key"]);
      assert.deepEqual(await impl.diff("1", olds, { ...olds, waitTimeoutMinutes: 10 }), { changes: true, replaces: [], deleteBeforeReplace: false });
    });
  });

  it("generates the key and CSR, submits once, outputs the certificate for the mailbox with the key as state", async () => {
    const o = await admin().createSmimeOrder({ email: "alice@example.com" });
    await sim.admin.resetCalls();
    const { id, outs } = await impl.create({ orderNumber: o.orderNumber, email: "alice@example.com", key: ec });
    assert.equal(id, o.orderNumber);
    assert.equal(outs.status, "issued");
    assert.equal(outs.csrSubmitted, true);
    assert.deepEqual(outs.emails, ["alice@example.com"]);
    assert.ok(new X509Certificate(String(outs.certificatePem)).keyUsage?.includes("1.3.6.1.5.5.7.3.4"));
    assert.ok(publicKeyMatches(String(outs.privateKeyPem), String(outs.certificatePem)));
    const chain = String(outs.chainPem).match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g)!;
    assert.equal(await verifyChain(String(outs.certificatePem), chain, [await sim.admin.rootCertificatePem()]), true);
    assert.deepEqual(await sim.admin.calls(), { RequestAndCollectSMIME: 1 });
    assert.ok(!JSON.stringify(outs).includes(LOGIN.loginPassword));

    const { props } = await impl.read(id, outs);
    assert.equal(props.certificatePem, outs.certificatePem);
    assert.equal(props.privateKeyPem, outs.privateKeyPem);
  });

  it("takes the user's CSR (no key in state) and a collection code", async () => {
    const o = await admin().createSmimeOrder({ email: "bob@example.com" });
    const csr = await csrFor("bob@example.com");
    const { id, outs } = await impl.create({ collectionCode: o.collectionCode, csr });
    assert.equal(id, `collectionCode:${o.collectionCode}`);
    assert.equal(outs.privateKeyPem, undefined);
    assert.equal(outs.csrPem, csr);
    assert.deepEqual(parseCertificate(String(outs.certificatePem)).emails, ["bob@example.com"]);
  });

  it("polls with backoff until the order is issued", async () => {
    const o = await admin().createSmimeOrder({ email: "carol@example.com", issueOnRequest: false, issueAfterCollects: 3 });
    const { outs } = await impl.create({ orderNumber: o.orderNumber, email: "carol@example.com", key: ec });
    assert.equal(outs.status, "issued");
    assert.ok(progress.some((l) => l.includes(`S/MIME order ${o.orderNumber} is being processed`)));
  });

  it("a CSR refused for pending e-mail verification (-154) is sent again once verified", async () => {
    const o = await admin().createSmimeOrder({ email: "dave@example.com", emailVerified: false });
    const [{ outs }] = await Promise.all([impl.create({ orderNumber: o.orderNumber, email: "dave@example.com", key: ec }), later(250, () => admin().update(o.orderNumber, { emailVerified: true }))]);
    assert.equal(outs.status, "issued");
    assert.ok(publicKeyMatches(String(outs.privateKeyPem), String(outs.certificatePem)));
  });

  it("an answer lost after the CA stored the CSR: the resend gets -18, and the certificate is ours", async () => {
    const o = await admin().createSmimeOrder({ email: "erin@example.com" });
    await sim.admin.injectFault({ endpoint: "RequestAndCollectSMIME", drop: "after", times: 1 });
    await sim.admin.resetCalls();
    const { outs } = await impl.create({ orderNumber: o.orderNumber, email: "erin@example.com", key: ec });
    assert.equal(outs.status, "issued");
    assert.ok(publicKeyMatches(String(outs.privateKeyPem), String(outs.certificatePem)));
    assert.equal((await admin().order(o.orderNumber)).csrPem, outs.csrPem);
    assert.ok((await sim.admin.calls()).RequestAndCollectSMIME >= 2);
  });

  it("an order that already had someone else's CSR fails with a key mismatch (recorded in state)", async () => {
    const o = await admin().createSmimeOrder({ email: "frank@example.com" });
    await client().requestAndCollectSmime({ orderNumber: o.orderNumber, csr: await csrFor("frank@example.com"), returnCertificate: true });
    const err = (await impl.create({ orderNumber: o.orderNumber, email: "frank@example.com", key: ec }).catch((e) => e)) as Failed;
    assert.match(err.message, /different key/);
    assert.equal(err.id, o.orderNumber);
    assert.ok(err.properties?.privateKeyPem);
  });

  it("a timeout keeps key and CSR in state; update finishes without a second CSR", async () => {
    const o = await admin().createSmimeOrder({ email: "grace@example.com", issueOnRequest: false });
    const err = (await impl.create({ orderNumber: o.orderNumber, email: "grace@example.com", key: ec, waitTimeoutMinutes: 0.01 }).catch((e) => e)) as Failed;
    assert.match(err.message, /not issued within/);
    assert.equal(err.properties?.csrSubmitted, true);
    assert.equal(err.properties?.status, "processing");
    await admin().setState(o.orderNumber, "issued");
    const { outs } = await impl.update(o.orderNumber, err.properties!, { orderNumber: o.orderNumber, email: "grace@example.com", key: ec });
    assert.equal(outs.status, "issued");
    assert.ok(publicKeyMatches(String(err.properties!.privateKeyPem), String(outs.certificatePem)));
  });

  it("rejected before the CSR: create fails with -20 and records nothing; revoked later: read keeps the certificate with status revoked", async () => {
    const rejected = await admin().createSmimeOrder({ email: "heidi@example.com", state: "rejected" });
    const err = (await impl.create({ orderNumber: rejected.orderNumber, email: "heidi@example.com", key: ec }).catch((e) => e)) as Failed;
    assert.match(err.message, /-20/);
    assert.equal(err.id, undefined);

    const o = await admin().createSmimeOrder({ email: "ivan@example.com" });
    const { id, outs } = await impl.create({ orderNumber: o.orderNumber, email: "ivan@example.com", key: ec });
    await admin().setState(o.orderNumber, "revoked");
    const { props } = await impl.read(id, outs);
    assert.equal(props.status, "revoked");
    assert.equal(props.statusCode, -21);
    assert.equal(props.certificatePem, outs.certificatePem);
  });

  it("20 resources created at once: the account sees one call at a time", async () => {
    const orders = await Promise.all(Array.from({ length: 20 }, (_, i) => admin().createSmimeOrder({ email: `user${i}@example.com`, issueOnRequest: false, issueAfterCollects: 2 })));
    await admin().setLatency(10);
    await admin().resetConcurrency();
    try {
      const results = await Promise.all(orders.map((o, i) => impl.create({ orderNumber: o.orderNumber, email: `user${i}@example.com`, key: ec })));
      assert.ok(results.every((r, i) => r.outs.status === "issued" && (r.outs.emails as string[])[0] === `user${i}@example.com`));
    } finally {
      await admin().setLatency(0);
    }
    const c = await admin().concurrency();
    assert.ok(c.calls[LOGIN.loginName] >= 60, `calls ${c.calls[LOGIN.loginName]}`);
    assert.equal(c.maxInFlight[LOGIN.loginName], 1);
    assert.equal(c.rejected[LOGIN.loginName] ?? 0, 0);
  });
});

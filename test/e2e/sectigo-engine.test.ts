// Both Sectigo resources as users run them: the real Pulumi CLI (Automation API), the nodejs language
// host, the dynamic-provider host and the simulator's Sectigo front end, with the Sectigo credentials
// from the stack config (the password a secret).
import { strict as assert } from "node:assert";
import { parseCertificate, publicKeyMatches } from "../../sdk/x509";
import { changesOf, SECTIGO_LOGIN, SectigoEngineHarness, stateOutputs, stateResources } from "./sectigo-harness";
import type { CrossOut, SmimeOut, SslOut } from "./sectigo-program/spec";

type Outputs = Record<string, { value: unknown }>;
const outputsOf = <T>(outputs: Outputs, key: string) => outputs[key].value as Record<string, T>;
const fingerprint = (pem: string) => parseCertificate(pem).sha256Fingerprint;

describe("e2e: Sectigo resources through the pulumi engine", function () {
  this.timeout(15 * 60_000);
  const h = new SectigoEngineHarness();

  before(async function () {
    this.timeout(40 * 60_000); // a first run may build the CLI from Go modules
    await h.start();
  });
  after(() => h.stop());
  beforeEach(() => h.sim.admin.resetCalls());

  /** Neither the stack config file, `pulumi stack export` nor anything the engine printed holds the Sectigo password or a private key. */
  function assertNoSecretsIn(stackName: string): void {
    const config = h.stackConfigFile(stackName);
    assert.match(config, /sectigo:loginPassword:\s+secure:/, "the password is a secret in the stack config");
    assert.ok(!config.includes(h.loginPassword), "Sectigo password in plain text in the stack config");
    const exported = h.exportWithoutSecrets(stackName);
    assert.match(exported, /sectigo:SslCertificate|sectigo:SmimeCertificate/, "the export holds the stack's Sectigo resources");
    assert.ok(!exported.includes(h.loginPassword), "Sectigo password in state");
    assert.ok(!/PRIVATE KEY/.test(exported), "private key in state");
    assert.ok(!h.transcript.join("").includes(h.loginPassword), "Sectigo password in engine output");
  }

  it("SectigoSslCertificate adopts a Sectigo order and cross-collects a NicSRS Certificate by vendorId: preview, up, unchanged up, refresh, destroy", async () => {
    const atSectigo = await h.sectigo.createSslOrder({ domains: ["adopt.example.test", "www.adopt.example.test"], loginName: SECTIGO_LOGIN });
    const stack = await h.stack("ssl", { crossCollect: [{ name: "site", domains: ["cross.example.test"] }], ssl: [{ name: "adopted", orderNumber: atSectigo.orderNumber }] });

    const preview = await stack.preview({ onOutput: h.record });
    assert.equal(preview.changeSummary.create, 4, JSON.stringify(preview.changeSummary)); // stack, Certificate, 2 SectigoSslCertificate
    assert.deepEqual(await h.sim.admin.calls(), {}, "preview calls no CA");

    const up = await stack.up({ onOutput: h.record });
    const cross = outputsOf<CrossOut>(up.outputs, "crossCollected").site;
    const nicsrsOrder = await h.sim.admin.order(cross.certId);
    assert.equal(nicsrsOrder.status, "COMPLETE");
    assert.ok(cross.vendorId, "NicSRS reported a vendorId");
    assert.equal(cross.sectigoOrderNumber, cross.vendorId, "adopted at Sectigo by the NicSRS vendorId");
    assert.equal(cross.sectigoStatus, "issued");
    assert.equal(cross.sectigoFingerprint, fingerprint(nicsrsOrder.certificatePem!), "Sectigo returned the certificate NicSRS issued");
    assert.equal(cross.nicsrsFingerprint, cross.sectigoFingerprint);
    const adopted = outputsOf<SslOut>(up.outputs, "ssl").adopted;
    assert.equal(adopted.orderNumber, atSectigo.orderNumber);
    assert.equal(adopted.status, "processing");
    assert.equal(adopted.statusCode, 0);
    assert.equal(adopted.certificateStatus, "Awaiting Validation");
    assert.equal(adopted.sha256Fingerprint, undefined);
    const upCalls = await h.sim.admin.calls();
    assert.equal(upCalls.place, 1, JSON.stringify(upCalls));
    assert.ok((upCalls.CollectSSL ?? 0) >= 2, JSON.stringify(upCalls));

    await h.sim.admin.resetCalls();
    const again = await stack.up({ onOutput: h.record });
    assert.deepEqual(changesOf(again.summary), [], "an unchanged up changes nothing");
    assert.deepEqual(await h.sim.admin.calls(), {}, "an unchanged up calls no CA");

    // Sectigo issues the adopted order: refresh records its certificate, the next up shows it.
    await h.sectigo.setState(atSectigo.orderNumber, "issued");
    const issuedAtSectigo = await h.sectigo.order(atSectigo.orderNumber);
    // The engine reports the refresh as "same" (the resource's diff compares inputs only); the state
    // holds what Sectigo answered.
    await stack.refresh({ onOutput: h.record });
    const refreshed = await stateOutputs(stack, "adopted");
    assert.equal(refreshed.status, "issued");
    assert.equal(refreshed.certificateStatus, "Issued");
    assert.equal(refreshed.certificatePem, issuedAtSectigo.certificatePem);
    assert.deepEqual(refreshed.sans, ["adopt.example.test", "www.adopt.example.test"]);
    const afterRefresh = await stack.up({ onOutput: h.record });
    assert.deepEqual(changesOf(afterRefresh.summary), []);
    assert.equal(outputsOf<SslOut>(afterRefresh.outputs, "ssl").adopted.sha256Fingerprint, fingerprint(issuedAtSectigo.certificatePem!));

    assertNoSecretsIn("ssl");

    await h.sim.admin.resetCalls();
    await stack.destroy({ onOutput: h.record });
    assert.deepEqual(await stateResources(stack), [], "destroy empties the state");
    const destroyCalls = await h.sim.admin.calls();
    assert.equal(destroyCalls.CollectSSL ?? 0, 0, "forgetting a Sectigo order calls no Sectigo API");
    assert.equal((destroyCalls.cancel ?? 0) + (destroyCalls.revoke ?? 0), 0, "an issued NicSRS certificate is kept (cancelPending)");
    assert.equal((await h.sectigo.order(atSectigo.orderNumber)).state, "issued", "the adopted order is untouched at Sectigo");
    assert.equal((await h.sim.admin.order(cross.certId)).status, "COMPLETE");
  });

  it("SmimeCertificate from CSR submission to the collected certificate: preview, up, unchanged up, refresh, destroy", async () => {
    // Issued on the second collect after the CSR arrives, so create submits once and then polls.
    const order = await h.sectigo.createSmimeOrder({ email: "alice@example.test", loginName: SECTIGO_LOGIN, issueOnRequest: false, issueAfterCollects: 2 });
    const stack = await h.stack("smime", { smime: [{ name: "mail", orderNumber: order.orderNumber, email: "alice@example.test" }] });

    const preview = await stack.preview({ onOutput: h.record });
    assert.equal(preview.changeSummary.create, 2, JSON.stringify(preview.changeSummary));
    assert.deepEqual(await h.sim.admin.calls(), {}, "preview calls no CA");
    assert.equal((await h.sectigo.order(order.orderNumber)).csrPem, undefined, "preview submits no CSR");

    const up = await stack.up({ onOutput: h.record });
    const mail = outputsOf<SmimeOut>(up.outputs, "smime").mail;
    assert.equal(mail.orderNumber, order.orderNumber);
    assert.equal(mail.status, "issued");
    assert.equal(mail.csrSubmitted, true);
    assert.deepEqual(mail.emails, ["alice@example.test"]);
    assert.equal(mail.hasPrivateKey, true);
    const atSectigo = await h.sectigo.order(order.orderNumber);
    assert.equal(atSectigo.state, "issued");
    assert.equal(mail.sha256Fingerprint, fingerprint(atSectigo.certificatePem!));
    const state = await stateOutputs(stack, "mail");
    assert.equal(state.csrPem, atSectigo.csrPem, "the CSR Sectigo holds is the one in state");
    assert.ok(publicKeyMatches(String(state.privateKeyPem), atSectigo.certificatePem!), "the key in state belongs to the certificate");
    assert.ok(((await h.sim.admin.calls()).RequestAndCollectSMIME ?? 0) >= 3, "one submission, then collects until issued");

    await h.sim.admin.resetCalls();
    const again = await stack.up({ onOutput: h.record });
    assert.deepEqual(changesOf(again.summary), [], "an unchanged up changes nothing");
    assert.deepEqual(await h.sim.admin.calls(), {}, "an unchanged up submits nothing and collects nothing");

    // Sectigo revokes it: refresh records the status and keeps the last certificate and the key.
    await h.sectigo.setState(order.orderNumber, "revoked");
    await h.sim.admin.resetCalls();
    await stack.refresh({ onOutput: h.record });
    assert.deepEqual(await h.sim.admin.calls(), { RequestAndCollectSMIME: 1 }, "refresh collects once");
    const revoked = await stateOutputs(stack, "mail");
    assert.equal(revoked.status, "revoked");
    assert.equal(revoked.certificatePem, atSectigo.certificatePem);
    assert.equal(revoked.privateKeyPem, state.privateKeyPem);
    assert.equal((await h.sectigo.order(order.orderNumber)).csrPem, atSectigo.csrPem, "refresh submitted no new CSR");

    assertNoSecretsIn("smime");

    await h.sim.admin.resetCalls();
    await stack.destroy({ onOutput: h.record });
    assert.deepEqual(await stateResources(stack), [], "destroy empties the state");
    assert.deepEqual(await h.sim.admin.calls(), {}, "forgetting an S/MIME certificate calls no Sectigo API");
    assert.equal((await h.sectigo.order(order.orderNumber)).state, "revoked");
  });

  it("four resources on one account in one stack reach Sectigo one call at a time (up, refresh)", async () => {
    // Every Sectigo call is held 150 ms, so calls the provider sent together would overlap.
    await h.sectigo.setLatency(150);
    try {
      const ssl = await Promise.all(["q1", "q2"].map((l) => h.sectigo.createSslOrder({ domains: [`${l}.example.test`], loginName: SECTIGO_LOGIN, state: "issued" })));
      const smime = await Promise.all(["bob", "carol"].map((u) => h.sectigo.createSmimeOrder({ email: `${u}@example.test`, loginName: SECTIGO_LOGIN })));
      const stack = await h.stack("queue", {
        ssl: ssl.map((o, i) => ({ name: `ssl-${i}`, orderNumber: o.orderNumber })),
        smime: smime.map((o, i) => ({ name: `smime-${i}`, orderNumber: o.orderNumber, email: o.email! })),
      });

      await h.sectigo.resetConcurrency();
      const up = await stack.up({ onOutput: h.record }).catch(async (err: Error) => {
        // Overlapping calls are refused (-14) and fail the up: say how many were in flight.
        throw new Error(`up failed; Sectigo calls per account: ${JSON.stringify(await h.sectigo.concurrency())}\n${err.message}`);
      });
      assert.equal(up.summary.resourceChanges?.create, 5, JSON.stringify(up.summary.resourceChanges));
      const afterUp = await h.sectigo.concurrency();
      assert.equal(afterUp.maxInFlight[SECTIGO_LOGIN], 1, JSON.stringify(afterUp));
      assert.equal(afterUp.rejected[SECTIGO_LOGIN] ?? 0, 0, JSON.stringify(afterUp));
      assert.ok(afterUp.calls[SECTIGO_LOGIN] >= 4, JSON.stringify(afterUp));
      for (const [name, out] of Object.entries(outputsOf<SslOut>(up.outputs, "ssl"))) assert.equal(out.status, "issued", name);
      for (const [name, out] of Object.entries(outputsOf<SmimeOut>(up.outputs, "smime"))) assert.equal(out.status, "issued", name);

      await h.sectigo.resetConcurrency();
      await stack.refresh({ onOutput: h.record });
      const afterRefresh = await h.sectigo.concurrency();
      assert.equal(afterRefresh.calls[SECTIGO_LOGIN], 4, JSON.stringify(afterRefresh));
      assert.equal(afterRefresh.maxInFlight[SECTIGO_LOGIN], 1, JSON.stringify(afterRefresh));
      assert.equal(afterRefresh.rejected[SECTIGO_LOGIN] ?? 0, 0);

      assertNoSecretsIn("queue");
      await stack.destroy({ onOutput: h.record });
    } finally {
      await h.sectigo.setLatency(0);
    }
  });
});

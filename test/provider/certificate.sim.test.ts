// The Certificate provider's methods against the simulator: every branch of check, create, read,
// diff, update (reissue, renew, updateDCV) and delete.
import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import * as impl from "../../provider/cert-impl";
import * as validation from "../../provider/validation-impl";
import { NicSrsClient } from "../../sdk/nicsrs";
import { createCsr, generateKeyPair, parseCertificate, parseCsr, publicKeyMatches, readPkcs12, verifyChain } from "../../sdk/x509";
import { baseInputs, organization, administrator } from "./fixtures";
import { DAY_MS, Host, useSimulator, type Props } from "./harness";

const cert = new Host(impl);
const val = new Host(validation);

let seedCounter = 0;
/** Inputs for a fresh resource (its own refId seed, so refIds never collide between tests). */
function inputs(over: Props = {}): Props {
  return { ...baseInputs(), refIdSeed: `test/sim/cert-${++seedCounter}-${Date.now()}`, ...over };
}

describe("provider: Certificate against the simulator", function () {
  this.timeout(60_000);
  const h = useSimulator();
  const admin = () => h.sim.admin;

  /** DCV passes at the CA and the certificate is issued (what DNS + CertificateValidation do in a program). */
  async function issue(certId: string): Promise<Props> {
    await admin().approveDcv(certId);
    const v = await val.create({ certId, timeoutMinutes: 1 });
    return v.outs;
  }

  beforeEach(() => admin().resetCalls());

  describe("check", () => {
    it("bad inputs: failures naming field and value, and no CA call", async () => {
      const r = await cert.check({}, inputs({ domains: ["www.example.com", "exa mple.com"], years: 9, dcvMethod: "EMAIL", dcvEmail: "ceo@example.com" }));
      const props = [...new Set(r.failures.map((f) => f.property))].sort();
      assert.deepEqual(props, ["dcvEmail", "domains[1]", "years"], JSON.stringify(r.failures));
      assert.ok(r.failures.some((f) => f.property === "domains[1]" && f.reason.startsWith('"exa mple.com" is not a valid domain name')));
      assert.deepEqual(await h.calls(), {});
    });

    it("good inputs: no failures, the inputs come back as given", async () => {
      const news = inputs();
      const r = await cert.check({}, news);
      assert.deepEqual(r.failures, []);
      assert.deepEqual(r.inputs.domains, news.domains);
    });
  });

  describe("create", () => {
    it("local RSA key: refId lookup + place, DCV records from the CSR hash, key and CSR out", async () => {
      const { id, outs } = await cert.create(inputs());
      assert.deepEqual(await h.calls(), { getCertByRefId: 1, place: 1 });
      assert.equal(outs.certId, id);
      assert.equal(outs.status, "PENDING");
      assert.match(String(outs.refId), /^pulumi-[0-9a-f]{24}$/);
      const csr = String(outs.csrPem);
      const key = String(outs.privateKeyPem);
      assert.match(key, /BEGIN PRIVATE KEY/);
      assert.ok(publicKeyMatches(key, csr));
      const md5 = createHash("md5").update(parseCsr(csr).der).digest("hex").toUpperCase();
      const records = outs.dcvRecords as { domain: string; name: string; type: string; value: string }[];
      assert.deepEqual(records.map((r) => r.domain), ["www.example.com", "api.example.com"]);
      for (const r of records) {
        assert.equal(r.type, "CNAME");
        assert.equal(r.name.toUpperCase(), `_${md5}.${r.domain}`.toUpperCase());
        assert.match(r.value, /\.sectigo\.com$/);
      }
      assert.ok(outs.placedAt && outs.renewalWindowOpensAt, "placement date and the (estimated) renewal window");
      const order = await admin().order(id);
      assert.equal(order.refId, outs.refId);
      assert.ok(publicKeyMatches(key, order.csrPem));

      // issuance, then refresh learns the real dates from the X.509
      const v = await issue(id);
      const r = await cert.read(id, outs);
      assert.equal(r.id, id);
      const p = r.props!;
      assert.equal(p.status, "COMPLETE");
      assert.ok(publicKeyMatches(key, String(p.certificatePem)));
      const x = parseCertificate(String(p.certificatePem));
      assert.equal(p.notAfter, x.notAfter);
      assert.equal(p.serialNumber, x.serialNumber);
      assert.equal(p.sha256Fingerprint, x.sha256Fingerprint);
      assert.equal(p.notAfter, v.notAfter);
      assert.ok(p.subscriptionEndsAt);
      assert.equal(String(p.fullChainPem).split("BEGIN CERTIFICATE").length - 1, 1 + (String(p.caCertificatePem).split("BEGIN CERTIFICATE").length - 1));
      assert.ok(await verifyChain(String(p.certificatePem), [String(p.caCertificatePem)], [await admin().rootCertificatePem()]));
      assert.deepEqual(r.inputs?.domains, baseInputs().domains, "read returns the inputs too");
      assert.equal(p.privateKeyPem, key, "refresh keeps the key");
      // nothing to do afterwards: diff is explicit and makes no call
      await admin().resetCalls();
      const d = await cert.diff(id, p, r.inputs!);
      assert.equal(d.changes, false);
      assert.deepEqual(await h.calls(), {});
    });

    it("ECDSA key (P-384)", async () => {
      const { id, outs } = await cert.create(inputs({ key: { algorithm: "ECDSA", curve: "P-384" } }));
      assert.match(String(outs.privateKeyPem), /BEGIN PRIVATE KEY/);
      await issue(id);
      const p = (await cert.read(id, outs)).props!;
      assert.ok(publicKeyMatches(String(outs.privateKeyPem), String(p.certificatePem)));
      assert.equal(p.keyMismatch, undefined);
    });

    it("own CSR: sent as is, no private key in state", async () => {
      const { privateKeyPem } = await generateKeyPair({ algorithm: "RSA", rsaBits: 3072 });
      const csr = await createCsr({ privateKeyPem, commonName: "www.example.com", sans: ["www.example.com", "api.example.com"] });
      const { id, outs } = await cert.create(inputs({ csr }));
      assert.equal(outs.privateKeyPem, undefined);
      assert.equal(outs.csrPem, csr);
      await issue(id);
      const p = (await cert.read(id, outs)).props!;
      assert.ok(publicKeyMatches(privateKeyPem, String(p.certificatePem)));
    });

    it("CA-generated key: no CSR sent; key, PKCS#12 and its password out once issued", async () => {
      const { id, outs } = await cert.create(inputs({ keySource: "ca" }));
      assert.equal(outs.csrPem, undefined);
      assert.equal(outs.privateKeyPem, undefined);
      const v = await issue(id);
      assert.match(String(v.privateKeyPem), /PRIVATE KEY/);
      const p = (await cert.read(id, outs)).props!;
      assert.ok(publicKeyMatches(String(p.privateKeyPem), String(p.certificatePem)));
      const pfx = readPkcs12(String(p.pkcs12), String(p.pkcs12Password));
      assert.ok(publicKeyMatches(pfx.privateKeyPem, String(p.certificatePem)));
    });

    it("waitForIssuance timeout: the order is still recorded (init error carries id and outputs)", async () => {
      const err = await cert.create(inputs({ waitForIssuance: true, waitTimeoutMinutes: 0.005 })).then(
        () => assert.fail("expected a timeout"),
        (e: Error & { id?: string; properties?: Props }) => e,
      );
      assert.match(err.message, /was not issued within 0.005 minutes \(status PENDING\): www\.example\.com: CNAME _/);
      assert.ok(err.id, "id recorded");
      assert.equal(err.properties?.certId, err.id);
    });

    it("adopts an existing order by certId: collects, never places", async () => {
      const client = new NicSrsClient({ apiToken: h.sim.apiToken, baseUrl: h.sim.url });
      const { privateKeyPem } = await generateKeyPair({ algorithm: "RSA" });
      const csr = await createCsr({ privateKeyPem, commonName: "www.example.com", sans: ["www.example.com", "api.example.com"] });
      const placed = await client.place({
        productCode: "positivessl-multi-domain",
        years: 1,
        params: { csr, domainInfo: ["www.example.com", "api.example.com"].map((d) => ({ domainName: d, dcvMethod: "CNAME_CSR_HASH" as const })), Administrator: administrator },
      });
      await client.close();
      await admin().approveDcv(placed.certId);
      await admin().resetCalls();
      const news = inputs({ certId: placed.certId });
      const { id, outs } = await cert.create(news);
      const calls = await h.calls();
      assert.equal(calls.place ?? 0, 0);
      assert.equal(id, placed.certId);
      assert.equal(outs.certId, placed.certId);
      assert.equal(outs.status, "COMPLETE");
      assert.equal(outs.privateKeyPem, undefined, "the owner's key is not ours");
      assert.equal((await cert.diff(id, outs, news)).changes, false);
      // a different domain set is refused
      await assert.rejects(cert.create(inputs({ certId: placed.certId, domains: ["other.example.com"] })), /covers api\.example\.com, www\.example\.com but domains is other\.example\.com/);
      await assert.rejects(cert.create(inputs({ certId: "000000nosuchorder" })), /cannot adopt certId 000000nosuchorder/);
    });

    it("a lost place answer is recovered in the same run: one order, this run's key", async () => {
      await admin().injectFault({ endpoint: "place", drop: "after" });
      const { id, outs } = await cert.create(inputs());
      const orders = (await admin().orders()).filter((o) => o.refId === outs.refId);
      assert.equal(orders.length, 1);
      assert.equal(orders[0].certId, id);
      assert.ok(publicKeyMatches(String(outs.privateKeyPem), orders[0].csrPem));
      assert.equal((await admin().calls()).cancel ?? 0, 0);
    });

    it("a re-run after a killed CLI finds the pending order, refunds it and orders again with this run's key", async () => {
      const news = inputs();
      const first = await cert.create(news); // the run whose state was lost
      const credit = await admin().credit();
      const second = await cert.create(news);
      assert.notEqual(second.id, first.id);
      assert.equal(second.outs.refId, `${first.outs.refId}-2`);
      assert.equal((await admin().order(first.id)).status, "CANCELLED");
      assert.equal(await admin().credit(), credit, "refund first, then one charge: net nothing more");
      const live = (await admin().orders()).filter((o) => String(o.refId).startsWith(String(first.outs.refId)) && o.status !== "CANCELLED");
      assert.equal(live.length, 1);
      assert.ok(publicKeyMatches(String(second.outs.privateKeyPem), live[0].csrPem));
      // and the same again finds -2 (pending, lost key again) → -3
      const third = await cert.create(news);
      assert.equal(third.outs.refId, `${first.outs.refId}-3`);
    });

    it("a re-run that finds an issued order reissues it with this run's key (free)", async () => {
      const news = inputs();
      const first = await cert.create(news);
      await issue(first.id);
      const credit = await admin().credit();
      await admin().resetCalls();
      const again = await cert.create(news);
      assert.equal(again.id, first.id, "the resource id is the first certId");
      assert.notEqual(again.outs.certId, first.id);
      assert.equal((await h.calls()).reissue, 1);
      assert.equal(await admin().credit(), credit);
      const reissued = await admin().order(String(again.outs.certId));
      assert.equal(reissued.reissueOf, first.id);
      assert.ok(publicKeyMatches(String(again.outs.privateKeyPem), reissued.csrPem));
      assert.deepEqual(again.outs.previousCertIds, [first.id]);
    });

    it("a user-given refId is used as is", async () => {
      const refId = `mine-${Date.now()}`;
      const { outs } = await cert.create(inputs({ refId }));
      assert.equal(outs.refId, refId);
      assert.equal(outs.requestedRefId, refId);
    });

    it("OV product with organization and contacts", async () => {
      const { id, outs } = await cert.create(inputs({ productCode: "sectigo-ov", domains: ["www.example.com"], organization, tech: administrator, finance: administrator }));
      assert.equal(outs.status, "PENDING");
      assert.ok(id);
    });

    it("the CA's refusal is reported with its reason; no token in the message", async () => {
      await admin().setCredit(1);
      try {
        await assert.rejects(cert.create(inputs()), (e: Error) => /insufficient credit/.test(e.message) && !e.message.includes(h.sim.apiToken));
      } finally {
        await admin().setCredit(100_000);
      }
    });
  });

  describe("update", () => {
    it("DCV method change on a pending order: updateDCV in place, new records out", async () => {
      const news = inputs();
      const { id, outs } = await cert.create(news);
      const changed = { ...news, domainDcv: { "api.example.com": { method: "HTTP_CSR_HASH" } } };
      const d = await cert.diff(id, outs, changed);
      assert.equal(d.changes, true);
      assert.deepEqual(d.replaces, []);
      await admin().resetCalls();
      const after = await cert.update(id, outs, changed);
      const calls = await h.calls();
      assert.equal(calls.updateDCV, 1);
      assert.equal(calls.place ?? 0, 0);
      assert.equal(after.certId, id);
      assert.deepEqual((after.dcvRecords as { domain: string }[]).map((r) => r.domain), ["www.example.com"]);
      const files = after.dcvFiles as { domain: string; url: string; content: string }[];
      assert.equal(files.length, 1);
      assert.match(files[0].url, /^http:\/\/api\.example\.com\/\.well-known\/pki-validation\/[0-9A-F]{32}\.txt$/);
      assert.equal((await admin().order(id)).domains.find((d) => d.domainName === "api.example.com")?.dcvMethod, "HTTP_CSR_HASH");
      assert.equal((await cert.diff(id, after, changed)).changes, false);
    });

    it("contacts / years / deletePolicy change: stored, no order", async () => {
      const news = inputs();
      const { id, outs } = await cert.create(news);
      const changed = { ...news, years: 2, deletePolicy: "retain", administrator: { ...administrator, job: "CTO" } };
      await admin().resetCalls();
      const after = await cert.update(id, outs, changed);
      const calls = await h.calls();
      assert.deepEqual(Object.keys(calls), ["collect"]);
      assert.equal(after.years, 2);
      assert.equal(after.deletePolicy, "retain");
      assert.equal(after.certId, id);
    });
  });

  describe("renewal (the simulator clock moved; NICSRS_NOW follows it)", () => {
    afterEach(async () => {
      await admin().setClock(new Date().toISOString());
      delete process.env.NICSRS_NOW;
    });

    it("reissue inside the subscription, then renew near its end", async () => {
      const news = inputs();
      const start = Date.parse(await admin().clock());
      const created = await cert.create(news);
      const id = created.id;
      await issue(id);
      let state = (await cert.read(id, created.outs)).props!;
      const firstNotAfter = String(state.notAfter);

      await admin().setClock(new Date(start + 175 * DAY_MS).toISOString());
      await h.syncNow();
      await admin().resetCalls();
      let d = await cert.diff(id, state, news);
      assert.equal(d.changes, true);
      assert.deepEqual(d.replaces, []);
      assert.deepEqual(await h.calls(), {}, "planning makes no CA call");
      state = await cert.update(id, state, news);
      let calls = await h.calls();
      assert.equal(calls.reissue, 1);
      assert.equal(calls.renew ?? 0, 0);
      assert.notEqual(state.certId, id);
      assert.equal(state.status, "PENDING");
      assert.deepEqual(state.previousCertIds, [id]);
      const reissuedId = String(state.certId);
      assert.ok(publicKeyMatches(String(state.privateKeyPem), (await admin().order(reissuedId)).csrPem));
      assert.notEqual(state.privateKeyPem, created.outs.privateKeyPem, "a fresh key");
      // the validation of the new certId, then refresh
      const v = await issue(reissuedId);
      assert.ok(Date.parse(String(v.notAfter)) > Date.parse(firstNotAfter));
      state = (await cert.read(id, state)).props!;
      assert.equal((await cert.diff(id, state, news)).changes, false);

      // 340 days on: the subscription (365 days) ends within 90 days → renew
      await admin().setClock(new Date(start + 340 * DAY_MS).toISOString());
      await h.syncNow();
      d = await cert.diff(id, state, news);
      assert.equal(d.changes, true);
      await admin().resetCalls();
      const credit = await admin().credit();
      state = await cert.update(id, state, news);
      calls = await h.calls();
      assert.equal(calls.renew, 1);
      assert.equal(calls.reissue ?? 0, 0);
      assert.ok((await admin().credit()) < credit, "a renewal is paid");
      const renewed = await admin().order(String(state.certId));
      assert.equal(renewed.renewOf, reissuedId);
      assert.deepEqual(state.previousCertIds, [id, reissuedId]);
      await issue(String(state.certId));
      state = (await cert.read(id, state)).props!;
      assert.ok(Date.parse(String(state.subscriptionEndsAt)) > start + 700 * DAY_MS);
      assert.equal((await cert.diff(id, state, news)).changes, false);
    });

    it("created before issuance (no dates in state): the estimate plans, update collects the real dates first", async () => {
      const news = inputs();
      const start = Date.parse(await admin().clock());
      const created = await cert.create(news);
      // issued 30 days after placement, without any refresh of the Certificate
      await admin().setClock(new Date(start + 30 * DAY_MS).toISOString());
      await issue(created.id);
      // day 175: by the estimate (placement + 200 days) the window is open; really it opens on day 200
      await admin().setClock(new Date(start + 175 * DAY_MS).toISOString());
      await h.syncNow();
      assert.equal((await cert.diff(created.id, created.outs, news)).changes, true);
      await admin().resetCalls();
      const state = await cert.update(created.id, created.outs, news);
      assert.deepEqual(await h.calls(), { collect: 1 }, "only learned the dates");
      assert.equal(state.certId, created.id);
      assert.equal(state.status, "COMPLETE");
      assert.equal((await cert.diff(created.id, state, news)).changes, false, "no more update once the dates are known");
      // day 205: the real window is open → reissue
      await admin().setClock(new Date(start + 205 * DAY_MS).toISOString());
      await h.syncNow();
      assert.equal((await cert.diff(created.id, state, news)).changes, true);
      const after = await cert.update(created.id, state, news);
      assert.notEqual(after.certId, created.id);
    });
  });

  describe("read", () => {
    it("a CA-cancelled order: status CANCELLED, then the diff replaces it and a new order gets the next refId", async () => {
      const news = inputs();
      const { id, outs } = await cert.create(news);
      await admin().caCancel(id);
      const r = await cert.read(id, outs);
      assert.equal(r.props?.status, "CANCELLED");
      const d = await cert.diff(id, r.props!, news);
      assert.deepEqual(d.replaces, ["status"]);
      assert.equal(d.deleteBeforeReplace, false);
      const replacement = await cert.create(news);
      assert.equal(replacement.outs.refId, `${outs.refId}-2`);
      assert.equal(replacement.outs.status, "PENDING");
      // deleting the cancelled one asks nothing more of the CA
      await admin().resetCalls();
      await cert.delete(id, r.props!);
      assert.equal((await h.calls()).cancel ?? 0, 0);
    });

    it("a CA-revoked certificate", async () => {
      const { id, outs } = await cert.create(inputs());
      await issue(id);
      await admin().caRevoke(id);
      const r = await cert.read(id, outs);
      assert.equal(r.props?.status, "REVOKED");
    });
  });

  describe("delete by deletePolicy", () => {
    const created = async (over: Props, issued: boolean) => {
      const c = await cert.create(inputs(over));
      if (issued) {
        await issue(c.id);
        return { id: c.id, outs: (await cert.read(c.id, c.outs)).props! };
      }
      return c;
    };

    it("cancelPending (default): a pending order is cancelled", async () => {
      const { id, outs } = await created({}, false);
      await cert.delete(id, outs);
      assert.equal((await admin().order(id)).status, "CANCELLED");
    });

    it("cancelPending (default): an issued certificate is kept", async () => {
      const { id, outs } = await created({}, true);
      await admin().resetCalls();
      await cert.delete(id, outs);
      assert.equal((await admin().order(id)).status, "COMPLETE");
      assert.equal((await h.calls()).cancel ?? 0, 0);
    });

    it("retain: no CA call at all", async () => {
      const { id, outs } = await created({ deletePolicy: "retain" }, false);
      await admin().resetCalls();
      await cert.delete(id, outs);
      assert.deepEqual(await h.calls(), {});
      assert.equal((await admin().order(id)).status, "PENDING");
    });

    it("cancel: an issued certificate inside the refund window is cancelled", async () => {
      const { id, outs } = await created({ deletePolicy: "cancel" }, true);
      await cert.delete(id, outs);
      assert.equal((await admin().order(id)).status, "CANCELLED");
    });

    it("cancel outside the refund window fails with the CA's reason (state is kept)", async () => {
      const { id, outs } = await created({ deletePolicy: "cancel" }, true);
      await admin().advanceClock({ days: 40 });
      try {
        await assert.rejects(cert.delete(id, outs), /refund window closed/);
        assert.equal((await admin().order(id)).status, "COMPLETE");
      } finally {
        await admin().setClock(new Date().toISOString());
      }
    });

    it("revoke: an issued certificate is revoked; a pending one cancelled", async () => {
      const a = await created({ deletePolicy: "revoke" }, true);
      await cert.delete(a.id, a.outs);
      assert.equal((await admin().order(a.id)).status, "REVOKED");
      const b = await created({ deletePolicy: "revoke" }, false);
      await cert.delete(b.id, b.outs);
      assert.equal((await admin().order(b.id)).status, "CANCELLED");
    });

    it("acts on the current certId (after a reissue), not the first one", async () => {
      const news = inputs({ deletePolicy: "revoke" });
      const first = await cert.create(news);
      await issue(first.id);
      const again = await cert.create(news); // finds the issued order, reissues it: id first, certId the reissue
      await issue(String(again.outs.certId));
      const state = (await cert.read(again.id, again.outs)).props!;
      await cert.delete(again.id, state);
      assert.equal((await admin().order(String(state.certId))).status, "REVOKED");
      assert.equal((await admin().order(first.id)).status, "COMPLETE");
    });
  });
});

describe("provider: Certificate against the simulator (DCV passes on the 2nd collect)", function () {
  this.timeout(60_000);
  const h = useSimulator({ autoValidate: { afterCollects: 2 } });

  it("waitForIssuance: create polls until issued, showing progress", async () => {
    h.progress.length = 0;
    const { outs } = await cert.create(inputs({ waitForIssuance: true, waitTimeoutMinutes: 1 }));
    assert.equal(outs.status, "COMPLETE");
    assert.ok(publicKeyMatches(String(outs.privateKeyPem), String(outs.certificatePem)));
    assert.ok(outs.notAfter && outs.serialNumber);
    assert.ok(h.progress.some((l) => l.includes("waiting for")), "progress shown while waiting");
  });
});

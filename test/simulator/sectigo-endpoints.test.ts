import assert from "node:assert/strict";
import { generateKeyPairSync, X509Certificate } from "node:crypto";
import { request } from "undici";
import { SectigoApiError, SectigoClient, CollectSslRequestSchema, SmimeRequestSchema, type CollectSslRequest, type SmimeRequest } from "../../sdk/sectigo";
import { createCsr, generateKeyPair, parseCertificate, publicKeyMatches, verifyChain } from "../../sdk/x509";
import { DEFAULT_SECTIGO_ACCOUNT, SectigoSimulatorAdmin } from "../../simulator/sectigo";
import { useSimulator } from "../helpers/simulator";
import { csrFor, placeFields } from "./fixtures";

const LOGIN = { loginName: DEFAULT_SECTIGO_ACCOUNT.loginName, loginPassword: DEFAULT_SECTIGO_ACCOUNT.loginPassword };

async function raw(url: string, endpoint: string, fields: Record<string, string>, method = "POST") {
  const res = await request(`${url}/products/download/${endpoint}`, {
    method: method as "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: method === "POST" ? new URLSearchParams(fields).toString() : undefined,
  });
  return { status: res.statusCode, contentType: String(res.headers["content-type"]), text: await res.body.text() };
}

describe("simulator: Sectigo CollectSSL and RequestAndCollectSMIME", function () {
  this.timeout(30_000);
  const sim = useSimulator({ autoValidate: { afterCollects: 1 } });
  let admin: SectigoSimulatorAdmin;
  let client: SectigoClient;
  let root: string;
  before(async () => {
    admin = new SectigoSimulatorAdmin(sim.url);
    client = new SectigoClient({ ...LOGIN, baseUrl: sim.url });
    root = await sim.admin.rootCertificatePem();
  });

  describe("argument rules and documented codes", () => {
    it("GET is refused with -17 on both endpoints", async () => {
      for (const endpoint of ["CollectSSL", "RequestAndCollectSMIME"]) {
        const r = await raw(sim.url, endpoint, {}, "GET");
        assert.equal(r.text.split("\n")[0], "-17", r.text);
        assert.equal(r.text.split("\n")[1], "Request used GET rather than POST!");
      }
    });

    const cases: [string, string, Record<string, string>, number][] = [
      ["an unknown argument", "CollectSSL", { ...LOGIN, orderNumber: "1", queryType: "1", bogus: "x" }, -2],
      ["no queryType", "CollectSSL", { ...LOGIN, orderNumber: "1" }, -3],
      ["no loginName", "CollectSSL", { loginPassword: "x", orderNumber: "1", queryType: "1" }, -3],
      ["no identifier", "CollectSSL", { ...LOGIN, queryType: "1" }, -3],
      ["a wrong password", "CollectSSL", { ...LOGIN, loginPassword: "nope", orderNumber: "1", queryType: "1" }, -16],
      ["an unknown order", "CollectSSL", { ...LOGIN, orderNumber: "99999999", queryType: "1" }, -4],
      ["ZIP with queryType 2", "CollectSSL", { ...LOGIN, orderNumber: "1", queryType: "2", responseType: "0" }, -4],
      ["binary with individually encoded", "CollectSSL", { ...LOGIN, orderNumber: "1", queryType: "1", responseType: "3", responseEncoding: "1" }, -4],
      ["showFQDN=maybe", "CollectSSL", { ...LOGIN, orderNumber: "1", queryType: "1", showFQDN: "maybe" }, -4],
      ["two identifiers", "CollectSSL", { ...LOGIN, orderNumber: "1", certificateID: "2", queryType: "1" }, -4],
      ["S/MIME responseType 0", "RequestAndCollectSMIME", { ...LOGIN, orderNumber: "1", queryType: "1", responseType: "0" }, -4],
      ["S/MIME binary with Netscape", "RequestAndCollectSMIME", { ...LOGIN, orderNumber: "1", queryType: "1", responseType: "1", responseEncoding: "1" }, -4],
      ["S/MIME showFQDN", "RequestAndCollectSMIME", { ...LOGIN, orderNumber: "1", queryType: "1", showFQDN: "Y" }, -2],
      ["S/MIME without order or code", "RequestAndCollectSMIME", { ...LOGIN, queryType: "1" }, -3],
    ];
    for (const [name, endpoint, fields, code] of cases)
      it(`${name} → ${code}`, async () => {
        const r = await raw(sim.url, endpoint, fields);
        assert.equal(r.text.split("\n")[0], String(code), r.text);
      });

    it("errors follow the requested format (URL-encoded, JavaScript)", async () => {
      const u = await raw(sim.url, "CollectSSL", { ...LOGIN, orderNumber: "99999999", queryType: "1", responseFormat: "1" });
      assert.equal(u.contentType, "application/x-www-form-urlencoded");
      assert.equal(new URLSearchParams(u.text).get("errorCode"), "-4");
      const j = await raw(sim.url, "RequestAndCollectSMIME", { ...LOGIN, orderNumber: "99999999", queryType: "1", responseEncoding: "2" });
      assert.match(j.text, /g_errorCode = -4;/);
    });
  });

  describe("SSL orders", () => {
    it("awaiting validation: status 0 with ext status, MDC details, status details and CAA", async () => {
      const o = await admin.createSslOrder({ domains: ["a.example.com", "b.example.com"] });
      await admin.setDomainStatus(o.orderNumber, "VALIDATED", "a.example.com");
      await admin.setDomainStatus(o.orderNumber, "AWAITINGBRAND", "b.example.com");
      const r = await client.collectSsl({ orderNumber: o.orderNumber, showExtStatus: true, showMDCDomainDetails: true, showMDCDomainDetails2: true, showStatusDetails: true });
      assert.equal(r.statusCode, 0);
      assert.equal(r.processing, true);
      assert.equal(r.certificateStatus, "Awaiting Validation");
      assert.deepEqual(r.mdcDomainDetails, { "a.example.com": "VALIDATED", "b.example.com": "NOTVALIDATED" });
      assert.deepEqual(r.mdcDomainDetails2, { "a.example.com": "VALIDATED", "b.example.com": "AWAITINGBRAND" });
      assert.equal(r.statusDetails?.dcv?.code, 2);
      assert.equal(r.statusDetails?.brandVal?.code, 2);
      assert.equal(r.caaStatus, "Awaiting Completion");
    });

    it("issued: a real certificate for the domains, chaining to the simulator's root, with Sectigo's 00:00:00 / 23:59:59 times", async () => {
      const key = await generateKeyPair({ algorithm: "ECDSA", curve: "P-256" });
      const csrPem = await createCsr({ privateKeyPem: key.privateKeyPem, commonName: "shop.example.com", sans: ["shop.example.com", "www.shop.example.com"] });
      const o = await admin.createSslOrder({ domains: ["shop.example.com", "www.shop.example.com"], csrPem, state: "issued" });
      const r = await client.collectSsl({ certificateID: o.certificateId, showValidityPeriod: true, showFQDN: true });
      assert.equal(r.statusCode, 2);
      assert.equal(r.fqdn, "shop.example.com");
      const cert = parseCertificate(r.leafPem!);
      assert.deepEqual(cert.sans, ["shop.example.com", "www.shop.example.com"]);
      assert.ok(publicKeyMatches(key.privateKeyPem, r.leafPem!));
      assert.equal(await verifyChain(r.leafPem!, r.chainPems, [root]), true);
      assert.equal(r.chainPems.at(-1)!.trim(), root.trim());
      assert.match(r.notBefore!, /T00:00:00\.000Z$/);
      assert.match(r.notAfter!, /T23:59:59\.000Z$/);
      assert.equal(r.notAfter, new Date(new X509Certificate(r.leafPem!).validTo).toISOString());
      assert.ok((new Date(r.notAfter!).getTime() - new Date(r.notBefore!).getTime()) / 86_400_000 < 200);
      assert.ok(new X509Certificate(r.leafPem!).keyUsage?.includes("1.3.6.1.5.5.7.3.1"));
      const status = await client.collectSsl({ orderNumber: o.orderNumber, queryType: 0 });
      assert.equal(status.statusCode, 1);
      assert.equal(status.leafPem, undefined);
    });

    it("baseOrderNumber finds the newest order of that base", async () => {
      await admin.createSslOrder({ domains: ["old.example.com"], baseOrderNumber: "777", state: "issued" });
      await new Promise((r) => setTimeout(r, 5));
      const newer = await admin.createSslOrder({ domains: ["new.example.com"], baseOrderNumber: "777", state: "issued" });
      const r = await client.collectSsl({ baseOrderNumber: "777", showFQDN: true });
      assert.equal(r.fqdn, "new.example.com");
      assert.equal(newer.domains[0], "new.example.com");
    });

    it("rejected / revoked / awaiting payment → -20 / -21 / -22", async () => {
      const o = await admin.createSslOrder({ domains: ["r.example.com"], state: "issued" });
      for (const [state, code] of [["rejected", -20], ["revoked", -21], ["awaiting_payment", -22]] as const) {
        await admin.setState(o.orderNumber, state);
        await assert.rejects(client.collectSsl({ orderNumber: o.orderNumber }), (e: unknown) => e instanceof SectigoApiError && e.code === code);
      }
      await admin.setState(o.orderNumber, "issued");
      assert.equal((await client.collectSsl({ orderNumber: o.orderNumber })).statusCode, 2);
    });

    it("another account's order is not visible (-4); a second account authenticates", async () => {
      await admin.setAccount("other", "other-pass");
      const o = await admin.createSslOrder({ domains: ["mine.example.com"], state: "issued" });
      const other = new SectigoClient({ loginName: "other", loginPassword: "other-pass", baseUrl: sim.url });
      await assert.rejects(other.collectSsl({ orderNumber: o.orderNumber }), (e: unknown) => e instanceof SectigoApiError && e.code === -4);
    });
  });

  describe("every format × encoding, over HTTP, parsed by the client", () => {
    let sslOrder: string;
    let smimeOrder: string;
    before(async () => {
      sslOrder = (await admin.createSslOrder({ domains: ["fmt.example.com"], state: "issued" })).orderNumber;
      const key = await generateKeyPair({ algorithm: "ECDSA", curve: "P-256" });
      const s = await admin.createSmimeOrder({ email: "fmt@example.com" });
      await client.requestAndCollectSmime({ orderNumber: s.orderNumber, csr: await createCsr({ privateKeyPem: key.privateKeyPem, commonName: "fmt@example.com", emails: ["fmt@example.com"] }), returnCertificate: true, queryType: 0 });
      smimeOrder = s.orderNumber;
    });
    const flags = { showValidityPeriod: true, showFQDN: true, showExtStatus: true, showStatusDetails: true, showMDCDomainDetails: true, showMDCDomainDetails2: true };
    for (const responseFormat of [0, 1] as const)
      for (const responseEncoding of [0, 1] as const)
        for (const responseType of [0, 1, 2, 3] as const)
          for (const queryType of [1, 2, 3] as const) {
            const req: CollectSslRequest = { orderNumber: "x", queryType, responseType, responseEncoding, responseFormat, ...flags };
            if (!CollectSslRequestSchema.safeParse(req).success) continue;
            it(`CollectSSL format ${responseFormat} encoding ${responseEncoding} type ${responseType} query ${queryType}`, async () => {
              const r = await client.collectSsl({ ...req, orderNumber: sslOrder });
              assert.equal(r.statusCode, 2);
              if (queryType !== 3) assert.deepEqual(parseCertificate(r.leafPem!).sans, ["fmt.example.com"]);
              else assert.equal(r.leafPem, undefined);
              assert.equal(r.chainPems.length, queryType === 2 ? 0 : 2);
              if (responseEncoding === 0) assert.equal(r.caaStatus, "Authorized");
              if (responseEncoding === 0) assert.equal(r.certificateStatus, "Issued");
            });
          }
    for (const responseEncoding of [0, 1, 2] as const)
      for (const responseType of [1, 2, 3, 4] as const)
        for (const queryType of [1, 2, 3] as const) {
          const req: SmimeRequest = { orderNumber: "x", queryType, responseType, responseEncoding, showValidityPeriod: responseEncoding === 0 };
          if (!SmimeRequestSchema.safeParse(req).success) continue;
          it(`RequestAndCollectSMIME encoding ${responseEncoding} type ${responseType} query ${queryType}`, async () => {
            const r = await client.requestAndCollectSmime({ ...req, orderNumber: smimeOrder });
            assert.equal(r.statusCode, 2);
            if (queryType !== 3) assert.deepEqual(parseCertificate(r.leafPem!).emails, ["fmt@example.com"]);
            assert.equal(r.chainPems.length, queryType === 2 ? 0 : 2);
          });
        }
  });

  describe("S/MIME orders", () => {
    it("a CSR is accepted once: the certificate carries the email in the SAN and the emailProtection EKU; a second CSR gets -18", async () => {
      const o = await admin.createSmimeOrder({ email: "alice@example.com" });
      const key = await generateKeyPair({ algorithm: "RSA", rsaBits: 2048 });
      const csr = await createCsr({ privateKeyPem: key.privateKeyPem, commonName: "alice@example.com", emails: ["alice@example.com"] });
      const r = await client.requestAndCollectSmime({ orderNumber: o.orderNumber, csr: csr.replace(/-----[A-Z ]+-----/g, ""), returnCertificate: true, showValidityPeriod: true });
      assert.equal(r.statusCode, 2);
      const cert = parseCertificate(r.leafPem!);
      assert.deepEqual(cert.emails, ["alice@example.com"]);
      assert.ok(new X509Certificate(r.leafPem!).keyUsage?.includes("1.3.6.1.5.5.7.3.4"), "emailProtection EKU");
      assert.ok(publicKeyMatches(key.privateKeyPem, r.leafPem!));
      assert.equal(await verifyChain(r.leafPem!, r.chainPems, [root]), true);
      await assert.rejects(client.requestAndCollectSmime({ orderNumber: o.orderNumber, csr }), (e: unknown) => e instanceof SectigoApiError && e.code === -18);
      // the collection code alone collects it, without account credentials
      const anon = new SectigoClient({ baseUrl: sim.url });
      assert.equal(fpr((await anon.requestAndCollectSmime({ collectionCode: o.collectionCode! })).leafPem!), fpr(r.leafPem!));
    });

    it("without returnCertificate it stays 'being processed' until issued (issueAfterCollects)", async () => {
      const o = await admin.createSmimeOrder({ email: "bob@example.com", issueAfterCollects: 2 });
      const csr = await createCsr({ privateKeyPem: (await generateKeyPair({ algorithm: "ECDSA", curve: "P-256" })).privateKeyPem, commonName: "bob@example.com", emails: ["bob@example.com"] });
      assert.equal((await client.requestAndCollectSmime({ orderNumber: o.orderNumber, csr })).statusCode, 0);
      assert.equal((await client.requestAndCollectSmime({ orderNumber: o.orderNumber })).statusCode, 0);
      assert.equal((await client.requestAndCollectSmime({ orderNumber: o.orderNumber })).statusCode, 2);
    });

    it("-13 for a small key, -154 before email verification, -153 for an SSL order, -4 for a garbage CSR", async () => {
      const o = await admin.createSmimeOrder({ email: "carol@example.com" });
      const small = generateKeyPairSync("rsa", { modulusLength: 1024, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
      const smallCsr = await createCsr({ privateKeyPem: small.privateKey, commonName: "carol@example.com" }).catch(() => undefined);
      if (smallCsr) await assert.rejects(client.requestAndCollectSmime({ orderNumber: o.orderNumber, csr: smallCsr }), (e: unknown) => e instanceof SectigoApiError && e.code === -13);
      const unverified = await admin.createSmimeOrder({ email: "dave@example.com", emailVerified: false });
      await assert.rejects(client.requestAndCollectSmime({ orderNumber: unverified.orderNumber, csr: await csrFor(["dave.example.com"]) }), (e: unknown) => e instanceof SectigoApiError && e.code === -154);
      const ssl = await admin.createSslOrder({ domains: ["ssl.example.com"] });
      await assert.rejects(client.requestAndCollectSmime({ orderNumber: ssl.orderNumber }), (e: unknown) => e instanceof SectigoApiError && e.code === -153);
      await assert.rejects(client.requestAndCollectSmime({ orderNumber: o.orderNumber, csr: "MIIBAAAA" }), (e: unknown) => e instanceof SectigoApiError && e.code === -4);
      await admin.setState(o.orderNumber, "rejected");
      await assert.rejects(client.requestAndCollectSmime({ orderNumber: o.orderNumber }), (e: unknown) => e instanceof SectigoApiError && e.code === -20 && e.errorMessage === "The CSR has been rejected!");
    });
  });

  describe("no concurrent calls on one account", () => {
    beforeEach(async () => {
      await admin.setLatency(40);
      await admin.resetConcurrency();
    });
    after(async () => admin.setLatency(0));

    it("the simulator refuses overlapping calls with -14 and counts them", async () => {
      const o = await admin.createSslOrder({ domains: ["c.example.com"] });
      const answers = await Promise.all(Array.from({ length: 5 }, () => raw(sim.url, "CollectSSL", { ...LOGIN, orderNumber: o.orderNumber, queryType: "1" })));
      const codes = answers.map((a) => a.text.split("\n")[0]);
      assert.ok(codes.includes("-14"), codes.join(","));
      const c = await admin.concurrency();
      assert.ok(c.maxInFlight[LOGIN.loginName] > 1);
      assert.ok(c.rejected[LOGIN.loginName] >= 1);
    });

    it("20 concurrent client calls (separate client instances) reach the simulator one at a time; two accounts run side by side", async () => {
      await admin.setAccount("second", "second-pass");
      const mine = await admin.createSslOrder({ domains: ["q1.example.com"], state: "issued" });
      const theirs = await admin.createSslOrder({ domains: ["q2.example.com"], state: "issued", loginName: "second" });
      const started = Date.now();
      const results = await Promise.all([
        ...Array.from({ length: 20 }, () => new SectigoClient({ ...LOGIN, baseUrl: sim.url }).collectSsl({ orderNumber: mine.orderNumber })),
        ...Array.from({ length: 20 }, () => new SectigoClient({ loginName: "second", loginPassword: "second-pass", baseUrl: sim.url }).collectSsl({ orderNumber: theirs.orderNumber })),
      ]);
      const elapsed = Date.now() - started;
      assert.ok(results.every((r) => r.statusCode === 2));
      const c = await admin.concurrency();
      assert.equal(c.maxInFlight[LOGIN.loginName], 1);
      assert.equal(c.maxInFlight.second, 1);
      assert.equal(c.rejected[LOGIN.loginName] ?? 0, 0);
      assert.equal(c.calls[LOGIN.loginName], 20);
      assert.ok(elapsed < 40 * 40, `accounts ran in parallel (${elapsed} ms)`);
    });
  });

  describe("NicSRS vendorId → Sectigo order number", () => {
    it("collects a NicSRS-placed certificate from the Sectigo endpoint by vendorId and by vendorCertId", async () => {
      const placed = await sim.post("place", placeFields({ domains: ["cross.example.com"], csr: await csrFor(["cross.example.com"]) }));
      assert.equal(placed.json.code, 1, placed.text);
      const certId: string = placed.json.data.certId;
      let collected = await sim.post("collect", { certId });
      for (let i = 0; i < 5 && collected.json.status !== "COMPLETE"; i++) collected = await sim.post("collect", { certId });
      assert.equal(collected.json.status, "COMPLETE", collected.text);
      const vendorId: string = collected.json.data.vendorId;
      const r = await client.collectSsl({ orderNumber: vendorId, showFQDN: true });
      assert.equal(r.fqdn, "cross.example.com");
      assert.equal(fpr(r.leafPem!), fpr(collected.json.data.certificate));
      const byId = await client.collectSsl({ certificateID: collected.json.data.vendorCertId });
      assert.equal(fpr(byId.leafPem!), fpr(collected.json.data.certificate));
    });
  });
});

function fpr(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

// Conformance with the NicSRS that real clients speak (issue 14): hand-written requests and answers
// (./nicsrs-fixtures.ts, from the vendor pages and the public clients' code) drive the simulator
// (requests in, answers checked field by field as those clients read them) and the sdk (answers in,
// parsed results and the requests it sends checked).
import { strict as assert } from "node:assert";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NicSrsApiError, NicSrsClient } from "../../sdk";
import { generateKeyPair, createCsr, publicKeyMatches } from "../../sdk/x509";
import { useSimulator } from "../helpers/simulator";
import { uniqueRefId } from "../simulator/fixtures";
import {
  CAA_ANSWER,
  DCV_EMAIL_ANSWER,
  DCV_FIELDS,
  PLACE_ANSWER,
  PRODUCT_FIELDS_READ,
  PRODUCT_LIST_ANSWER,
  REFUSED_ANSWER,
  collectAnswer,
  oldReplaceForm,
  racentPlaceForm,
  whmcsReissueForm,
} from "./nicsrs-fixtures";

const FORM = { encoding: "form" as const };

async function newKeyAndCsr(domains: string[]) {
  const key = await generateKeyPair({ algorithm: "ECDSA", curve: "P-256" });
  return { key, csr: await createCsr({ privateKeyPem: key.privateKeyPem, commonName: domains[0]!, sans: domains }) };
}

describe("conformance: the simulator answers what public NicSRS clients send, as they read it", function () {
  this.timeout(120_000);
  const sim = useSimulator();

  async function placeRacent(domain: string, csr: string) {
    const res = await sim.post("place", racentPlaceForm(csr, domain, uniqueRefId("conf")), FORM);
    assert.equal(res.json.code, 1, res.text);
    return res.json.data as Record<string, unknown>;
  }

  async function issue(certId: string) {
    await sim.admin.approveDcv(certId);
    for (let i = 0; i < 5; i++) {
      const res = await sim.post("collect", { certId }, FORM);
      if (res.json.status === "COMPLETE") return res.json;
    }
    assert.fail(`order ${certId} was not issued`);
  }

  it("place as racent sends it (form, params string, null/\"\" optionals, organation) → code 1 with all six DCV fields", async () => {
    const { csr } = await newKeyAndCsr(["racent.example.com"]);
    const data = await placeRacent("racent.example.com", csr);
    assert.match(String(data.certId), /\S/);
    for (const f of DCV_FIELDS) assert.ok(typeof data[f] === "string" && data[f] !== "", `${f} in ${JSON.stringify(data)}`);
    assert.equal(data.DCVdnsType, "CNAME");
  });

  it("productList items carry the fields both clients read, flags as Y/N and prices per period", async () => {
    const res = await sim.post("productList", {}, FORM);
    assert.equal(res.json.code, 1);
    for (const p of res.json.data as Record<string, unknown>[]) {
      for (const f of PRODUCT_FIELDS_READ) assert.ok(p[f] !== undefined, `${f} missing in ${p.code}`);
      for (const f of ["supportWildcard", "supportSan", "supportStandard", "supportIp"]) assert.match(String(p[f]), /^[YN]$/);
      assert.match(String((p.price as { basePrice: Record<string, unknown> }).basePrice.price012), /^\d+\.\d\d$/);
    }
    const wildcard = res.json.data.find((p: { code: string }) => p.code === "positivessl-wildcard");
    assert.equal(wildcard.supportWildcard, "Y");
    assert.equal(wildcard.maxYear, 6);
    assert.equal(wildcard.price.basePrice.price072, "419.94");
    const multi = res.json.data.find((p: { code: string }) => p.code === "positivessl-multi-domain");
    assert.equal(multi.supportSan, "Y");
    assert.equal(multi.maxDomain, 250);
    assert.deepEqual(Object.keys(multi.sanPrice).sort(), ["basePrice", "normalPrice", "wildPrice"]);
  });

  it("collect carries applyParams (the CSR), productType, all DCV fields; rsaPrivateKey only when the CA made the key", async () => {
    const { csr } = await newKeyAndCsr(["collect.example.com"]);
    const placed = await placeRacent("collect.example.com", csr);
    const done = await issue(String(placed.certId));
    assert.equal(done.data.applyParams.csr.trim(), csr.trim());
    assert.equal(done.data.productType, "positivessl");
    for (const f of DCV_FIELDS) assert.ok(done.data[f], f);
    assert.equal(done.data.dcvList[0].is_verify, "verified");
    assert.equal(done.data.rsaPrivateKey, undefined);

    const noCsr = JSON.parse(racentPlaceForm("", "cakey.example.com", uniqueRefId("conf")).params);
    const res = await sim.post("place", { ...racentPlaceForm("", "cakey.example.com", uniqueRefId("conf")), params: JSON.stringify({ ...noCsr, csr: null }) }, FORM);
    assert.equal(res.json.code, 1, res.text);
    const caKey = await issue(res.json.data.certId);
    assert.match(caKey.data.rsaPrivateKey, /BEGIN PRIVATE KEY/);
    assert.equal(publicKeyMatches(caKey.data.rsaPrivateKey, caKey.data.certificate), true);
  });

  it("reissue as the whmcs module sends it (top-level csr, domainInfo JSON string) issues on the caller's key", async () => {
    const first = await newKeyAndCsr(["reissue.example.com"]);
    const placed = await placeRacent("reissue.example.com", first.csr);
    await issue(String(placed.certId));
    const next = await newKeyAndCsr(["reissue.example.com"]);
    const res = await sim.post("reissue", whmcsReissueForm(String(placed.certId), next.csr, "reissue.example.com"), FORM);
    assert.equal(res.json.code, 1, res.text);
    const done = await issue(res.json.data.certId);
    assert.equal(publicKeyMatches(next.key.privateKeyPem, done.data.certificate), true, "the certificate is on the key the caller sent");
    assert.equal(done.data.rsaPrivateKey, undefined, "no key made by the CA");
  });

  it("/ssl/replace as the old module sends it (certId + params{csr, domainInfo, organizationInfo}) issues on the caller's key", async () => {
    const first = await newKeyAndCsr(["replace.example.com"]);
    const placed = await placeRacent("replace.example.com", first.csr);
    await issue(String(placed.certId));
    const next = await newKeyAndCsr(["replace.example.com"]);
    const res = await sim.post("replace", oldReplaceForm(String(placed.certId), next.csr, "replace.example.com"), FORM);
    assert.equal(res.json.code, 1, res.text);
    const done = await issue(res.json.data.certId);
    assert.equal(publicKeyMatches(next.key.privateKeyPem, done.data.certificate), true);
    assert.equal(done.data.dcvList[0].dcvMethod, "HTTP_CSR_HASH");
  });

  it("a reissue whose CSR sits where no known shape puts it is refused (-1), no order made", async () => {
    const first = await newKeyAndCsr(["odd.example.com"]);
    const placed = await placeRacent("odd.example.com", first.csr);
    await issue(String(placed.certId));
    const next = await newKeyAndCsr(["odd.example.com"]);
    const before = (await sim.admin.orders()).length;
    const res = await sim.post("reissue", { certId: placed.certId, newCsr: next.csr }, FORM);
    assert.equal(res.json.code, -1, res.text);
    assert.match(JSON.stringify(res.json.errors), /newCsr/);
    const disagree = await sim.post("reissue", { certId: placed.certId, csr: next.csr, params: JSON.stringify({ csr: first.csr }) }, FORM);
    assert.equal(disagree.json.code, -1, disagree.text);
    assert.equal((await sim.admin.orders()).length, before);
  });

  it("batchUpdateDCV (domainInfo JSON string, or one dcvMethod for all), removeMdcDomain, batchRemoveMdcDomain", async () => {
    const domains = ["a.mdc.example.com", "b.mdc.example.com", "c.mdc.example.com", "d.mdc.example.com"];
    const { csr } = await newKeyAndCsr(domains);
    const form = racentPlaceForm(csr, domains[0]!, uniqueRefId("conf"));
    const params = JSON.parse(form.params);
    params.domainInfo = domains.map((domainName) => ({ domainName, dcvMethod: "CNAME_CSR_HASH", dcvEmail: "" }));
    const placed = await sim.post("place", { ...form, productCode: "positivessl-multi-domain", params: JSON.stringify(params) }, FORM);
    assert.equal(placed.json.code, 1, placed.text);
    const certId = placed.json.data.certId;

    const one = await sim.post("batchUpdateDCV", { certId, domainInfo: JSON.stringify([{ domainName: domains[1], dcvMethod: "EMAIL", dcvEmail: "admin@example.com" }]) }, FORM);
    assert.equal(one.json.code, 1, one.text);
    assert.deepEqual(one.json.data.dcvList.map((d: { dcvMethod: string }) => d.dcvMethod), ["CNAME_CSR_HASH", "EMAIL", "CNAME_CSR_HASH", "CNAME_CSR_HASH"]);
    const all = await sim.post("batchUpdateDCV", { certId, dcvMethod: "HTTP_CSR_HASH" }, FORM);
    assert.equal(all.json.code, 1, all.text);
    assert.ok(all.json.data.dcvList.every((d: { dcvMethod: string }) => d.dcvMethod === "HTTP_CSR_HASH"));

    const removed = await sim.post("removeMdcDomain", { certId, domainName: domains[3] }, FORM);
    assert.equal(removed.json.code, 1, removed.text);
    assert.equal(removed.json.data.dcvList.length, 3);
    await sim.admin.approveDcv(certId, domains[0]);
    const batch = await sim.post("batchRemoveMdcDomain", { certId }, FORM);
    assert.equal(batch.json.code, 1, batch.text);
    assert.deepEqual(batch.json.data.dcvList.map((d: { domainName: string }) => d.domainName), [domains[0]]);
  });

  it("DCVemail lists approver addresses (domain) and resends (certId + domainName + dcvEmail); validatefile/validatedns take orderId", async () => {
    const list = await sim.post("DCVemail", { domain: "shop.example.com" }, FORM);
    assert.equal(list.json.code, 1, list.text);
    assert.ok(list.json.data.includes("admin@shop.example.com") && list.json.data.includes("hostmaster@example.com"), list.text);

    const { csr } = await newKeyAndCsr(["mail.example.com"]);
    const placed = await placeRacent("mail.example.com", csr);
    const resend = await sim.post("DCVemail", { certId: placed.certId, domainName: "mail.example.com", dcvEmail: "webmaster@example.com" }, FORM);
    assert.equal(resend.json.code, 1, resend.text);
    assert.equal((await sim.admin.order(String(placed.certId))).domains[0]!.dcvEmail, "webmaster@example.com");
    const wrong = await sim.post("DCVemail", { certId: placed.certId, domainName: "mail.example.com", dcvEmail: "ceo@example.com" }, FORM);
    assert.equal(wrong.json.code, -1);

    for (const endpoint of ["validatefile", "validatedns"]) {
      const res = await sim.post(endpoint, { orderId: placed.certId }, FORM);
      assert.equal(res.json.code, 1, res.text);
      assert.equal(res.json.data.dcvList[0].domainName, "mail.example.com");
    }
  });

  it("caaCheck and country answer", async () => {
    const caa = await sim.post("caaCheck", { domain: "example.com" }, FORM);
    assert.equal(caa.json.code, 1, caa.text);
    assert.equal(caa.json.data.allowed, true);
    const bad = await sim.post("caaCheck", { domain: "not a domain" }, FORM);
    assert.equal(bad.json.code, -1);
    const countries = await sim.post("country", {}, FORM);
    assert.deepEqual(countries.json.data.find((c: { code: string }) => c.code === "US"), { code: "US", name: "United States" });
  });
});

/** A loopback NicSRS that answers hand-written bodies in order and records what it was sent. */
function fakeNicsrs() {
  const answers = new Map<string, unknown[]>();
  const requests: { endpoint: string; body: Record<string, unknown> }[] = [];
  let server: Server;
  let url = "";
  before(async () => {
    server = createServer((req, res) => {
      let text = "";
      req.on("data", (c) => (text += c));
      req.on("end", () => {
        const endpoint = (req.url ?? "").replace(/^\/ssl\//, "");
        requests.push({ endpoint, body: JSON.parse(text) as Record<string, unknown> });
        const answer = answers.get(endpoint)?.shift() ?? { code: -2, msg: `no answer queued for ${endpoint}` };
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    answer(endpoint: string, body: unknown) {
      answers.set(endpoint, [...(answers.get(endpoint) ?? []), body]);
    },
    requests,
    client: () => new NicSrsClient({ apiToken: "conformance-token", baseUrl: url, retry: { retries: 0 } }),
  };
}

describe("conformance: the sdk reads real NicSRS answers and sends the shapes real clients send", function () {
  this.timeout(60_000);
  const ca = fakeNicsrs();

  it("productList: Y/N flags, string numbers, price.basePrice.priceNNN, sanPrice", async () => {
    ca.answer("productList", PRODUCT_LIST_ANSWER);
    const [wildcard, multi] = await ca.client().productList();
    assert.deepEqual(wildcard, {
      code: "sectigo-positivessl-wildcard",
      name: "Sectigo PositiveSSL Wildcard",
      maxDomains: 1,
      years: [1, 2],
      wildcard: true,
      san: false,
      ip: false,
      standard: true,
      includedDomains: 1,
      prices: [
        { months: 12, price: 69 },
        { months: 24, price: 130 },
      ],
    });
    assert.equal(multi!.maxDomains, 250);
    assert.equal(multi!.san, true);
    assert.deepEqual(multi!.sanPrices, { base: 10, normal: 12, wildcard: 60 });
  });

  it("place: numeric ids read as strings, DCV records from the six fields", async () => {
    ca.answer("place", PLACE_ANSWER);
    const { csr } = await newKeyAndCsr(["example.com"]);
    const r = await ca.client().place({
      productCode: "positivessl",
      years: 1,
      refId: "conf-place-1",
      params: {
        csr,
        domainInfo: [{ domainName: "example.com", dcvMethod: "CNAME_CSR_HASH" }],
        Administrator: { job: "CTO", city: "Berlin", email: "it@example.com", state: "Berlin", mobile: "+49301234567", address: "Hauptstrasse 1", country: "DE", lastName: "Muster", postCode: "10115", firstName: "Erika", organization: "Example GmbH" },
      },
    });
    assert.equal(r.certId, "260113123456");
    assert.equal(r.vendorId, "123456789");
    assert.deepEqual(r.dcv.dns, [{ domain: "example.com", method: "CNAME_CSR_HASH", name: "_8B5AA255CA8D61E5F18A7752B524F298.example.com", type: "CNAME", value: "0A1B2C3D.4E5F6A7B.sectigo.com" }]);
  });

  it("collect: certStatus alone, rsaPrivateKey, applyParams as a JSON string, productType, is_verify, unknown fields", async () => {
    const { key, csr } = await newKeyAndCsr(["example.com"]);
    ca.answer("collect", collectAnswer("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", key.privateKeyPem, csr));
    const c = await ca.client().collect("260113123456");
    assert.equal(c.status, "COMPLETE");
    assert.equal(c.privateKeyPem, key.privateKeyPem);
    assert.equal(c.appliedCsrPem, csr);
    assert.equal(c.productType, "sectigo-positivessl");
    assert.equal(c.vendorId, "123456789");
    assert.deepEqual(c.domains.map((d) => [d.domain, d.verified]), [["example.com", true], ["www.example.com", false]]);
    assert.equal(c.beginDate, "2026-01-13T00:00:00.000Z");
  });

  it("reissue goes out as the whmcs module sends it; on -1 it is sent again as /ssl/replace with params", async () => {
    const { csr } = await newKeyAndCsr(["example.com"]);
    const domainInfo = [{ domainName: "example.com", dcvMethod: "CNAME_CSR_HASH" as const }];
    ca.answer("reissue", PLACE_ANSWER);
    const seen = ca.requests.length;
    const r = await ca.client().reissue({ certId: "260113123456", refId: "conf-reissue-1", reason: "key rotation", params: { csr, domainInfo } });
    assert.equal(r.certId, "260113123456");
    const sent = ca.requests[seen]!;
    assert.equal(sent.endpoint, "reissue");
    assert.equal(sent.body.csr, csr);
    assert.equal(sent.body.domainInfo, JSON.stringify(domainInfo), "domainInfo JSON-encoded, as PHP clients send it");
    assert.equal(sent.body.params, undefined);
    assert.equal(sent.body.refId, "conf-reissue-1");

    ca.answer("reissue", REFUSED_ANSWER);
    ca.answer("replace", PLACE_ANSWER);
    const n = ca.requests.length;
    const again = await ca.client().reissue({ certId: "260113123456", refId: "conf-reissue-2", params: { csr, domainInfo } });
    assert.equal(again.certId, "260113123456");
    assert.deepEqual(ca.requests.slice(n).map((q) => q.endpoint), ["reissue", "replace"]);
    const replace = ca.requests[n + 1]!.body;
    assert.deepEqual(JSON.parse(String(replace.params)), { csr, domainInfo });
    assert.equal(replace.refId, "conf-reissue-2", "the same refId: one order whichever shape the CA takes");

    ca.answer("reissue", REFUSED_ANSWER);
    ca.answer("replace", REFUSED_ANSWER);
    const err = await ca.client().reissue({ certId: "260113123456", params: { csr, domainInfo } }).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof NicSrsApiError && err.code === -1 && /\/ssl\/replace was refused too/.test(err.message), String(err));
  });

  it("approverEmails (DCVemail with domain) and caaCheck", async () => {
    ca.answer("DCVemail", DCV_EMAIL_ANSWER);
    ca.answer("caaCheck", CAA_ANSWER);
    const client = ca.client();
    assert.deepEqual(await client.approverEmails("example.com"), ["admin@example.com", "administrator@example.com", "hostmaster@example.com"]);
    assert.equal(ca.requests.at(-1)!.body.domain, "example.com");
    assert.deepEqual(await client.caaCheck("example.com"), { domain: "example.com", allowed: false, records: ["0 issue letsencrypt.org"], message: "success" });
  });
});

describe("conformance: the sdk client against the simulator, reissue and lookups", function () {
  this.timeout(120_000);
  const sim = useSimulator();

  it("client.reissue with a CSR yields a certificate on that key; approverEmails and caaCheck answer", async () => {
    const client = new NicSrsClient({ apiToken: sim.sim.apiToken, baseUrl: sim.url });
    try {
      const first = await newKeyAndCsr(["sdk.example.com"]);
      const placed = await client.place({
        productCode: "positivessl",
        years: 1,
        params: { csr: first.csr, domainInfo: [{ domainName: "sdk.example.com", dcvMethod: "CNAME_CSR_HASH" }], Administrator: { job: "CTO", city: "Berlin", email: "it@example.com", state: "Berlin", mobile: "+49301234567", address: "Hauptstrasse 1", country: "DE", lastName: "Muster", postCode: "10115", firstName: "Erika", organization: "Example GmbH" } },
      });
      await sim.admin.approveDcv(placed.certId);
      assert.equal((await client.collect(placed.certId)).status, "COMPLETE");
      const next = await newKeyAndCsr(["sdk.example.com"]);
      const reissued = await client.reissue({ certId: placed.certId, params: { csr: next.csr, domainInfo: [{ domainName: "sdk.example.com", dcvMethod: "CNAME_CSR_HASH" }] } });
      await sim.admin.approveDcv(reissued.certId);
      const done = await client.collect(reissued.certId);
      assert.equal(done.status, "COMPLETE");
      assert.equal(publicKeyMatches(next.key.privateKeyPem, done.certificatePem!), true);
      assert.equal(done.appliedCsrPem?.trim(), next.csr.trim());
      assert.equal(done.privateKeyPem, undefined);
      assert.ok((await client.approverEmails("sdk.example.com")).includes("admin@sdk.example.com"));
      assert.equal((await client.caaCheck("sdk.example.com")).allowed, true);
    } finally {
      await client.close();
    }
  });
});

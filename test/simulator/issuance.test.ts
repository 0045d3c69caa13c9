// What the simulator's CA issues: chains, names, keys, validity, CA-generated keys and PKCS#12.
import assert from "node:assert/strict";
import { createCsr, parseCertificate, publicKeyMatches, readPkcs12, verifyChain } from "../../sdk/x509";
import { useSimulator } from "../helpers/simulator";
import { csrFor, ORGANIZATION, CONTACT, placeFields, sharedEcKey, sharedRsaKey } from "./fixtures";

const DAY = 24 * 60 * 60 * 1000;

describe("simulator: issued certificates", () => {
  const sim = useSimulator({ autoValidate: { afterCollects: 1 } });

  async function placeAndCollect(fields: ReturnType<typeof placeFields>) {
    const placed = await sim.post("place", fields);
    assert.equal(placed.json.code, 1, placed.text);
    const collected = await sim.post("collect", { certId: placed.json.data.certId });
    assert.equal(collected.json.status, "COMPLETE", collected.text);
    return { certId: placed.json.data.certId as string, data: collected.json.data };
  }

  it("multi-domain with a wildcard-free CSR: SANs are exactly the ordered domains, chain verifies, key matches", async () => {
    const domains = ["example.org", "www.example.org", "api.example.org"];
    const key = await sharedRsaKey();
    const csr = await createCsr({ privateKeyPem: key.privateKeyPem, commonName: "example.org", sans: ["example.org"] });
    const { data } = await placeAndCollect(placeFields({ productCode: "positivessl-multi-domain", domains, csr }));
    const cert = parseCertificate(data.certificate);
    assert.deepEqual(cert.sans, domains);
    assert.equal(cert.commonName, "example.org");
    assert.equal(cert.isCa, false);
    assert.equal(publicKeyMatches(key.privateKeyPem, data.certificate), true);
    const root = await sim.admin.rootCertificatePem();
    assert.equal(await verifyChain(data.certificate, [data.caCertificate], [root]), true);
    assert.equal(parseCertificate(root).isCa, true);
  });

  it("wildcard SAN is kept as ordered", async () => {
    const { data } = await placeAndCollect(placeFields({ productCode: "positivessl-wildcard", domains: ["*.example.net"], csr: await csrFor(["*.example.net"]) }));
    assert.deepEqual(parseCertificate(data.certificate).sans, ["*.example.net"]);
  });

  it("notBefore is the simulator's now; notAfter is now + 200 days (≤ dueDate) on a 1-year order", async () => {
    const { certId, data } = await placeAndCollect(placeFields({ domains: ["validity.example.com"], csr: await csrFor(["validity.example.com"]) }));
    const cert = parseCertificate(data.certificate);
    const order = await sim.admin.order(certId);
    const now = Date.parse(await sim.admin.clock());
    assert.ok(Math.abs(Date.parse(cert.notBefore) - now) < 60_000, `${cert.notBefore} vs ${new Date(now).toISOString()}`);
    const lifetime = Date.parse(cert.notAfter) - Date.parse(cert.notBefore);
    assert.ok(lifetime <= 200 * DAY && lifetime > 199 * DAY, `lifetime ${lifetime / DAY} days`);
    assert.ok(Date.parse(cert.notAfter) <= Date.parse(order.dueDate));
  });

  it("notAfter stops at the subscription's dueDate when that comes first", async () => {
    const { certId } = await placeAndCollect(placeFields({ domains: ["due.example.com"], csr: await csrFor(["due.example.com"]) }));
    const dueDate = (await sim.admin.order(certId)).dueDate;
    await sim.admin.setClock(new Date(Date.parse(dueDate) - 30 * DAY).toISOString());
    try {
      const re = await sim.post("reissue", { certId, params: { csr: await csrFor(["due.example.com"]) } });
      assert.equal(re.json.code, 1, re.text);
      const collected = await sim.post("collect", { certId: re.json.data.certId });
      const cert = parseCertificate(collected.json.data.certificate);
      assert.equal(cert.notAfter, new Date(Math.floor(Date.parse(dueDate) / 1000) * 1000).toISOString());
    } finally {
      await sim.admin.setClock(new Date().toISOString());
    }
  });

  it("without a CSR the CA generates an RSA key: privateKey, and a PKCS#12 that opens with pkcsPass", async () => {
    const { data } = await placeAndCollect(placeFields({ domains: ["nokey.example.com"] }));
    assert.match(data.privateKey, /BEGIN PRIVATE KEY/);
    assert.equal(publicKeyMatches(data.privateKey, data.certificate), true);
    assert.ok(data.pkcsPass.length >= 12);
    const p12 = readPkcs12(data.pkcs12, data.pkcsPass);
    assert.equal(publicKeyMatches(p12.privateKeyPem, data.certificate), true);
    assert.equal(parseCertificate(p12.certificatePem).sha256Fingerprint, parseCertificate(data.certificate).sha256Fingerprint);
    assert.equal(p12.chainPems.length, 1);
    assert.throws(() => readPkcs12(data.pkcs12, "wrong password"));
  });

  it("a CSR from the customer gets no privateKey or PKCS#12 back", async () => {
    const { data } = await placeAndCollect(placeFields({ domains: ["own.example.com"], csr: await csrFor(["own.example.com"], await sharedEcKey()) }));
    assert.equal(data.privateKey, undefined);
    assert.equal(data.pkcs12, undefined);
  });

  it("OV: the organization is in the subject", async () => {
    const { data } = await placeAndCollect(
      placeFields({ productCode: "sectigo-ov", domains: ["ov.example.com"], csr: await csrFor(["ov.example.com"]), extra: { organizationInfo: ORGANIZATION, tech: CONTACT, finance: CONTACT } }),
    );
    const cert = parseCertificate(data.certificate);
    assert.match(cert.subject, /O=Example GmbH/);
    assert.match(cert.subject, /C=DE/);
  });
});

describe("simulator: PROCESSING between DCV and issuance (processingCollects)", () => {
  const sim = useSimulator({ autoValidate: { afterCollects: 1 }, processingCollects: 2 });

  it("answers code 2 / PROCESSING twice, then COMPLETE", async () => {
    const placed = await sim.post("place", placeFields({ domains: ["slow.example.com"], csr: await csrFor(["slow.example.com"]) }));
    const certId = placed.json.data.certId;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await sim.post("collect", { certId })).json);
    assert.deepEqual(answers.map((a) => [a.code, a.status]), [[2, "PROCESSING"], [2, "PROCESSING"], [1, "COMPLETE"]]);
    assert.equal(answers[0].data.certificate, undefined);
    assert.equal(answers[0].data.dcvList[0].is_verify, "verified");
  });
});

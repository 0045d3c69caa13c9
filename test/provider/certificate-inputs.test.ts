import { strict as assert } from "node:assert";
import { createCsr, generateKeyPair } from "../../sdk/x509";
import { toSpec, validateCertificateInputs } from "../../provider/certificate-inputs";
import { formatFailures, type CheckFailure } from "../../provider/check";
import { UNKNOWN } from "../../provider/unknowns";
import { administrator, baseInputs } from "./fixtures";

const failuresOf = (over: Record<string, unknown>, drop: string[] = []) => {
  const inputs: Record<string, unknown> = { ...baseInputs(), ...over };
  for (const k of drop) delete inputs[k];
  return validateCertificateInputs(inputs);
};
const one = (fs: CheckFailure[], property: string) => {
  const f = fs.find((x) => x.property === property);
  assert.ok(f, `no failure for ${property}: ${JSON.stringify(fs)}`);
  return f!;
};

describe("provider: Certificate input validation", () => {
  it("accepts a complete DV order", () => {
    assert.deepEqual(validateCertificateInputs(baseInputs()), []);
  });

  it("accepts the __provider key the engine adds", () => {
    assert.deepEqual(validateCertificateInputs({ ...baseInputs(), __provider: "exports.handler = ..." }), []);
  });

  it("names the field, the value and what is allowed", () => {
    const fs = failuresOf({ domains: ["www.example.com", "exa mple.com"], years: 9 });
    assert.equal(
      one(fs, "domains[1]").reason,
      '"exa mple.com" is not a valid domain name (letters, digits, hyphens, dots; optional leading "*.")',
    );
    assert.equal(one(fs, "years").reason, "9 is not allowed (an integer from 1 to 6)");
    assert.match(formatFailures(fs), /domains\[1\]: "exa mple\.com" is not a valid domain name/);
    assert.match(formatFailures(fs), /years: 9 is not allowed \(an integer from 1 to 6\)/);
  });

  it("reports missing required inputs", () => {
    const fs = failuresOf({}, ["productCode", "administrator"]);
    assert.match(one(fs, "productCode").reason, /^is required \(a NicSRS product code/);
    assert.match(one(fs, "administrator").reason, /^is required when certId is not set: a new order sends it \(a contact \{ firstName/);
  });

  it("checks contact fields with the wire schema", () => {
    const fs = failuresOf({ administrator: { ...administrator, email: "not-an-email", country: "Britain" } });
    assert.equal(one(fs, "administrator.email").reason, '"not-an-email" is not allowed (an email address)');
    assert.match(one(fs, "administrator.country").reason, /"Britain" is not allowed \(an ISO 3166-1 alpha-2 country code/);
  });

  it("rejects unknown inputs (typos)", () => {
    const fs = failuresOf({ domain: ["a.example.com"] });
    assert.match(one(fs, "domain").reason, /is not an input of Certificate \(inputs: productCode, years, domains/);
  });

  it("EMAIL DCV: the mailbox must be an approved local part at the domain or a parent", () => {
    let fs = failuresOf({ domains: ["mail.example.com"], dcvMethod: "EMAIL", dcvEmail: "ceo@example.com" });
    assert.match(one(fs, "dcvEmail").reason, /^"ceo@example\.com" is not an approved DCV mailbox for mail\.example\.com \(admin@, administrator@, postmaster@, webmaster@, hostmaster@ mail\.example\.com or a parent domain\)/);
    fs = failuresOf({ domains: ["mail.example.com"], dcvMethod: "EMAIL", dcvEmail: "admin@other.com" });
    one(fs, "dcvEmail");
    fs = failuresOf({ domains: ["mail.example.com"], dcvMethod: "EMAIL", dcvEmail: "admin@com" });
    one(fs, "dcvEmail");
    fs = failuresOf({ domains: ["mail.example.com"], dcvMethod: "EMAIL" });
    assert.match(one(fs, "dcvEmail").reason, /^is required when mail\.example\.com uses EMAIL DCV/);
    assert.deepEqual(failuresOf({ domains: ["mail.example.com"], dcvMethod: "EMAIL", dcvEmail: "Hostmaster@Example.com" }), []);
    assert.deepEqual(failuresOf({ domains: ["mail.example.com"], dcvMethod: "EMAIL", dcvEmail: "webmaster@mail.example.com" }), []);
  });

  it("per-domain DCV overrides: keys must be domains; email checked per domain; no HTTP for wildcards", () => {
    let fs = failuresOf({ domainDcv: { "nope.example.com": { method: "EMAIL", email: "admin@example.com" } } });
    assert.match(one(fs, 'domainDcv["nope.example.com"]').reason, /is not one of domains/);
    fs = failuresOf({ domainDcv: { "api.example.com": { method: "EMAIL", email: "admin@elsewhere.com" } } });
    one(fs, 'domainDcv["api.example.com"].email');
    assert.deepEqual(failuresOf({ domainDcv: { "api.example.com": { method: "EMAIL", email: "admin@example.com" } } }), []);
    fs = failuresOf({ productCode: "positivessl-wildcard", domains: ["*.example.com"], dcvMethod: "HTTP_CSR_HASH" });
    assert.match(one(fs, "dcvMethod").reason, /"HTTP_CSR_HASH" is not allowed for the wildcard \*\.example\.com/);
    fs = failuresOf({ dcvMethod: "DNS" });
    assert.match(one(fs, "dcvMethod").reason, /"DNS" is not allowed \("CNAME_CSR_HASH", "HTTP_CSR_HASH", "HTTPS_CSR_HASH" or "EMAIL"\)/);
  });

  it("product rules for catalogue codes: domain count, wildcards, years, OV/EV contacts", () => {
    let fs = failuresOf({ productCode: "positivessl" });
    assert.match(one(fs, "domains").reason, /has 2 names; positivessl takes at most 1/);
    fs = failuresOf({ domains: ["*.example.com"] });
    assert.match(one(fs, "domains[0]").reason, /is a wildcard; positivessl-multi-domain does not take wildcards/);
    fs = failuresOf({ productCode: "sectigo-ev", domains: ["example.com"], years: 3, tech: administrator, finance: administrator });
    assert.equal(one(fs, "years").reason, "3 is not allowed for sectigo-ev (1-2)");
    assert.match(one(fs, "organization").reason, /is required for EV products such as sectigo-ev/);
    fs = failuresOf({ productCode: "acme-ov-ssl", domains: ["example.com"] });
    one(fs, "tech");
    one(fs, "finance");
    one(fs, "organization");
    fs = failuresOf({ productCode: "rapidssl-standard-dv", domains: ["example.com"], uniqueValue: "abc" });
    assert.match(one(fs, "uniqueValue").reason, /only used by Sectigo products/);
  });

  it("duplicate domains", () => {
    const fs = failuresOf({ domains: ["www.example.com", "WWW.example.com"] });
    assert.match(one(fs, "domains[1]").reason, /is listed twice \(also domains\[0\]\)/);
  });

  it("key material: csr xor key xor keySource ca; rsaBits only for RSA, curve only for ECDSA", async () => {
    const { privateKeyPem } = await generateKeyPair({ algorithm: "ECDSA" });
    const csr = await createCsr({ privateKeyPem, commonName: "www.example.com", sans: ["www.example.com", "api.example.com"] });
    assert.deepEqual(failuresOf({ csr }), []);
    one(failuresOf({ csr, key: { algorithm: "RSA" } }), "key");
    one(failuresOf({ csr, keySource: "ca" }), "keySource");
    one(failuresOf({ keySource: "ca", key: { algorithm: "RSA" } }), "key");
    one(failuresOf({ key: { algorithm: "ECDSA", rsaBits: 2048 } }), "key.rsaBits");
    one(failuresOf({ key: { curve: "P-256" } }), "key.curve");
    assert.equal(one(failuresOf({ key: { algorithm: "RSA", rsaBits: 1024 } }), "key.rsaBits").reason, "1024 is not allowed (2048, 3072 or 4096)");
    const bad = one(failuresOf({ csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n" }), "csr");
    assert.match(bad.reason, /is not a usable certificate request/);
    assert.ok(!bad.reason.includes("AAAA"), "the CSR text is never echoed");
  });

  it("accepts the unknown placeholder anywhere (preview)", () => {
    assert.deepEqual(validateCertificateInputs({ ...baseInputs(), domains: UNKNOWN }), []);
    assert.deepEqual(validateCertificateInputs({ ...baseInputs(), domains: ["www.example.com", UNKNOWN] }), []);
    assert.deepEqual(validateCertificateInputs({ ...baseInputs(), administrator: UNKNOWN, productCode: UNKNOWN, years: UNKNOWN }), []);
    assert.deepEqual(validateCertificateInputs({ ...baseInputs(), administrator: { ...administrator, email: UNKNOWN } }), []);
    assert.deepEqual(validateCertificateInputs({ ...baseInputs(), dcvMethod: "EMAIL", dcvEmail: UNKNOWN }), []);
    assert.deepEqual(validateCertificateInputs({ ...baseInputs(), csr: UNKNOWN }), []);
    // known values next to unknown ones are still checked
    const fs = validateCertificateInputs({ ...baseInputs(), domains: [UNKNOWN, "bad domain"], years: 0 });
    assert.deepEqual(fs.map((f) => f.property).sort(), ["domains[1]", "years"]);
  });

  it("toSpec applies defaults and resolves DCV per domain", () => {
    const s = toSpec({ ...baseInputs(), domains: ["WWW.example.com", "api.example.com"], domainDcv: { "api.example.com": { method: "EMAIL", email: "Admin@example.com" } } });
    assert.deepEqual(s.domains, ["www.example.com", "api.example.com"]);
    assert.deepEqual(s.dcv, [
      { domain: "www.example.com", method: "CNAME_CSR_HASH" },
      { domain: "api.example.com", method: "EMAIL", email: "admin@example.com" },
    ]);
    assert.equal(s.years, 1);
    assert.equal(s.keySource, "local");
    assert.deepEqual(s.key, { algorithm: "RSA", rsaBits: 2048 });
    assert.equal(s.deletePolicy, "cancelPending");
    assert.equal(s.renewBeforeDays, 30);
    assert.equal(toSpec({ ...baseInputs(), keySource: "ca" }).key, undefined);
  });
});

// Issue 9.6: every string input is bounded in `check` (all four resources), a given CSR is checked
// against `domains`, and failure messages never echo a long value whole.
import { strict as assert } from "node:assert";
import { createCsr, generateKeyPair } from "../../sdk/x509";
import { validateCertificateInputs } from "../../provider/certificate-inputs";
import { formatFailures, type CheckFailure } from "../../provider/check";
import { checkSmimeInputs, checkSslInputs } from "../../provider/sectigo-inputs";
import { validateValidationInputs } from "../../provider/validation-impl";
import { cutValue } from "../../provider/input-bounds";
import { csrDomainProblems } from "../../provider/csr-domains";
import { UNKNOWN } from "../../provider/unknowns";
import { administrator, baseInputs, organization } from "./fixtures";

const long = (n: number, c = "a") => c.repeat(n);
const MB = 1 << 20;

type Case = { name: string; inputs: Record<string, unknown>; property: string; reason: RegExp };

const cert = (over: Record<string, unknown>) => ({ ...baseInputs(), ...over });

const certificateCases: Case[] = [
  { name: "1 MB administrator.city", inputs: cert({ administrator: { ...administrator, city: long(MB) } }), property: "administrator.city", reason: /is too long: at most 128 characters/ },
  { name: "100 000-char productCode", inputs: cert({ productCode: long(100_000, "p") }), property: "productCode", reason: /is too long: at most 64 characters/ },
  { name: "65-char administrator.organization (X.509 O is at most 64)", inputs: cert({ administrator: { ...administrator, organization: long(65) } }), property: "administrator.organization", reason: /at most 64 characters/ },
  { name: "41-char postCode", inputs: cert({ administrator: { ...administrator, postCode: long(41, "1") } }), property: "administrator.postCode", reason: /at most 40 characters/ },
  { name: "256-char address", inputs: cert({ administrator: { ...administrator, address: long(256) } }), property: "administrator.address", reason: /at most 255 characters/ },
  { name: "33-char mobile", inputs: cert({ administrator: { ...administrator, mobile: long(33, "1") } }), property: "administrator.mobile", reason: /at most 32 characters/ },
  { name: "tech.firstName", inputs: cert({ tech: { ...administrator, firstName: long(65) } }), property: "tech.firstName", reason: /at most 64 characters/ },
  { name: "finance.lastName", inputs: cert({ finance: { ...administrator, lastName: long(65) } }), property: "finance.lastName", reason: /at most 64 characters/ },
  { name: "organization.organizationName", inputs: cert({ organization: { ...organization, organizationName: long(65) } }), property: "organization.organizationName", reason: /at most 64 characters/ },
  { name: "organization.organizationAddress", inputs: cert({ organization: { ...organization, organizationAddress: long(300) } }), property: "organization.organizationAddress", reason: /at most 255 characters/ },
  { name: "server", inputs: cert({ server: long(65) }), property: "server", reason: /at most 64 characters/ },
  { name: "dcvEmail", inputs: cert({ dcvMethod: "EMAIL", dcvEmail: `admin@${long(300)}.com` }), property: "dcvEmail", reason: /at most 254 characters/ },
  { name: "a 20 000-char csr", inputs: cert({ csr: `-----BEGIN CERTIFICATE REQUEST-----\n${long(20_000, "A")}\n-----END CERTIFICATE REQUEST-----\n` }), property: "csr", reason: /at most 16384 characters/ },
  { name: "certId", inputs: cert({ certId: long(65) }), property: "certId", reason: /at most 64 characters/ },
  { name: "refId", inputs: cert({ refId: long(65) }), property: "refId", reason: /at most 64 characters/ },
  { name: "251 domains", inputs: cert({ productCode: "some-future-product", domains: Array.from({ length: 251 }, (_, i) => `d${i}.example.com`) }), property: "domains", reason: /has 251 entries; at most 250/ },
  { name: "a domainDcv key longer than a domain name", inputs: cert({ domainDcv: { [long(300)]: { method: "EMAIL" } } }), property: "domainDcv", reason: /has a key "a{40}"…\(300 chars\) longer than 253 characters/ },
  { name: "years 1.5 says integer", inputs: cert({ years: 1.5 }), property: "years", reason: /^1\.5 is not allowed \(an integer from 1 to 6\)$/ },
  { name: "renewBeforeDays 7.5 says integer", inputs: cert({ renewBeforeDays: 7.5 }), property: "renewBeforeDays", reason: /an integer from 1 to 90/ },
];

describe("provider: input bounds in check (issue 9.6)", () => {
  for (const c of certificateCases) {
    it(`Certificate: ${c.name}`, () => {
      const fs = validateCertificateInputs(c.inputs);
      const f = fs.find((x) => x.property === c.property);
      assert.ok(f, `no failure for ${c.property}: ${JSON.stringify(fs).slice(0, 500)}`);
      assert.match(f!.reason, c.reason);
      // Nothing echoes a long value whole: the whole message stays small.
      assert.ok(formatFailures(fs).length < 2_000, `message is ${formatFailures(fs).length} chars`);
    });
  }

  it("reports an over-long value once, by its length, with the first 40 characters and the length", () => {
    const fs = validateCertificateInputs(cert({ productCode: long(100_000, "p") }));
    assert.deepEqual(fs, [{ property: "productCode", reason: `"${long(40, "p")}"…(100000 chars) is too long: at most 64 characters` }]);
  });

  it("cuts echoed values in every other message too", () => {
    const fs = validateCertificateInputs(cert({ domains: ["www.example.com", `${long(60, "x")} bad.example.com`] }));
    assert.match(formatFailures(fs), /domains\[1\]: "x{40}"…\(76 chars\) is not a valid domain name/);
    assert.equal(cutValue("short"), '"short"');
  });

  it("a long unknown input name is cut too", () => {
    const fs = validateCertificateInputs(cert({ [long(5_000, "z")]: 1 }));
    assert.equal(fs.length, 1);
    assert.ok(fs[0].property.length < 80, fs[0].property.slice(0, 100));
  });

  it("values at the limits pass", () => {
    const at = cert({ administrator: { ...administrator, city: long(128), organization: long(64), postCode: long(40, "1"), address: long(255) }, server: long(64) });
    assert.deepEqual(validateCertificateInputs(at), []);
  });

  it("unknown values pass the bounds", () => {
    assert.deepEqual(validateCertificateInputs(cert({ productCode: UNKNOWN, administrator: { ...administrator, city: UNKNOWN } })), []);
  });

  describe("a given CSR against domains", () => {
    let privateKeyPem: string;
    before(async () => {
      ({ privateKeyPem } = await generateKeyPair({ algorithm: "ECDSA", curve: "P-256" }));
    });
    const table: { name: string; csr: { commonName?: string; sans?: string[] }; domains: string[]; problem?: RegExp }[] = [
      { name: "CN = domains[0], SANs within domains", csr: { commonName: "www.example.com", sans: ["www.example.com", "api.example.com"] }, domains: ["www.example.com", "api.example.com"] },
      { name: "CN only (the CA adds the other domains)", csr: { commonName: "www.example.com" }, domains: ["www.example.com", "api.example.com"] },
      { name: "case and order of SANs do not matter", csr: { commonName: "WWW.example.com", sans: ["api.example.com", "www.EXAMPLE.com"] }, domains: ["www.example.com", "api.example.com"] },
      { name: "no CN, domains[0] among the SANs", csr: { sans: ["www.example.com"] }, domains: ["www.example.com"] },
      { name: "CN for another name", csr: { commonName: "evil.example.org" }, domains: ["www.example.com"], problem: /its common name is "evil\.example\.org", domains\[0\] is "www\.example\.com"/ },
      { name: "CN is domains[1], not the common name", csr: { commonName: "api.example.com" }, domains: ["www.example.com", "api.example.com"], problem: /its common name is "api\.example\.com"/ },
      { name: "a SAN outside domains", csr: { commonName: "www.example.com", sans: ["www.example.com", "other.example.net"] }, domains: ["www.example.com"], problem: /its SANs name "other\.example\.net", not in domains/ },
      { name: "no CN and domains[0] not among the SANs", csr: { sans: ["api.example.com"] }, domains: ["www.example.com", "api.example.com"], problem: /no common name and its SANs do not include domains\[0\]/ },
    ];
    for (const t of table) {
      it(t.name, async () => {
        const csr = await createCsr({ privateKeyPem, ...t.csr } as Parameters<typeof createCsr>[0]);
        const fs = validateCertificateInputs(cert({ productCode: "positivessl-multi-domain", domains: t.domains, csr }));
        const f = fs.find((x) => x.property === "csr");
        if (!t.problem) assert.equal(f, undefined, JSON.stringify(fs));
        else {
          assert.ok(f, JSON.stringify(fs));
          assert.match(f!.reason, /^does not match domains: /);
          assert.match(f!.reason, t.problem);
        }
      });
    }

    it("unknown domains are not judged", () => {
      assert.deepEqual(csrDomainProblems({ commonName: "x.example.com", sans: [] }, ["www.example.com", undefined]), []);
    });
  });

  describe("CertificateValidation, SectigoSslCertificate, SmimeCertificate", () => {
    const cases: { name: string; run: () => CheckFailure[]; property: string; reason: RegExp }[] = [
      { name: "CertificateValidation certId", run: () => validateValidationInputs({ certId: long(100_000) }), property: "certId", reason: /"a{40}"…\(100000 chars\) is too long: at most 64/ },
      { name: "CertificateValidation validationRecordFqdns entry", run: () => validateValidationInputs({ certId: "260113vghhracpaw", validationRecordFqdns: [long(300)] }), property: "validationRecordFqdns[0]", reason: /at most 253/ },
      { name: "SectigoSsl orderNumber", run: () => checkSslInputs({ orderNumber: long(MB) }), property: "orderNumber", reason: /at most 128 characters/ },
      { name: "SectigoSsl certificateId", run: () => checkSslInputs({ certificateId: long(17, "1") }), property: "certificateId", reason: /at most 16 characters/ },
      { name: "Smime email", run: () => checkSmimeInputs({ orderNumber: "1", email: `${long(300)}@example.com` }), property: "email", reason: /at most 254 characters/ },
      { name: "Smime csr", run: () => checkSmimeInputs({ orderNumber: "1", csr: long(20_000) }), property: "csr", reason: /at most 16384 characters/ },
      { name: "Smime collectionCode", run: () => checkSmimeInputs({ collectionCode: long(1000) }), property: "collectionCode", reason: /at most 16 characters/ },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const fs = c.run();
        const f = fs.find((x) => x.property === c.property);
        assert.ok(f, JSON.stringify(fs).slice(0, 500));
        assert.match(f!.reason, c.reason);
        assert.ok(JSON.stringify(fs).length < 1_000);
      });
    }

    it("an over-long Sectigo value is judged only by its length", () => {
      assert.deepEqual(checkSslInputs({ orderNumber: long(200) }), [{ property: "orderNumber", reason: `"${long(40)}"…(200 chars) is too long: at most 128 characters` }]);
    });
  });
});

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createCsr,
  createPkcs12,
  generateKeyPair,
  parseCertificate,
  parseCsr,
  pemToDer,
  publicKeyMatches,
  publicKeySpkiDerOf,
  randomPassword,
  readPkcs12,
  splitPemBlocks,
  toPem,
  verifyChain,
  X509Error,
} from "../../sdk/x509";
import type { KeyPairPem } from "../../sdk/x509";
import { CertificateAuthority } from "../../simulator";
import { saveCaMaterial } from "../../simulator/store/ca-material";

const DAY = 86_400_000;

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("sdk/x509", () => {
  let rsa: KeyPairPem;
  let ec256: KeyPairPem;
  let dir: string;
  let ca: CertificateAuthority;

  before(async () => {
    [rsa, ec256] = await Promise.all([generateKeyPair({ algorithm: "RSA" }), generateKeyPair({ algorithm: "ECDSA" })]);
    dir = mkdtempSync(join(tmpdir(), "x509-test-"));
    ca = await CertificateAuthority.open(join(dir, "ca"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const issue = (key: KeyPairPem, dnsNames: string[], extra: { emails?: string[] } = {}) =>
    ca.issueLeaf({ publicKeySpkiDer: publicKeySpkiDerOf(key.privateKeyPem), commonName: dnsNames[0], dnsNames, ...extra, notBefore: new Date("2026-01-01T00:00:00Z"), notAfter: new Date("2026-07-01T00:00:00Z") });

  describe("keys", () => {
    it("RSA (2048 default, 3072) and ECDSA P-256 / P-384 as PKCS#8 PEM", async () => {
      const rsa3072 = await generateKeyPair({ algorithm: "RSA", rsaBits: 3072 });
      const p384 = await generateKeyPair({ algorithm: "ECDSA", curve: "P-384" });
      for (const [k, type, detail] of [
        [rsa, "rsa", 2048],
        [rsa3072, "rsa", 3072],
        [ec256, "ec", "prime256v1"],
        [p384, "ec", "secp384r1"],
      ] as const) {
        assert.match(k.privateKeyPem, /^-----BEGIN PRIVATE KEY-----\n/);
        assert.match(k.publicKeyPem, /^-----BEGIN PUBLIC KEY-----\n/);
        const obj = createPrivateKey(k.privateKeyPem);
        assert.equal(obj.asymmetricKeyType, type);
        assert.equal(type === "rsa" ? obj.asymmetricKeyDetails?.modulusLength : obj.asymmetricKeyDetails?.namedCurve, detail);
      }
    });

    it("rejects unsupported parameters with X509Error", async () => {
      await assert.rejects(generateKeyPair({ algorithm: "RSA", rsaBits: 1024 as 2048 }), X509Error);
      await assert.rejects(generateKeyPair({ algorithm: "ECDSA", curve: "P-521" as "P-256" }), X509Error);
      await assert.rejects(generateKeyPair({ algorithm: "DSA" as "RSA" }), X509Error);
    });
  });

  describe("CSR", () => {
    it("round-trips CN, DNS SANs, e-mails and subject fields; carries the key", async () => {
      const csr = await createCsr({ privateKeyPem: ec256.privateKeyPem, commonName: "a.example.com", sans: ["a.example.com", "*.b.example.com"], emails: ["x@example.com"], subject: { O: "Example, Inc.", C: "US" } });
      assert.match(csr, /^-----BEGIN CERTIFICATE REQUEST-----/);
      const parsed = parseCsr(csr);
      assert.equal(parsed.commonName, "a.example.com");
      assert.deepEqual(parsed.sans, ["a.example.com", "*.b.example.com"]);
      assert.deepEqual(parsed.emails, ["x@example.com"]);
      assert.match(parsed.subject, /O=Example\\, Inc\./);
      assert.deepEqual(Buffer.from(parsed.der), Buffer.from(pemToDer(csr)));
      assert.deepEqual(Buffer.from(parsed.publicKeySpkiDer), Buffer.from(publicKeySpkiDerOf(ec256.privateKeyPem)));
      assert.equal(publicKeyMatches(ec256.privateKeyPem, csr), true);
      assert.equal(publicKeyMatches(rsa.privateKeyPem, csr), false);
    });

    it("an RSA CSR is accepted by openssl", async function () {
      if (!hasOpenssl()) this.skip();
      const csr = await createCsr({ privateKeyPem: rsa.privateKeyPem, commonName: "o.example.com", sans: ["o.example.com"] });
      const file = join(dir, "req.pem");
      writeFileSync(file, csr);
      const out = execFileSync("openssl", ["req", "-in", file, "-noout", "-verify", "-subject"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      assert.match(out, /CN ?= ?o\.example\.com/);
    });

    it("garbage → X509Error with a clear message", () => {
      assert.throws(() => parseCsr("hello"), (e: Error) => e instanceof X509Error && /not PEM/.test(e.message));
      assert.throws(() => parseCsr("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"), X509Error);
      assert.throws(() => parseCsr("-----BEGIN CERTIFICATE REQUEST-----\n-----END CERTIFICATE REQUEST-----\n"), /empty/);
    });
  });

  describe("certificates", () => {
    it("parseCertificate agrees with node's X509Certificate", async () => {
      const leaf = await issue(rsa, ["c.example.com", "www.c.example.com"], { emails: ["ops@c.example.com"] });
      const parsed = parseCertificate(leaf.certificatePem);
      const node = new X509Certificate(leaf.certificatePem);
      assert.equal(parsed.sha256Fingerprint, node.fingerprint256);
      assert.equal(parsed.serialNumber, node.serialNumber.toLowerCase());
      assert.equal(parsed.notBefore, new Date(node.validFrom).toISOString());
      assert.equal(parsed.notAfter, "2026-07-01T00:00:00.000Z");
      assert.deepEqual(parsed.sans, ["c.example.com", "www.c.example.com"]);
      assert.deepEqual(parsed.emails, ["ops@c.example.com"]);
      assert.equal(parsed.commonName, "c.example.com");
      assert.equal(parsed.isCa, false);
      assert.equal(parseCertificate(ca.rootCertificatePem).isCa, true);
      assert.match(parsed.issuer, /CN=NicSRS Simulator DV\/OV\/EV TLS CA/);
      assert.equal(publicKeyMatches(rsa.privateKeyPem, leaf.certificatePem), true);
      assert.equal(publicKeyMatches(ec256.privateKeyPem, leaf.certificatePem), false);
      assert.throws(() => parseCertificate("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"), X509Error);
    });

    it("verifyChain: leaf → intermediate → root; fails on a foreign root, a missing link, a non-CA issuer or a bad signature", async () => {
      const leaf = await issue(ec256, ["v.example.com"]);
      const root = ca.rootCertificatePem;
      const int = ca.intermediateCertificatePem;
      assert.equal(await verifyChain(leaf.certificatePem, [int], [root]), true);
      assert.equal(await verifyChain(leaf.certificatePem, [root, int], [root]), true, "order of the chain does not matter");
      assert.equal(await verifyChain(leaf.certificatePem, [], [root]), false);
      const other = await CertificateAuthority.open(join(dir, "other-ca"));
      assert.equal(await verifyChain(leaf.certificatePem, [int], [other.rootCertificatePem]), false);
      assert.equal(await verifyChain(leaf.certificatePem, [other.intermediateCertificatePem], [root]), false);

      // A "CA" whose intermediate is an ordinary leaf: what it signs must not verify.
      const fakeDir = join(dir, "fake-ca");
      const leafKey = rsa;
      const leafAsIssuer = await issue(leafKey, ["issuer.example.com"]);
      saveCaMaterial(fakeDir, { ...ca.material, intermediateCertificatePem: leafAsIssuer.certificatePem, intermediatePrivateKeyPem: leafKey.privateKeyPem });
      const fake = await CertificateAuthority.open(fakeDir);
      const signedByLeaf = await fake.issueLeaf({ publicKeySpkiDer: publicKeySpkiDerOf(ec256.privateKeyPem), dnsNames: ["x.example.com"], notBefore: new Date(), notAfter: new Date(Date.now() + DAY) });
      assert.equal(await verifyChain(signedByLeaf.certificatePem, [leafAsIssuer.certificatePem, int], [root]), false);

      const der = Buffer.from(pemToDer(leaf.certificatePem));
      der[der.length - 5] ^= 0xff; // inside the signature
      assert.equal(await verifyChain(toPem(der, "CERTIFICATE"), [int], [root]), false);
    });
  });

  describe("PEM helpers", () => {
    it("split (with and without a label), normalize CRLF/indentation, convert both ways", () => {
      const cert = ca.rootCertificatePem;
      const key = rsa.privateKeyPem;
      const messy = `junk\r\n${cert.replace(/\n/g, "\r\n  ")}\nmore junk\n${key}`;
      assert.deepEqual(splitPemBlocks(messy), [cert, key]);
      assert.deepEqual(splitPemBlocks(messy, "CERTIFICATE"), [cert]);
      assert.deepEqual(splitPemBlocks(messy, "CERTIFICATE REQUEST"), []);
      const der = pemToDer(cert);
      assert.equal(toPem(der, "CERTIFICATE"), cert);
      assert.throws(() => pemToDer("no pem here"), X509Error);
    });
  });

  describe("PKCS#12", () => {
    it("create → read gives back the key, the certificate and the chain; wrong password fails", async () => {
      const leaf = await issue(rsa, ["p12.example.com"]);
      const b64 = createPkcs12({ privateKeyPem: rsa.privateKeyPem, certificatePem: leaf.certificatePem, chainPems: [ca.intermediateCertificatePem], password: "s3cret" });
      const back = readPkcs12(b64, "s3cret");
      assert.equal(publicKeyMatches(back.privateKeyPem, leaf.certificatePem), true);
      assert.match(back.privateKeyPem, /BEGIN PRIVATE KEY/);
      assert.equal(parseCertificate(back.certificatePem).sha256Fingerprint, parseCertificate(leaf.certificatePem).sha256Fingerprint);
      assert.deepEqual(back.chainPems.map((p) => parseCertificate(p).sha256Fingerprint), [parseCertificate(ca.intermediateCertificatePem).sha256Fingerprint]);
      assert.throws(() => readPkcs12(b64, "wrong"), X509Error);
      assert.throws(() => readPkcs12("bm90IGEgcGZ4", "s3cret"), X509Error);
    });

    it("openssl opens it with the password", async function () {
      if (!hasOpenssl()) this.skip();
      const leaf = await issue(rsa, ["ossl.example.com"]);
      const file = join(dir, "bundle.p12");
      writeFileSync(file, Buffer.from(createPkcs12({ privateKeyPem: rsa.privateKeyPem, certificatePem: leaf.certificatePem, chainPems: [ca.intermediateCertificatePem], password: "pw" }), "base64"));
      const out = execFileSync("openssl", ["pkcs12", "-in", file, "-passin", "pass:pw", "-nokeys"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      assert.equal(splitPemBlocks(out, "CERTIFICATE").length, 2);
    });

    it("EC keys are refused with X509Error (node-forge is RSA-only)", async () => {
      const leaf = await issue(ec256, ["ec.example.com"]);
      assert.throws(() => createPkcs12({ privateKeyPem: ec256.privateKeyPem, certificatePem: leaf.certificatePem, password: "x" }), /RSA keys only/);
    });
  });

  it("randomPassword: requested length, alphanumeric, different each time", () => {
    const a = randomPassword(32);
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(randomPassword(32), a);
    assert.equal(randomPassword().length, 20);
  });
});

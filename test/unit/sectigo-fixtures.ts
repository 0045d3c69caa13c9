// A small certificate hierarchy for the Sectigo parser tests (root → intermediate → SSL and S/MIME leaves),
// built once per process with @peculiar/x509 and ECDSA P-256 (fast; and node-forge's own X.509 reader
// could not read it, which proves the parsers only use forge for the ASN.1 envelope).
import { webcrypto } from "node:crypto";
import { x509 } from "../../sdk/x509/provider";

export interface Fixtures {
  rootDer: Uint8Array;
  intermediateDer: Uint8Array;
  sslLeafDer: Uint8Array;
  smimeLeafDer: Uint8Array;
  rootPem: string;
  intermediatePem: string;
  sslLeafPem: string;
  smimeLeafPem: string;
}

const alg = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

async function keys() {
  return (await webcrypto.subtle.generateKey(alg, true, ["sign", "verify"])) as { publicKey: webcrypto.CryptoKey; privateKey: webcrypto.CryptoKey };
}

let cached: Promise<Fixtures> | undefined;

export function fixtures(): Promise<Fixtures> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Fixtures> {
  const notBefore = new Date("2024-05-14T00:00:00Z");
  const notAfter = new Date("2025-05-13T23:59:59Z");
  const rootKeys = await keys();
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: "01",
    name: "CN=Test Sectigo Root, O=Test",
    notBefore: new Date("2020-01-01T00:00:00Z"),
    notAfter: new Date("2040-01-01T00:00:00Z"),
    keys: rootKeys,
    signingAlgorithm: alg,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  const interKeys = await keys();
  const inter = await x509.X509CertificateGenerator.create({
    serialNumber: "02",
    subject: "CN=Test Sectigo Intermediate, O=Test",
    issuer: root.subject,
    notBefore: new Date("2020-01-01T00:00:00Z"),
    notAfter: new Date("2035-01-01T00:00:00Z"),
    publicKey: interKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: alg,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  const leaf = async (serial: string, subject: string, names: x509.JsonGeneralName[], eku: string) =>
    x509.X509CertificateGenerator.create({
      serialNumber: serial,
      subject,
      issuer: inter.subject,
      notBefore,
      notAfter,
      publicKey: (await keys()).publicKey,
      signingKey: interKeys.privateKey,
      signingAlgorithm: alg,
      extensions: [new x509.BasicConstraintsExtension(false, undefined, true), new x509.ExtendedKeyUsageExtension([eku]), new x509.SubjectAlternativeNameExtension(names)],
    });
  const ssl = await leaf("03", "CN=secure.example.com", [{ type: "dns", value: "secure.example.com" }], x509.ExtendedKeyUsage.serverAuth);
  const smime = await leaf("04", "CN=alice@example.com", [{ type: "email", value: "alice@example.com" }], x509.ExtendedKeyUsage.emailProtection);
  const der = (c: x509.X509Certificate) => new Uint8Array(c.rawData);
  const pem = (c: x509.X509Certificate) => c.toString("pem") + "\n";
  return {
    rootDer: der(root),
    intermediateDer: der(inter),
    sslLeafDer: der(ssl),
    smimeLeafDer: der(smime),
    rootPem: pem(root),
    intermediatePem: pem(inter),
    sslLeafPem: pem(ssl),
    smimeLeafPem: pem(smime),
  };
}

import { generateKeyPair } from "../../sdk/x509";
import { importSigningKeyPair } from "../../sdk/x509/keys";
import { buildName } from "../../sdk/x509/names";
import { x509 } from "../../sdk/x509/provider";
import type { CaMaterial } from "../store/types";
import { randomSerial } from "./serial";

// Wide validity so that moving the simulator clock by years never leaves the CA expired.
const CA_NOT_BEFORE = new Date("2020-01-01T00:00:00Z");
const CA_NOT_AFTER = new Date("2080-01-01T00:00:00Z");

/** A fresh root and intermediate (RSA, so that node-forge can put them in PKCS#12 files). */
export async function createCaMaterial(label = "NicSRS Simulator"): Promise<CaMaterial> {
  const [rootKey, intKey] = await Promise.all([generateKeyPair({ algorithm: "RSA" }), generateKeyPair({ algorithm: "RSA" })]);
  const root = await importSigningKeyPair(rootKey.privateKeyPem);
  const int = await importSigningKeyPair(intKey.privateKeyPem);
  const rootName = buildName(`${label} Root CA`, { O: "pulumi-nicsrs simulator", C: "US" });
  const intName = buildName(`${label} DV/OV/EV TLS CA`, { O: "pulumi-nicsrs simulator", C: "US" });

  const rootCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: rootName,
    notBefore: CA_NOT_BEFORE,
    notAfter: CA_NOT_AFTER,
    keys: root.keys,
    signingAlgorithm: root.signParams,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(root.keys.publicKey),
    ],
  });
  const intCert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: intName,
    issuer: rootCert.subjectName,
    notBefore: CA_NOT_BEFORE,
    notAfter: CA_NOT_AFTER,
    publicKey: int.keys.publicKey,
    signingKey: root.keys.privateKey,
    signingAlgorithm: root.signParams,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(int.keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root.keys.publicKey),
    ],
  });
  return {
    rootCertificatePem: rootCert.toString("pem") + "\n",
    rootPrivateKeyPem: rootKey.privateKeyPem,
    intermediateCertificatePem: intCert.toString("pem") + "\n",
    intermediatePrivateKeyPem: intKey.privateKeyPem,
  };
}

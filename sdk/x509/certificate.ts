import { createHash } from "node:crypto";
import { X509Error } from "./errors";
import { altNames, firstField, OID_BASIC_CONSTRAINTS } from "./names";
import { pemToDer } from "./pem";
import { x509 } from "./provider";

export interface ParsedCertificate {
  subject: string;
  issuer: string;
  commonName?: string;
  sans: string[];
  emails: string[];
  /** ISO 8601 */
  notBefore: string;
  notAfter: string;
  /** lower-case hex, as encoded */
  serialNumber: string;
  /** upper-case hex, colon separated */
  sha256Fingerprint: string;
  publicKeySpkiDer: Uint8Array;
  isCa: boolean;
}

export function loadCertificate(pem: string): x509.X509Certificate {
  try {
    return new x509.X509Certificate(pemToDer(pem));
  } catch (err) {
    if (err instanceof X509Error) throw err;
    throw new X509Error(`the certificate cannot be parsed: ${(err as Error).message}`, { cause: err });
  }
}

export function parseCertificate(pem: string): ParsedCertificate {
  const cert = loadCertificate(pem);
  const { dns, emails } = altNames(cert.extensions);
  const subjectEmail = firstField(cert.subjectName, "E");
  const bc = cert.extensions.find((e) => e.type === OID_BASIC_CONSTRAINTS);
  const isCa = bc ? new x509.BasicConstraintsExtension(bc.rawData).ca : false;
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    commonName: firstField(cert.subjectName, "CN"),
    sans: dns,
    emails: subjectEmail && !emails.includes(subjectEmail) ? [...emails, subjectEmail] : emails,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    serialNumber: cert.serialNumber.toLowerCase(),
    sha256Fingerprint: fingerprint(new Uint8Array(cert.rawData)),
    publicKeySpkiDer: new Uint8Array(cert.publicKey.rawData),
    isCa,
  };
}

function fingerprint(der: Uint8Array): string {
  const hex = createHash("sha256").update(der).digest("hex").toUpperCase();
  return hex.match(/../g)!.join(":");
}

import { X509Error } from "./errors";
import { importSigningKeyPair } from "./keys";
import { altNames, buildName, firstField, SubjectFields } from "./names";
import { pemToDer } from "./pem";
import { x509 } from "./provider";

export interface CreateCsrOptions {
  privateKeyPem: string;
  commonName: string;
  /** DNS names for the SubjectAlternativeName extension. */
  sans?: string[];
  subject?: SubjectFields;
  /** e-mail addresses for the SubjectAlternativeName extension (S/MIME). */
  emails?: string[];
}

/** A PKCS#10 CSR (PEM) for the key, signed with it. */
export async function createCsr(opts: CreateCsrOptions): Promise<string> {
  const { keys, signParams } = await importSigningKeyPair(opts.privateKeyPem);
  const names = [
    ...(opts.sans ?? []).map((value) => ({ type: "dns" as const, value })),
    ...(opts.emails ?? []).map((value) => ({ type: "email" as const, value })),
  ];
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: buildName(opts.commonName, opts.subject),
    keys,
    signingAlgorithm: signParams,
    extensions: names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : [],
  });
  return csr.toString("pem") + "\n";
}

export interface ParsedCsr {
  commonName?: string;
  subject: string;
  sans: string[];
  emails: string[];
  der: Uint8Array;
  publicKeySpkiDer: Uint8Array;
}

export function parseCsr(pem: string): ParsedCsr {
  if (typeof pem !== "string" || !pem.includes("-----BEGIN")) throw new X509Error("the CSR is not PEM (expected -----BEGIN CERTIFICATE REQUEST-----)");
  let csr: x509.Pkcs10CertificateRequest;
  let der: Uint8Array;
  try {
    der = pemToDer(pem);
    csr = new x509.Pkcs10CertificateRequest(der);
  } catch (err) {
    if (err instanceof X509Error) throw err;
    throw new X509Error(`the CSR cannot be parsed: ${(err as Error).message}`, { cause: err });
  }
  const { dns, emails } = altNames(csr.extensions);
  return {
    commonName: firstField(csr.subjectName, "CN"),
    subject: csr.subject,
    sans: dns,
    emails,
    der,
    publicKeySpkiDer: new Uint8Array(csr.publicKey.rawData),
  };
}

/** Whether the CSR's self-signature verifies. */
export async function verifyCsrSignature(pem: string): Promise<boolean> {
  return new x509.Pkcs10CertificateRequest(pemToDer(pem)).verify();
}


// The key and CSR an order is placed with.
import { createCsr, generateKeyPair, publicKeyMatches } from "../sdk/x509";
import type { CertificateSpec } from "./certificate-inputs";

export interface KeyMaterial {
  /** PKCS#8 PEM; only for locally generated keys. */
  privateKeyPem?: string;
  /** What the order is sent with; absent when the CA generates the key. */
  csrPem?: string;
}

/** A fresh key and CSR (local), the user's CSR (csr), or nothing (the CA generates the key). */
export async function newKeyMaterial(spec: CertificateSpec): Promise<KeyMaterial> {
  if (spec.keySource === "csr") return { csrPem: spec.csr };
  if (spec.keySource === "ca") return {};
  const key = spec.key ?? { algorithm: "RSA", rsaBits: 2048 };
  const { privateKeyPem } = await generateKeyPair(key);
  const csrPem = await createCsr({ privateKeyPem, commonName: spec.domains[0], sans: spec.domains });
  return { privateKeyPem, csrPem };
}

/** Whether the issued certificate belongs to the key (false when either cannot be read). */
export function certificateMatchesKey(privateKeyPem: string | undefined, certificatePem: string | undefined): boolean {
  if (!privateKeyPem || !certificatePem) return false;
  try {
    return publicKeyMatches(privateKeyPem, certificatePem);
  } catch {
    return false;
  }
}

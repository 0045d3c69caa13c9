// The key and CSR an order is placed with.
import { createCsr, generateKeyPair, publicKeyMatches } from "../sdk/x509";
import type { CertificateSpec } from "./certificate-inputs";
import { keyFromFile } from "./key-file";
import { progress } from "./poll";

export interface KeyMaterial {
  /** PKCS#8 PEM; only for locally generated keys. */
  privateKeyPem?: string;
  /** What the order is sent with; absent when the CA generates the key. */
  csrPem?: string;
  /** The key lives in `privateKeyFile`: used for checks here, never put in an output. */
  keyInFile?: boolean;
}

/** A fresh key and CSR (local), the user's CSR (csr), or nothing (the CA generates the key). */
export async function newKeyMaterial(spec: CertificateSpec): Promise<KeyMaterial> {
  if (spec.keySource === "csr") return { csrPem: spec.csr };
  if (spec.keySource === "ca") return {};
  if (spec.privateKeyFile) {
    const { privateKeyPem, created } = await keyFromFile(spec.privateKeyFile, spec.key, progress);
    if (created) progress(`wrote a new private key to ${spec.privateKeyFile} (mode 0600); it is not a Pulumi output`);
    const csrPem = await createCsr({ privateKeyPem, commonName: spec.domains[0], sans: spec.domains });
    return { privateKeyPem, csrPem, keyInFile: true };
  }
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

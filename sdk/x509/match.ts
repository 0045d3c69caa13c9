import { createPublicKey } from "node:crypto";
import { parseCertificate } from "./certificate";
import { parseCsr } from "./csr";
import { publicKeySpkiDerOf } from "./keys";
import { pemLabel } from "./pem";

/** Whether the certificate's or CSR's public key is the public half of `privateKeyPem`. */
export function publicKeyMatches(privateKeyPem: string, certOrCsrPem: string): boolean {
  const label = pemLabel(certOrCsrPem);
  const spki = label?.includes("CERTIFICATE REQUEST") ? parseCsr(certOrCsrPem).publicKeySpkiDer : parseCertificate(certOrCsrPem).publicKeySpkiDer;
  return Buffer.from(normalizeSpki(spki)).equals(Buffer.from(publicKeySpkiDerOf(privateKeyPem)));
}

/** Re-encodes an SPKI through node so that equal keys compare byte-equal. */
export function normalizeSpki(spkiDer: Uint8Array): Uint8Array {
  return new Uint8Array(createPublicKey({ key: Buffer.from(spkiDer), format: "der", type: "spki" }).export({ type: "spki", format: "der" }));
}

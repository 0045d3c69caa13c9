import { createPublicKey } from "node:crypto";
import { createCsr, generateKeyPair, parseCsr, verifyCsrSignature, X509Error } from "../../sdk/x509";
import type { SubjectFields } from "../../sdk/x509";
import { addError, FieldErrors } from "./reply";

/**
 * The CSR must parse, be signed by its key (RSA ≥ 2048 or ECDSA P-256/P-384), and name nothing beyond the
 * ordered domains: its CN and every DNS SAN must be one of them. Ordered domains missing from the CSR are
 * fine — the certificate carries the ordered domains, not the CSR's.
 */
export async function checkCsr(csrPem: string, domains: string[], errors: FieldErrors): Promise<void> {
  let parsed;
  try {
    parsed = parseCsr(csrPem);
    if (!(await verifyCsrSignature(csrPem))) throw new X509Error("the CSR's signature does not verify");
  } catch (err) {
    addError(errors, "csr", err instanceof X509Error ? err.message : `the CSR cannot be parsed: ${(err as Error).message}`);
    return;
  }
  const key = createPublicKey({ key: Buffer.from(parsed.publicKeySpkiDer), format: "der", type: "spki" });
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === "rsa") {
    if ((details.modulusLength ?? 0) < 2048) addError(errors, "csr", `RSA keys must have at least 2048 bits (this one has ${details.modulusLength})`);
  } else if (key.asymmetricKeyType === "ec") {
    if (details.namedCurve !== "prime256v1" && details.namedCurve !== "secp384r1") addError(errors, "csr", `EC keys must be P-256 or P-384 (not ${details.namedCurve})`);
  } else {
    addError(errors, "csr", `unsupported key type ${key.asymmetricKeyType} (RSA or ECDSA)`);
  }
  const ordered = new Set(domains);
  const named = [...(parsed.commonName ? [parsed.commonName] : []), ...parsed.sans].map((n) => n.toLowerCase());
  const extra = [...new Set(named.filter((n) => !ordered.has(n)))];
  if (extra.length > 0) addError(errors, "csr", `the CSR names ${extra.join(", ")}, which is not among the ordered domains (${domains.join(", ")})`);
}

/** A key pair and CSR made on the customer's behalf (when the order has no CSR). */
export async function generateCsr(domains: string[], subject: SubjectFields, privateKeyPem?: string): Promise<{ csrPem: string; privateKeyPem: string }> {
  const keyPem = privateKeyPem ?? (await generateKeyPair({ algorithm: "RSA", rsaBits: 2048 })).privateKeyPem;
  const csrPem = await createCsr({ privateKeyPem: keyPem, commonName: domains[0], sans: domains, subject });
  return { csrPem, privateKeyPem: keyPem };
}

// PKCS#7 / CMS SignedData (certs-only, "degenerate") → the certificates it carries.
import { SectigoResponseError } from "../errors";
import { OID, certificateDer, children, isContext, isSequence, oidOf, readDer } from "./asn1";

export function certificatesFromPkcs7(der: Uint8Array): Uint8Array[] {
  const what = "PKCS#7";
  const root = readDer(der, what);
  const [type, content] = isSequence(root) ? children(root, what) : [];
  if (oidOf(type, `${what} content type`) !== OID.pkcs7SignedData) throw new SectigoResponseError(`${what}: not SignedData`);
  if (!isContext(content, 0)) throw new SectigoResponseError(`${what}: SignedData content missing`);
  const signedData = children(content, what)[0];
  if (!isSequence(signedData)) throw new SectigoResponseError(`${what}: SignedData is not a SEQUENCE`);
  // version, digestAlgorithms, encapContentInfo, [0] IMPLICIT certificates OPTIONAL, [1] crls OPTIONAL, signerInfos
  const certSet = children(signedData, what).slice(3).find((n) => isContext(n, 0));
  if (!certSet) throw new SectigoResponseError(`${what}: no certificates`);
  const certs = children(certSet, what).map((n, i) => certificateDer(n, `${what} certificate #${i + 1}`));
  if (certs.length === 0) throw new SectigoResponseError(`${what}: no certificates`);
  return certs;
}

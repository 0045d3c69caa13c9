// CMMF (S/MIME responseType=4): CertRepContent ::= SEQUENCE {
//   caPubs [1] EXPLICIT SEQUENCE OF Certificate OPTIONAL,
//   response SEQUENCE OF CertResponse }
// CertResponse ::= SEQUENCE { certReqId INTEGER, status PKIStatusInfo, certifiedKeyPair CertifiedKeyPair OPTIONAL, … }
// CertifiedKeyPair ::= SEQUENCE { certOrEncCert CHOICE { certificate [0] EXPLICIT Certificate, encryptedCert [1] … }, … }
import { SectigoResponseError } from "../errors";
import { certificateDer, children, isContext, isSequence, readDer } from "./asn1";

export function certificatesFromCmmf(der: Uint8Array): Uint8Array[] {
  const what = "CMMF CertRepContent";
  const root = readDer(der, what);
  if (!isSequence(root)) throw new SectigoResponseError(`${what}: not a SEQUENCE`);
  const parts = children(root, what);
  const certs: Uint8Array[] = [];
  let i = 0;
  if (isContext(parts[0], 1)) {
    const caPubs = children(parts[0], what)[0];
    if (!isSequence(caPubs)) throw new SectigoResponseError(`${what}: caPubs is not a SEQUENCE`);
    children(caPubs, what).forEach((n, k) => certs.unshift(certificateDer(n, `${what} caPubs #${k + 1}`)));
    i = 1;
  }
  const responses = parts[i];
  if (!isSequence(responses) || parts.length !== i + 1) throw new SectigoResponseError(`${what}: response list missing`);
  for (const [k, response] of children(responses, what).entries()) {
    const fields = isSequence(response) ? children(response, what) : [];
    if (fields.length < 2 || !isSequence(fields[1])) throw new SectigoResponseError(`${what}: CertResponse #${k + 1} malformed`);
    const keyPair = fields[2];
    if (!isSequence(keyPair)) continue; // a response without a certificate (e.g. a rejection status)
    const choice = children(keyPair, what)[0];
    if (!isContext(choice, 0)) throw new SectigoResponseError(`${what}: CertResponse #${k + 1} holds no plain certificate`);
    certs.push(certificateDer(children(choice, what)[0], `${what} certificate #${k + 1}`));
  }
  if (certs.length === 0) throw new SectigoResponseError(`${what}: no certificates`);
  return certs;
}

// Netscape certificate sequence: ContentInfo { netscape-cert-sequence, [0] EXPLICIT SEQUENCE OF Certificate }.
import { SectigoResponseError } from "../errors";
import { OID, certificateDer, children, isContext, isSequence, oidOf, readDer } from "./asn1";

export function certificatesFromNetscapeSequence(der: Uint8Array): Uint8Array[] {
  const what = "Netscape certificate sequence";
  const root = readDer(der, what);
  const [type, content] = isSequence(root) ? children(root, what) : [];
  if (oidOf(type, what) !== OID.netscapeCertSequence) throw new SectigoResponseError(`${what}: wrong content type`);
  if (!isContext(content, 0)) throw new SectigoResponseError(`${what}: content missing`);
  const seq = children(content, what)[0];
  if (!isSequence(seq)) throw new SectigoResponseError(`${what}: certificates are not a SEQUENCE`);
  const certs = children(seq, what).map((n, i) => certificateDer(n, `${what} certificate #${i + 1}`));
  if (certs.length === 0) throw new SectigoResponseError(`${what}: no certificates`);
  return certs;
}

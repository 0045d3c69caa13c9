// DER certificates → the leaf and its chain (issuer first, root last), whatever order the payload used.
import { X509Certificate } from "node:crypto";
import { SectigoResponseError } from "../errors";
import type { SectigoCertificates } from "../types";
import { toPem } from "./base64";

interface Parsed {
  der: Uint8Array;
  cert: X509Certificate;
}

function parseDer(der: Uint8Array, index: number): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch {
    throw new SectigoResponseError(`certificate #${index + 1} is not a valid X.509 certificate`);
  }
}

export function orderCertificates(ders: Uint8Array[]): SectigoCertificates {
  const seen = new Set<string>();
  const all: Parsed[] = [];
  ders.forEach((der, i) => {
    const cert = parseDer(der, i);
    if (seen.has(cert.fingerprint256)) return;
    seen.add(cert.fingerprint256);
    all.push({ der, cert });
  });
  const issuedSomething = (p: Parsed) => all.some((o) => o !== p && o.cert.checkIssued(p.cert));
  const selfSigned = (p: Parsed) => p.cert.checkIssued(p.cert);
  const leaves = all.filter((p) => !p.cert.ca && !selfSigned(p) && !issuedSomething(p));
  if (leaves.length > 1) throw new SectigoResponseError(`the payload holds ${leaves.length} end-entity certificates`);
  const leaf = leaves[0];

  const rest = all.filter((p) => p !== leaf);
  const chain: Parsed[] = [];
  // Walk up from the leaf (or from the lowest CA when there is no leaf) through the issuers.
  let current: Parsed | undefined = leaf ?? rest.find((p) => !issuedSomething(p)) ?? rest[rest.length - 1];
  if (current && current !== leaf) {
    chain.push(current);
    rest.splice(rest.indexOf(current), 1);
  }
  while (current && rest.length > 0) {
    const from: Parsed = current;
    const issuer = rest.find((p) => from.cert.checkIssued(p.cert));
    if (!issuer || selfSigned(from)) break;
    chain.push(issuer);
    rest.splice(rest.indexOf(issuer), 1);
    current = issuer;
  }
  // Unlinked CA certificates: keep them, in reverse payload order (the docs list the root first).
  chain.push(...rest.reverse());
  return { leafPem: leaf ? toPem(leaf.der) : undefined, chainPems: chain.map((p) => toPem(p.der)) };
}

/** notBefore/notAfter of a PEM certificate as ISO strings. */
export function validityOf(pem: string): { notBefore: string; notAfter: string } {
  const cert = new X509Certificate(pem);
  return { notBefore: new Date(cert.validFrom).toISOString(), notAfter: new Date(cert.validTo).toISOString() };
}

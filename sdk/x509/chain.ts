import { loadCertificate } from "./certificate";
import { OID_BASIC_CONSTRAINTS } from "./names";
import { x509 } from "./provider";

/**
 * Whether `leafPem` chains to one of `trustedRootPems` through `chainPems`: every link's signature verifies
 * under its issuer's key, names link up and every issuer is a CA. Validity periods are not checked.
 */
export async function verifyChain(leafPem: string, chainPems: string[], trustedRootPems: string[]): Promise<boolean> {
  const leaf = loadCertificate(leafPem);
  const intermediates = chainPems.map(loadCertificate);
  const roots = trustedRootPems.map(loadCertificate);
  let current = leaf;
  const used = new Set<x509.X509Certificate>();
  for (let depth = 0; depth <= intermediates.length + 1; depth++) {
    for (const root of roots) {
      if (isCa(root) && (await signedBy(current, root))) return true;
    }
    if (roots.some((r) => Buffer.from(r.rawData).equals(Buffer.from(current.rawData)))) return true;
    let next: x509.X509Certificate | undefined;
    for (const candidate of intermediates) {
      if (used.has(candidate) || !isCa(candidate)) continue;
      if (await signedBy(current, candidate)) {
        next = candidate;
        break;
      }
    }
    if (!next) return false;
    used.add(next);
    current = next;
  }
  return false;
}

async function signedBy(cert: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  if (cert.issuer !== issuer.subject) return false;
  try {
    return await cert.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

function isCa(cert: x509.X509Certificate): boolean {
  const bc = cert.extensions.find((e) => e.type === OID_BASIC_CONSTRAINTS);
  return bc ? new x509.BasicConstraintsExtension(bc.rawData).ca : false;
}

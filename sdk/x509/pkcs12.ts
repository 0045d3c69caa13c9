import { createPrivateKey } from "node:crypto";
import forge from "node-forge";
import { X509Error } from "./errors";
import { publicKeyMatches } from "./match";
import { splitPemBlocks } from "./pem";

export interface CreatePkcs12Options {
  /** RSA only (node-forge cannot read EC keys). */
  privateKeyPem: string;
  certificatePem: string;
  chainPems?: string[];
  password: string;
  friendlyName?: string;
}

/** A password-protected PKCS#12 (3DES, SHA-1 MAC: what Java, Windows and OpenSSL 3 all read), base64. */
export function createPkcs12(opts: CreatePkcs12Options): string {
  try {
    const key = forge.pki.privateKeyFromPem(toPkcs1Pem(opts.privateKeyPem));
    const certs = [opts.certificatePem, ...(opts.chainPems ?? []).flatMap((p) => splitPemBlocks(p, "CERTIFICATE"))].map((pem) =>
      forge.pki.certificateFromPem(pem),
    );
    // node-forge tests `'friendlyName' in options`: an undefined value would be encoded (and crash).
    const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, opts.password, {
      algorithm: "3des",
      generateLocalKeyId: true,
      ...(opts.friendlyName !== undefined ? { friendlyName: opts.friendlyName } : {}),
    });
    return forge.util.encode64(forge.asn1.toDer(asn1).getBytes());
  } catch (err) {
    throw new X509Error(`cannot build the PKCS#12: ${(err as Error).message}`, { cause: err });
  }
}

export interface Pkcs12Contents {
  /** PKCS#8 */
  privateKeyPem: string;
  certificatePem: string;
  chainPems: string[];
}

export function readPkcs12(base64: string, password: string): Pkcs12Contents {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.util.decode64(base64.replace(/\s+/g, ""));
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), password);
  } catch (err) {
    throw new X509Error(`cannot open the PKCS#12 (wrong password or not a PKCS#12): ${(err as Error).message}`, { cause: err });
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const key = keyBags.find((b) => b.key)?.key;
  if (!key) throw new X509Error("the PKCS#12 holds no private key");
  const privateKeyPem = createPrivateKey(forge.pki.privateKeyToPem(key)).export({ type: "pkcs8", format: "pem" }).toString();
  const certPems = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .filter((b) => b.cert)
    .map((b) => forge.pki.certificateToPem(b.cert!));
  const leaf = certPems.find((pem) => publicKeyMatches(privateKeyPem, pem));
  if (!leaf) throw new X509Error("the PKCS#12 holds no certificate for its private key");
  return { privateKeyPem, certificatePem: leaf, chainPems: certPems.filter((p) => p !== leaf) };
}

function toPkcs1Pem(privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== "rsa") throw new X509Error(`PKCS#12 creation supports RSA keys only (got ${key.asymmetricKeyType ?? "?"})`);
  return key.export({ type: "pkcs1", format: "pem" }).toString();
}

// Binary certificate containers the Sectigo endpoints return, built from DER certificates.
// PKCS#7 comes from @peculiar/x509 and the others from node-forge's ASN.1 writer, so the
// client's readers (node-forge) are checked against an independent writer where possible.
import { zipSync } from "fflate";
import forge from "node-forge";
import { x509 } from "../../sdk/x509/provider";

const { Class, Type } = forge.asn1;
const bin = (der: Uint8Array) => Buffer.from(der).toString("binary");
const node = (der: Uint8Array) => forge.asn1.fromDer(bin(der));
const bytes = (n: forge.asn1.Asn1) => new Uint8Array(Buffer.from(forge.asn1.toDer(n).getBytes(), "binary"));
const seq = (items: forge.asn1.Asn1[]) => forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const explicit = (tag: number, item: forge.asn1.Asn1) => forge.asn1.create(Class.CONTEXT_SPECIFIC, tag, true, [item]);
const oid = (dotted: string) => forge.asn1.create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(dotted).getBytes());
const int = (n: number) => forge.asn1.create(Class.UNIVERSAL, Type.INTEGER, false, forge.asn1.integerToDer(n).getBytes());

/** Certs-only PKCS#7 SignedData. */
export function pkcs7Der(certs: Uint8Array[]): Uint8Array {
  const set = new x509.X509Certificates(certs.map((c) => new x509.X509Certificate(c)));
  return new Uint8Array(set.export("raw"));
}

/** Netscape certificate sequence (OID 2.16.840.1.113730.2.5). */
export function netscapeSequenceDer(certs: Uint8Array[]): Uint8Array {
  return bytes(seq([oid("2.16.840.1.113730.2.5"), explicit(0, seq(certs.map(node)))]));
}

/** CMMF CertRepContent: caPubs [1] with the CA certificates, one granted CertResponse with the leaf. */
export function cmmfDer(leaf: Uint8Array | undefined, caCerts: Uint8Array[]): Uint8Array {
  const responses = leaf ? [seq([int(0), seq([int(0)]), seq([explicit(0, node(leaf))])])] : [];
  const parts = caCerts.length ? [explicit(1, seq(caCerts.map(node))), seq(responses)] : [seq(responses)];
  return bytes(seq(parts));
}

/** A ZIP like Sectigo's: one PEM .crt file per certificate. */
export function zipArchive(files: { name: string; pem: string }[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.name, new TextEncoder().encode(f.pem)])), { level: 6, mtime: new Date("2024-01-01T00:00:00Z") });
}

// Thin helpers over node-forge's ASN.1 reader: parse, check a node's shape, re-serialize a subtree.
import forge from "node-forge";
import { SectigoResponseError } from "../errors";

export type Node = forge.asn1.Asn1;
const { Class, Type } = forge.asn1;

export function readDer(der: Uint8Array, what: string): Node {
  try {
    const options = { strict: true, parseAllBytes: true, decodeBitStrings: false, maxDepth: 64 };
    return (forge.asn1.fromDer as unknown as (b: forge.util.ByteBuffer, o: typeof options) => Node)(forge.util.createBuffer(Buffer.from(der).toString("binary")), options);
  } catch (e) {
    throw new SectigoResponseError(`${what}: not DER (${e instanceof Error ? e.message : String(e)})`);
  }
}

export function derOf(node: Node): Uint8Array {
  return new Uint8Array(Buffer.from(forge.asn1.toDer(node).getBytes(), "binary"));
}

export function children(node: Node | undefined, what: string): Node[] {
  if (!node || !node.constructed || !Array.isArray(node.value)) throw new SectigoResponseError(`${what}: expected a constructed ASN.1 value`);
  return node.value;
}

export function isSequence(node: Node | undefined): node is Node {
  return !!node && node.tagClass === Class.UNIVERSAL && node.type === Type.SEQUENCE && node.constructed;
}

export function isContext(node: Node | undefined, tag: number): node is Node {
  return !!node && node.tagClass === Class.CONTEXT_SPECIFIC && node.type === tag && node.constructed;
}

export function oidOf(node: Node | undefined, what: string): string {
  if (!node || node.tagClass !== Class.UNIVERSAL || node.type !== Type.OID || typeof node.value !== "string")
    throw new SectigoResponseError(`${what}: expected an OBJECT IDENTIFIER`);
  try {
    return forge.asn1.derToOid(node.value);
  } catch {
    throw new SectigoResponseError(`${what}: bad OBJECT IDENTIFIER`);
  }
}

/** A Certificate is SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm SEQUENCE, signature BIT STRING }. */
export function certificateDer(node: Node | undefined, what: string): Uint8Array {
  const parts = isSequence(node) ? children(node, what) : [];
  if (parts.length !== 3 || !isSequence(parts[0]) || !isSequence(parts[1]) || parts[2].type !== Type.BITSTRING)
    throw new SectigoResponseError(`${what}: not a certificate`);
  return derOf(node!);
}

export const OID = {
  pkcs7SignedData: "1.2.840.113549.1.7.2",
  netscapeCertSequence: "2.16.840.1.113730.2.5",
} as const;

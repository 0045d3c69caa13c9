import { X509Error } from "./errors";

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Every PEM block in `text` (optionally only those with `label`), each normalized to 64-column lines. */
export function splitPemBlocks(text: string, label?: string): string[] {
  const blocks: string[] = [];
  for (const m of text.matchAll(PEM_BLOCK)) {
    if (label !== undefined && m[1] !== label) continue;
    const body = m[2].replace(/[^A-Za-z0-9+/=]/g, "");
    blocks.push(toPem(Buffer.from(body, "base64"), m[1]));
  }
  return blocks;
}

export function toPem(der: Uint8Array | ArrayBuffer, label: string): string {
  const b64 = Buffer.from(der instanceof ArrayBuffer ? new Uint8Array(der) : der).toString("base64");
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** The DER bytes of the first PEM block in `pem`. */
export function pemToDer(pem: string): Uint8Array {
  const m = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!m) throw new X509Error("not a PEM block (no -----BEGIN ...----- / -----END ...----- lines)");
  const body = m[2].replace(/[^A-Za-z0-9+/=]/g, "");
  if (body.length === 0) throw new X509Error(`the ${m[1]} PEM block is empty`);
  return new Uint8Array(Buffer.from(body, "base64"));
}

/** The label of the first PEM block (`CERTIFICATE`, `CERTIFICATE REQUEST`…), or undefined. */
export function pemLabel(pem: string): string | undefined {
  return /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
}

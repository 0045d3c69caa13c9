// Strict Base64 and PEM handling. Lenient about what the docs themselves print
// ("----- BEGIN CERTIFICATE -----", four-dash footers, CRLF), strict about the payload.
import { SectigoResponseError, excerptOf } from "../errors";

const ARMOR_LINE = /^\s*-{3,5}\s*(BEGIN|END)\s+([A-Z0-9 #]*?)\s*-{3,5}\s*$/;

export function decodeBase64(text: string, what: string, opts: { spaceIsPlus?: boolean } = {}): Uint8Array {
  let body = opts.spaceIsPlus ? text.replace(/ /g, "+") : text;
  body = body.replace(/\s+/g, "");
  if (body.length === 0) throw new SectigoResponseError(`${what}: empty Base64`);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new SectigoResponseError(`${what}: not Base64`, excerptOf(body, 40));
  const rem = body.replace(/=+$/, "").length % 4;
  if (rem === 1 || (body.includes("=") && body.length % 4 !== 0)) throw new SectigoResponseError(`${what}: truncated Base64`, excerptOf(body.slice(-40), 40));
  return new Uint8Array(Buffer.from(body, "base64"));
}

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

export interface PemScan {
  blocks: PemBlock[];
  /** Index of the first line after the last consumed block. */
  end: number;
}

/**
 * Reads consecutive PEM blocks from `lines`, starting at `start` and stopping at the first
 * line that is not part of a block. A BEGIN without its END is a truncated body.
 */
export function scanPemBlocks(lines: string[], start: number, what: string): PemScan {
  const blocks: PemBlock[] = [];
  let i = start;
  while (i < lines.length) {
    const begin = ARMOR_LINE.exec(lines[i]);
    if (!begin || begin[1] !== "BEGIN") break;
    const label = begin[2].trim();
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const m = ARMOR_LINE.exec(lines[j]);
      if (!m) {
        body.push(lines[j]);
        continue;
      }
      if (m[1] !== "END" || m[2].trim() !== label) throw new SectigoResponseError(`${what}: PEM block ${label} ends with ${JSON.stringify(lines[j].trim())}`);
      break;
    }
    if (j >= lines.length) throw new SectigoResponseError(`${what}: PEM block ${label || "(no label)"} has no END line (truncated)`);
    blocks.push({ label, der: decodeBase64(body.join(""), `${what} (${label})`) });
    i = j + 1;
  }
  return { blocks, end: i };
}

/** All PEM blocks of a text that must consist of PEM blocks only (blank lines allowed). */
export function pemBlocksOf(text: string, what: string): PemBlock[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const scan = scanPemBlocks(lines, 0, what);
  if (scan.end !== lines.length) throw new SectigoResponseError(`${what}: unexpected text outside PEM blocks`, excerptOf(lines[scan.end], 40));
  return scan.blocks;
}

export function looksArmored(text: string): boolean {
  return /-{3,5}\s*BEGIN\s/.test(text);
}

/** Base64 payload with or without one BEGIN/END armor around it. */
export function decodeMaybeArmored(text: string, what: string, opts: { spaceIsPlus?: boolean } = {}): Uint8Array {
  if (!looksArmored(text)) return decodeBase64(text, what, opts);
  const blocks = pemBlocksOf(text, what);
  if (blocks.length !== 1) throw new SectigoResponseError(`${what}: expected one PEM block, found ${blocks.length}`);
  return blocks[0].der;
}

export function toPem(der: Uint8Array, label = "CERTIFICATE"): string {
  const b64 = Buffer.from(der).toString("base64");
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

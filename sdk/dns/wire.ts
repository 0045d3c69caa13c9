// DNS messages (RFC 1035) as bytes: a query out, a whole answer back (header flags, and the answer,
// authority and additional sections a resolver needs to follow referrals). Only the record types
// DCV and CAA need are decoded; others keep their raw bytes.

export const TYPES = { A: 1, NS: 2, CNAME: 5, SOA: 6, TXT: 16, AAAA: 28, CAA: 257 } as const;
export type RecordType = keyof typeof TYPES;
const TYPE_NAMES = new Map<number, string>(Object.entries(TYPES).map(([k, v]) => [v, k]));

export const RCODES = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

export interface CaaData {
  flags: number;
  tag: string;
  value: string;
}

export interface ResourceRecord {
  /** Lower case, without the trailing dot. */
  name: string;
  /** "A", "CNAME", … or "TYPE<n>". */
  type: string;
  ttl: number;
  /** A/AAAA: address; NS/CNAME: a name; TXT: the strings joined; SOA: the primary server's name. */
  data: string;
  caa?: CaaData;
}

export interface DnsMessage {
  id: number;
  authoritative: boolean;
  truncated: boolean;
  rcode: number;
  answers: ResourceRecord[];
  authorities: ResourceRecord[];
  additionals: ResourceRecord[];
}

export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

function encodeName(name: string): Buffer {
  const labels = normalizeName(name).split(".").filter((l) => l !== "");
  const parts: Buffer[] = [];
  for (const label of labels) {
    const b = Buffer.from(label, "utf8");
    if (b.length > 63) throw new Error(`DNS label too long in ${name}`);
    parts.push(Buffer.from([b.length]), b);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/** A standard query, recursion desired (a recursive resolver answers it; an authoritative server ignores the flag). */
export function encodeQuery(id: number, name: string, type: RecordType): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2); // RD
  header.writeUInt16BE(1, 4);
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(TYPES[type], 0);
  tail.writeUInt16BE(1, 2); // IN
  return Buffer.concat([header, encodeName(name), tail]);
}

function readName(buf: Buffer, offset: number): { name: string; next: number } {
  const labels: string[] = [];
  let pos = offset;
  let next = -1;
  for (let hops = 0; hops < 128; hops++) {
    if (pos >= buf.length) throw new Error("DNS name runs past the message");
    const len = buf[pos];
    if ((len & 0xc0) === 0xc0) {
      if (next < 0) next = pos + 2;
      pos = ((len & 0x3f) << 8) | buf[pos + 1];
      continue;
    }
    if (len === 0) return { name: labels.join(".").toLowerCase(), next: next < 0 ? pos + 1 : next };
    labels.push(buf.toString("utf8", pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
  throw new Error("DNS name compression loop");
}

function readRecord(buf: Buffer, offset: number): { rr: ResourceRecord; next: number } {
  const { name, next: p } = readName(buf, offset);
  const typeNum = buf.readUInt16BE(p);
  const ttl = buf.readUInt32BE(p + 4);
  const len = buf.readUInt16BE(p + 8);
  const start = p + 10;
  const end = start + len;
  if (end > buf.length) throw new Error("DNS record runs past the message");
  const type = TYPE_NAMES.get(typeNum) ?? `TYPE${typeNum}`;
  const rr: ResourceRecord = { name, type, ttl, data: "" };
  switch (type) {
    case "A":
      rr.data = [...buf.subarray(start, end)].join(".");
      break;
    case "AAAA": {
      const words: string[] = [];
      for (let i = start; i < end; i += 2) words.push(buf.readUInt16BE(i).toString(16));
      rr.data = words.join(":");
      break;
    }
    case "NS":
    case "CNAME":
    case "SOA":
      rr.data = readName(buf, start).name;
      break;
    case "TXT": {
      const chunks: string[] = [];
      for (let i = start; i < end; ) {
        const l = buf[i];
        chunks.push(buf.toString("utf8", i + 1, i + 1 + l));
        i += 1 + l;
      }
      rr.data = chunks.join("");
      break;
    }
    case "CAA": {
      const tagLen = buf[start + 1];
      const tag = buf.toString("ascii", start + 2, start + 2 + tagLen).toLowerCase();
      const value = buf.toString("utf8", start + 2 + tagLen, end);
      rr.caa = { flags: buf[start], tag, value };
      rr.data = `${buf[start]} ${tag} "${value}"`;
      break;
    }
    default:
      rr.data = buf.subarray(start, end).toString("hex");
  }
  return { rr, next: end };
}

export function decodeMessage(buf: Buffer): DnsMessage {
  if (buf.length < 12) throw new Error("DNS message shorter than its header");
  const flags = buf.readUInt16BE(2);
  const counts = [4, 6, 8, 10].map((o) => buf.readUInt16BE(o));
  let pos = 12;
  for (let i = 0; i < counts[0]; i++) pos = readName(buf, pos).next + 4;
  const sections: ResourceRecord[][] = [[], [], []];
  for (let s = 0; s < 3; s++) {
    for (let i = 0; i < counts[s + 1]; i++) {
      const { rr, next } = readRecord(buf, pos);
      sections[s].push(rr);
      pos = next;
    }
  }
  return {
    id: buf.readUInt16BE(0),
    authoritative: (flags & 0x0400) !== 0,
    truncated: (flags & 0x0200) !== 0,
    rcode: flags & 0x000f,
    answers: sections[0],
    authorities: sections[1],
    additionals: sections[2],
  };
}

// Is a DCV record published the way the CA will look for it? Asks each authoritative server of the
// record's zone directly (no cache in between) and, optionally, named resolvers; says per server
// what it saw, and sums it up: visible, partly visible (k of n), wrong value, missing.
import { formatServer } from "./transport";
import { DnsResolver } from "./resolver";
import { normalizeName, RCODES, type DnsMessage } from "./wire";

export interface ExpectedRecord {
  name: string;
  type: "CNAME" | "TXT";
  value: string;
}

export type RecordState = "visible" | "partial" | "wrong" | "missing" | "unknown";

export interface ServerView {
  /** "ns1.example.com (192.0.2.1)" or "resolver 1.1.1.1". */
  server: string;
  /** Values seen at the record's name (a TXT reached through a CNAME chain included). */
  seen: string[];
  matches: boolean;
  error?: string;
}

export interface RecordCheck {
  record: ExpectedRecord;
  state: RecordState;
  zone?: string;
  authoritative: ServerView[];
  resolvers: ServerView[];
  /** Servers that hold the expected value, out of the authoritative ones that answered. */
  present: number;
  total: number;
  /** Why the state could not be known (zone not found, no server answered). */
  error?: string;
}

const sameValue = (type: "CNAME" | "TXT", a: string, b: string) =>
  type === "CNAME" ? normalizeName(a) === normalizeName(b) : a.trim() === b.trim();

function seenIn(msg: DnsMessage, name: string, type: "CNAME" | "TXT"): { values: string[]; alias?: string } {
  const n = normalizeName(name);
  const values = msg.answers.filter((r) => r.name === n && r.type === type).map((r) => r.data);
  const alias = type === "TXT" ? msg.answers.find((r) => r.name === n && r.type === "CNAME")?.data : undefined;
  return { values, alias };
}

export async function checkRecord(resolver: DnsResolver, record: ExpectedRecord, extraResolvers: DnsResolver[] = []): Promise<RecordCheck> {
  const out: RecordCheck = { record, state: "unknown", authoritative: [], resolvers: [], present: 0, total: 0 };
  let zone;
  try {
    zone = await resolver.zoneOf(record.name);
  } catch (err) {
    out.error = (err as Error).message;
    return out;
  }
  out.zone = zone.zone;
  if (zone.nameservers.length === 0) {
    out.error = `no reachable nameserver for zone ${zone.zone}`;
    return out;
  }
  for (const ns of zone.nameservers) {
    const label = `${ns.name} (${formatServer(ns.address)})`;
    try {
      const msg = await resolver.ask(ns.address, record.name, record.type);
      if (msg.rcode !== RCODES.NOERROR && msg.rcode !== RCODES.NXDOMAIN) throw new Error(`rcode ${msg.rcode}`);
      let { values, alias } = seenIn(msg, record.name, record.type);
      if (values.length === 0 && alias) {
        // A TXT record delegated elsewhere by CNAME (e.g. to a validation zone): follow it.
        const followed = await resolver.lookup(alias, "TXT");
        values = followed.records.map((r) => r.data);
      }
      out.authoritative.push({ server: label, seen: values, matches: values.some((v) => sameValue(record.type, v, record.value)) });
    } catch (err) {
      out.authoritative.push({ server: label, seen: [], matches: false, error: (err as Error).message });
    }
  }
  for (const r of extraResolvers) {
    const label = `resolver ${r.start.map(formatServer).join(",")}`;
    try {
      const res = await r.lookup(record.name, record.type);
      const values = res.records.map((x) => x.data);
      out.resolvers.push({ server: label, seen: values, matches: values.some((v) => sameValue(record.type, v, record.value)) });
    } catch (err) {
      out.resolvers.push({ server: label, seen: [], matches: false, error: (err as Error).message });
    }
  }
  const answered = out.authoritative.filter((v) => !v.error);
  out.total = answered.length;
  out.present = answered.filter((v) => v.matches).length;
  if (answered.length === 0) {
    out.error = out.authoritative.map((v) => `${v.server}: ${v.error}`).join("; ");
    return out;
  }
  if (out.present === answered.length) out.state = "visible";
  else if (out.present > 0) out.state = "partial";
  else if (answered.some((v) => v.seen.length > 0)) out.state = "wrong";
  else out.state = "missing";
  return out;
}

/** One line for people: what is wrong with the record and where. */
export function describeCheck(c: RecordCheck): string {
  const r = c.record;
  const what = `${r.type} ${r.name}`;
  const seen = [...new Set(c.authoritative.flatMap((v) => v.seen))];
  const resolverNote = c.resolvers.length
    ? `; resolvers: ${c.resolvers.map((v) => `${v.server} ${v.error ? `error (${v.error})` : v.matches ? "sees it" : v.seen.length ? `sees ${v.seen.join(", ")}` : "sees nothing"}`).join(", ")}`
    : "";
  switch (c.state) {
    case "visible":
      return `${what} visible at all ${c.total} authoritative servers${resolverNote}`;
    case "partial": {
      const lacking = c.authoritative.filter((v) => !v.error && !v.matches).map((v) => v.server);
      return `${what} present at ${c.present} of ${c.total} authoritative servers (not yet at ${lacking.join(", ")})${resolverNote}`;
    }
    case "wrong":
      return `${what} has the wrong value: expected ${r.value}, seen ${seen.join(", ")}${resolverNote}`;
    case "missing":
      return `${what} is missing at the authoritative servers of ${c.zone} (expected ${r.value})${resolverNote}`;
    default:
      return `${what}: DNS check failed (${c.error ?? "unknown"})`;
  }
}

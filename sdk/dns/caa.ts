// CAA (RFC 8659): the relevant record set of a domain is the first non-empty CAA RRset found
// climbing from the domain (wildcard dropped) towards the root (here: to the second level); CNAMEs are followed on each name.
// `issue` governs all certificates, `issuewild` (when present) wildcard ones; an unknown tag with
// the critical flag forbids issuance; no CAA anywhere allows every CA.
import { DnsResolver, parent } from "./resolver";
import { normalizeName, type CaaData } from "./wire";

export interface CaaLookup {
  /** Where the relevant set was found; undefined: no CAA record on the way to the root. */
  at?: string;
  records: CaaData[];
}

export interface CaaDecision {
  allowed: boolean;
  /** Why, in words. */
  reason: string;
}

const KNOWN_TAGS = new Set(["issue", "issuewild", "iodef", "issuemail", "issuevmc", "contactemail", "contactphone"]);

export async function relevantCaa(resolver: DnsResolver, domain: string): Promise<CaaLookup> {
  let name = normalizeName(domain).replace(/^\*\./, "");
  // Climbs to the second level: CAA at a TLD or the root is not looked up (none is published in
  // practice, and a lab's DNS starting at its own zone cannot answer for them).
  while (name.includes(".")) {
    const r = await resolver.lookup(name, "CAA");
    const records = r.records.map((x) => x.caa!).filter(Boolean);
    if (records.length > 0) return { at: name, records };
    name = parent(name);
  }
  return { records: [] };
}

/** The issuer domain of an issue / issuewild value ("" when the value names none, e.g. ";"). */
export function issuerOf(value: string): string {
  return normalizeName(value.split(";")[0] ?? "");
}

export function caaDecision(lookup: CaaLookup, issuerDomains: readonly string[], wildcard: boolean): CaaDecision {
  if (lookup.records.length === 0) return { allowed: true, reason: "no CAA record restricts issuance" };
  const where = `CAA at ${lookup.at}`;
  const critical = lookup.records.find((r) => (r.flags & 0x80) !== 0 && !KNOWN_TAGS.has(r.tag));
  if (critical) return { allowed: false, reason: `${where} has an unknown critical property "${critical.tag}", which forbids every CA` };
  const wild = lookup.records.filter((r) => r.tag === "issuewild");
  const governing = wildcard && wild.length > 0 ? wild : lookup.records.filter((r) => r.tag === "issue");
  const tag = wildcard && wild.length > 0 ? "issuewild" : "issue";
  if (governing.length === 0) return { allowed: true, reason: `${where} has no ${tag} property` };
  const wanted = new Set(issuerDomains.map(normalizeName));
  const named = governing.map((r) => issuerOf(r.value));
  if (named.some((d) => wanted.has(d))) return { allowed: true, reason: `${where} allows ${named.filter((d) => wanted.has(d)).join(", ")}` };
  const list = named.map((d) => (d === "" ? '";" (no CA)' : d)).join(", ");
  return { allowed: false, reason: `${where} allows only ${list} for ${wildcard ? "wildcard " : ""}certificates (${tag}); this CA needs one of ${[...wanted].join(", ")}` };
}

// The few PowerDNS HTTP API calls the examples' DNS record resource, the demo and the tests need.
export interface PowerDnsEndpoint {
  apiUrl: string;
  apiKey: string;
}

export interface DnsRecordSpec {
  zone: string;
  /** FQDN, with or without the trailing dot. */
  name: string;
  type: "CNAME" | "TXT" | "A";
  /** Record content as PowerDNS wants it: CNAME targets end with a dot, TXT is quoted. */
  content: string;
  ttl?: number;
}

const dotted = (name: string) => (name.endsWith(".") ? name : `${name}.`);

/** PowerDNS content for a record value as a user writes it (bare name, bare text). */
export function powerDnsContent(type: DnsRecordSpec["type"], value: string): string {
  if (type === "CNAME") return dotted(value);
  if (type === "TXT") return value.startsWith('"') ? value : `"${value.replace(/"/g, '\\"')}"`;
  return value;
}

async function patchZone(api: PowerDnsEndpoint, zone: string, rrset: Record<string, unknown>): Promise<void> {
  // PowerDNS answers 500 when its sqlite backend is busy with a concurrent write: PATCH is idempotent, so retry.
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${api.apiUrl}/zones/${dotted(zone)}`, {
      method: "PATCH",
      headers: { "X-API-Key": api.apiKey, "Content-Type": "application/json" },
      body: JSON.stringify({ rrsets: [rrset] }),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.ok) return;
    // 404/422 on DELETE: the zone or server is gone already, which must not block a destroy.
    if (rrset.changetype === "DELETE" && (res.status === 404 || res.status === 422)) return;
    if (res.status < 500 || attempt >= 6) {
      throw new Error(`PowerDNS PATCH ${zone} ${String(rrset.type)} ${String(rrset.name)}: HTTP ${res.status} ${await res.text()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt * Math.random()));
  }
}

export function upsertRecord(api: PowerDnsEndpoint, spec: DnsRecordSpec): Promise<void> {
  return patchZone(api, spec.zone, {
    name: dotted(spec.name),
    type: spec.type,
    ttl: spec.ttl ?? 60,
    changetype: "REPLACE",
    records: [{ content: powerDnsContent(spec.type, spec.content), disabled: false }],
  });
}

export function deleteRecord(api: PowerDnsEndpoint, spec: Pick<DnsRecordSpec, "zone" | "name" | "type">): Promise<void> {
  return patchZone(api, spec.zone, { name: dotted(spec.name), type: spec.type, changetype: "DELETE" });
}

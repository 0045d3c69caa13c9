import { DnsResolver, normalizeName } from "../../sdk/dns";

export interface DnsLookupResult {
  found: boolean;
  detail: string;
}

/**
 * Real DNS queries the way a CA's resolver makes them: iteratively from `server` ("host:port"; the
 * system's resolvers when absent), following delegations and CNAMEs. `nameservers` says where each
 * nameserver really listens (a lab on loopback); with several authoritative servers the first that
 * answers is asked, so a record on only one of them may or may not be seen (slow propagation).
 */
export class DnsChecker {
  readonly resolver: DnsResolver;

  constructor(server?: string, timeoutMs = 2000, nameservers?: Record<string, string>) {
    this.resolver = new DnsResolver({ ...(server ? { resolvers: [server] } : {}), nameserverAddresses: nameservers, timeoutMs });
  }

  async cnameIs(name: string, expected: string): Promise<DnsLookupResult> {
    try {
      const r = await this.resolver.lookup(name, "CNAME");
      const targets = r.records.map((t) => t.data);
      const ok = targets.some((t) => normalizeName(t) === normalizeName(expected));
      if (ok) return { found: true, detail: `CNAME ${name} found` };
      return { found: false, detail: targets.length ? `CNAME ${name} points to ${targets.join(", ")}, expected ${expected}` : `CNAME ${name}: ${r.rcode === "NXDOMAIN" ? "ENOTFOUND" : "ENODATA"} (expected ${expected})` };
    } catch (err) {
      return { found: false, detail: `CNAME ${name}: ${(err as Error).message}` };
    }
  }

  async txtContains(name: string, expected: string): Promise<DnsLookupResult> {
    try {
      const records = (await this.resolver.lookup(name, "TXT")).records.map((r) => r.data);
      const ok = records.some((r) => r.trim() === expected);
      return { found: ok, detail: ok ? `TXT ${name} found` : `TXT ${name} holds ${records.length} record(s), none is the token` };
    } catch (err) {
      return { found: false, detail: `TXT ${name}: ${(err as Error).message}` };
    }
  }
}

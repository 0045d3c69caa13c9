import { promises as dns } from "node:dns";

export interface DnsLookupResult {
  found: boolean;
  detail: string;
}

/** Real DNS queries, to `server` ("host:port") when given, else to the system's resolvers. */
export class DnsChecker {
  private readonly resolver: dns.Resolver;

  constructor(server?: string, timeoutMs = 2000) {
    this.resolver = new dns.Resolver({ timeout: timeoutMs, tries: 2 });
    if (server) this.resolver.setServers([server]);
  }

  async cnameIs(name: string, expected: string): Promise<DnsLookupResult> {
    try {
      const targets = await this.resolver.resolveCname(name);
      const ok = targets.some((t) => sameName(t, expected));
      return { found: ok, detail: ok ? `CNAME ${name} found` : `CNAME ${name} points to ${targets.join(", ")}, expected ${expected}` };
    } catch (err) {
      return { found: false, detail: `CNAME ${name}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    }
  }

  async txtContains(name: string, expected: string): Promise<DnsLookupResult> {
    try {
      const records = (await this.resolver.resolveTxt(name)).map((chunks) => chunks.join(""));
      const ok = records.some((r) => r.trim() === expected);
      return { found: ok, detail: ok ? `TXT ${name} found` : `TXT ${name} holds ${records.length} record(s), none is the token` };
    } catch (err) {
      return { found: false, detail: `TXT ${name}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    }
  }
}

function sameName(a: string, b: string): boolean {
  return a.replace(/\.$/, "").toLowerCase() === b.replace(/\.$/, "").toLowerCase();
}

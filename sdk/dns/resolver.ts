// Iterative lookups from configurable starting servers: follows referrals (NS delegation, with glue
// or by resolving the nameservers' names), follows CNAME chains, finds a name's zone and the zone's
// authoritative servers. Starting at a recursive resolver works too (it answers directly).
//
// For real DNS the defaults are right (the system's resolvers, nameservers on port 53). For tests on
// loopback, `resolvers` is the parent zone's server and `nameserverAddresses` maps each
// nameserver's name (or address) to the "host:port" it really listens on.
import { getServers } from "node:dns";
import { formatServer, parseServer, query, type ServerAddress } from "./transport";
import { normalizeName, RCODES, type DnsMessage, type RecordType, type ResourceRecord } from "./wire";

export interface DnsResolverOptions {
  /** Where lookups start ("host[:port]"): recursive resolvers, or a root / parent authoritative server. Default: the system's resolvers. */
  resolvers?: string[];
  /** Where to reach a nameserver, by its name or its address: `{ "ns1.example.test": "127.0.0.1:5301" }`. Default: its address, port 53. */
  nameserverAddresses?: Record<string, string>;
  /** Per query; default 2000 ms. */
  timeoutMs?: number;
}

export interface Nameserver {
  name: string;
  address: ServerAddress;
}

export interface LookupResult {
  /** NOERROR or NXDOMAIN (of the last name in the chain). */
  rcode: "NOERROR" | "NXDOMAIN";
  /** Records of the asked type at the end of the CNAME chain. */
  records: ResourceRecord[];
  /** Alias targets followed, in order. */
  cnames: string[];
}

export interface ZoneInfo {
  zone: string;
  nameservers: Nameserver[];
}

const MAX_STEPS = 24;

export class DnsLookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DnsLookupError";
  }
}

export class DnsResolver {
  readonly start: ServerAddress[];
  private readonly map: Map<string, ServerAddress>;
  private readonly timeoutMs: number;

  constructor(opts: DnsResolverOptions = {}) {
    const resolvers = opts.resolvers && opts.resolvers.length > 0 ? opts.resolvers : getServers();
    this.start = resolvers.map(parseServer);
    this.map = new Map(Object.entries(opts.nameserverAddresses ?? {}).map(([k, v]) => [normalizeName(k), parseServer(v)]));
    this.timeoutMs = opts.timeoutMs ?? 2000;
  }

  /** Where a nameserver (by name, with the address from glue or lookup) is really reached. */
  addressOf(name: string, ip?: string): ServerAddress | undefined {
    return this.map.get(normalizeName(name)) ?? (ip ? (this.map.get(ip) ?? { host: ip, port: 53 }) : undefined);
  }

  /** One question to one server, no referral following. */
  ask(server: ServerAddress, name: string, type: RecordType): Promise<DnsMessage> {
    return query(server, name, type, this.timeoutMs);
  }

  /** Asks the servers in turn until one gives a usable answer (not SERVFAIL / REFUSED / silence). */
  async askAny(servers: ServerAddress[], name: string, type: RecordType): Promise<DnsMessage> {
    const failures: string[] = [];
    for (const s of servers) {
      try {
        const msg = await this.ask(s, name, type);
        if (msg.rcode === RCODES.NOERROR || msg.rcode === RCODES.NXDOMAIN) return msg;
        failures.push(`${formatServer(s)}: rcode ${msg.rcode}`);
      } catch (err) {
        failures.push(`${formatServer(s)}: ${(err as Error).message}`);
      }
    }
    throw new DnsLookupError(`${type} ${name}: no server answered (${failures.join("; ") || "no servers"})`);
  }

  /** Resolves `name` / `type` from the starting servers, following referrals and CNAMEs. */
  async lookup(name: string, type: RecordType, depth = 0): Promise<LookupResult> {
    let qname = normalizeName(name);
    let servers = this.start;
    const cnames: string[] = [];
    const seenReferrals = new Set<string>();
    for (let step = 0; step < MAX_STEPS; step++) {
      const msg = await this.askAny(servers, qname, type);
      // Follow the chain as far as this answer goes.
      for (let hop = 0; hop < 10; hop++) {
        const alias = type === "CNAME" ? undefined : msg.answers.find((r) => r.name === qname && r.type === "CNAME");
        if (!alias) break;
        if (cnames.includes(alias.data)) throw new DnsLookupError(`CNAME loop at ${qname}`);
        cnames.push(alias.data);
        qname = alias.data;
      }
      const records = msg.answers.filter((r) => r.name === qname && r.type === type);
      if (records.length > 0) return { rcode: "NOERROR", records, cnames };
      if (cnames.length > 0 && msg.answers.some((r) => r.type === "CNAME") && !msg.answers.some((r) => r.name === qname)) {
        // The chain left this server's data: start again from the top for the target.
        servers = this.start;
        continue;
      }
      if (msg.rcode === RCODES.NXDOMAIN) return { rcode: "NXDOMAIN", records: [], cnames };
      const ns = msg.authorities.filter((r) => r.type === "NS");
      const soa = msg.authorities.some((r) => r.type === "SOA");
      if (msg.answers.length === 0 && ns.length > 0 && !soa && !msg.authoritative) {
        const key = ns.map((r) => r.data).sort().join(",");
        if (seenReferrals.has(key)) throw new DnsLookupError(`referral loop for ${qname} (${key})`);
        seenReferrals.add(key);
        servers = (await this.nameserversOf(ns, msg.additionals, depth)).map((n) => n.address);
        if (servers.length === 0) throw new DnsLookupError(`${qname}: referral to ${key} with no reachable nameserver`);
        continue;
      }
      return { rcode: "NOERROR", records: [], cnames };
    }
    throw new DnsLookupError(`${type} ${name}: more than ${MAX_STEPS} steps`);
  }

  /** Addresses of the nameservers named by NS records: configured, glue, or looked up. */
  async nameserversOf(ns: ResourceRecord[], additionals: ResourceRecord[], depth: number): Promise<Nameserver[]> {
    const out: Nameserver[] = [];
    for (const r of ns) {
      const host = r.data;
      const mapped = this.addressOf(host);
      if (mapped) {
        out.push({ name: host, address: mapped });
        continue;
      }
      const glue = additionals.filter((a) => a.name === host && (a.type === "A" || a.type === "AAAA"));
      let ips = glue.map((g) => g.data);
      if (ips.length === 0 && depth < 4) {
        try {
          ips = (await this.lookup(host, "A", depth + 1)).records.map((a) => a.data);
        } catch {
          ips = [];
        }
      }
      if (ips.length > 0) out.push({ name: host, address: this.addressOf(host, ips[0])! });
    }
    return out;
  }

  /** The zone holding `name` (the closest enclosing apex) and its authoritative servers. */
  async zoneOf(name: string): Promise<ZoneInfo> {
    let candidate = normalizeName(name);
    for (let step = 0; step < 64 && candidate !== ""; step++) {
      const r = await this.nsAt(candidate);
      if (r.apex) return { zone: candidate, nameservers: r.nameservers };
      const next = r.soaOwner && candidate.endsWith(`.${r.soaOwner}`) ? r.soaOwner : parent(candidate);
      candidate = next;
    }
    throw new DnsLookupError(`no zone found for ${name}`);
  }

  /** NS at `name`: whether it is a zone apex (with its nameservers), or the SOA owner seen instead. */
  private async nsAt(name: string): Promise<{ apex: boolean; nameservers: Nameserver[]; soaOwner?: string }> {
    let servers = this.start;
    const seen = new Set<string>();
    for (let step = 0; step < MAX_STEPS; step++) {
      const msg = await this.askAny(servers, name, "NS");
      const answer = msg.answers.filter((r) => r.name === name && r.type === "NS");
      if (answer.length > 0) return { apex: true, nameservers: await this.nameserversOf(answer, msg.additionals, 0) };
      const soa = msg.authorities.find((r) => r.type === "SOA");
      if (soa) return { apex: false, nameservers: [], soaOwner: soa.name };
      const ns = msg.authorities.filter((r) => r.type === "NS");
      if (msg.answers.length === 0 && ns.length > 0 && !msg.authoritative) {
        const key = ns.map((r) => r.data).sort().join(",");
        if (seen.has(key)) break;
        seen.add(key);
        servers = (await this.nameserversOf(ns, msg.additionals, 0)).map((n) => n.address);
        if (servers.length === 0) break;
        continue;
      }
      return { apex: false, nameservers: [] };
    }
    return { apex: false, nameservers: [] };
  }
}

export function parent(name: string): string {
  const i = name.indexOf(".");
  return i < 0 ? "" : name.slice(i + 1);
}

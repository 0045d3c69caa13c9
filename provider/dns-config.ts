// How the provider looks at DNS for the DCV pre-flight and the CAA check: stack config (through
// `configure`), else environment variables. Per-resource inputs of CertificateValidation override it.
import { configure as configureCredentials, readConfig, readEnv, type ConfigureRequestLike } from "./credentials";

export interface DnsSettings {
  /** false: no DNS pre-flight and no CAA check (split-horizon DNS, or DNS the provider cannot reach). */
  enabled: boolean;
  /** Where lookups start ("host[:port]"); empty: the system's resolvers. */
  resolvers: string[];
  /** Public resolvers to also ask, for the report only. */
  extraResolvers: string[];
  /** Nameserver name or address → "host:port" (labs on loopback). */
  nameserverAddresses: Record<string, string>;
}

export const CONFIG_DNS_CHECK = "nicsrs:dnsCheck";
export const CONFIG_DNS_RESOLVERS = "nicsrs:dnsResolvers";
export const CONFIG_DNS_EXTRA_RESOLVERS = "nicsrs:dnsCheckResolvers";
export const CONFIG_DNS_NAMESERVERS = "nicsrs:dnsNameservers";

const state: Partial<Record<"check" | "resolvers" | "extra" | "nameservers", string>> = {};

export function configureDns(req: ConfigureRequestLike): void {
  const set = (k: keyof typeof state, key: string) => {
    const v = readConfig(req, key);
    if (v !== undefined) state[k] = v;
  };
  set("check", CONFIG_DNS_CHECK);
  set("resolvers", CONFIG_DNS_RESOLVERS);
  set("extra", CONFIG_DNS_EXTRA_RESOLVERS);
  set("nameservers", CONFIG_DNS_NAMESERVERS);
}

/** The providers' `configure`: credentials and DNS settings. */
export async function configureWithDns(req: ConfigureRequestLike): Promise<void> {
  await configureCredentials(req);
  configureDns(req);
}

/** A list given as JSON (`["1.1.1.1"]`) or comma/space separated. */
export function parseList(v: string | undefined): string[] {
  if (!v) return [];
  const t = v.trim();
  if (t.startsWith("[")) {
    const parsed = JSON.parse(t) as unknown;
    if (!Array.isArray(parsed)) throw new Error(`expected a list, got ${t.slice(0, 80)}`);
    return parsed.map(String);
  }
  return t.split(/[\s,]+/).filter(Boolean);
}

/** `{"ns1.x":"127.0.0.1:5301"}` or `ns1.x=127.0.0.1:5301,ns2.x=…`. */
export function parseMap(v: string | undefined): Record<string, string> {
  if (!v) return {};
  const t = v.trim();
  if (t.startsWith("{")) return JSON.parse(t) as Record<string, string>;
  return Object.fromEntries(t.split(/[\s,]+/).filter(Boolean).map((kv) => kv.split("=", 2) as [string, string]));
}

export function dnsSettings(env: NodeJS.ProcessEnv = process.env): DnsSettings {
  const check = (state.check ?? readEnv(env, "NICSRS_DNS_CHECK") ?? "on").toLowerCase();
  return {
    enabled: !["off", "false", "0", "no"].includes(check),
    resolvers: parseList(state.resolvers ?? readEnv(env, "NICSRS_DNS_RESOLVERS")),
    extraResolvers: parseList(state.extra ?? readEnv(env, "NICSRS_DNS_CHECK_RESOLVERS")),
    nameserverAddresses: parseMap(state.nameservers ?? readEnv(env, "NICSRS_DNS_NAMESERVERS")),
  };
}

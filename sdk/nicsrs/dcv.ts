// Turns the several ways NicSRS reports domain control validation (per-domain `dcvList`,
// per-domain `dcvInfo` map, or single top-level `DCV*` fields) into one record per domain.
import type { DcvFields, DcvMethod } from "./wire";
import type { DcvRecords, DnsDcvRecord, EmailDcvRecord, FileDcvRecord } from "./types";

export interface DcvSource extends Partial<DcvFields> {
  dcvList?: { domainName: string; dcvMethod?: string | null; dcvEmail?: string | null; [field: string]: unknown }[] | null;
  dcvInfo?: Record<string, Partial<DcvFields>> | null;
}

/** What the caller asked for (place / renew / updateDCV), used when the reply omits it. */
export interface RequestedDomain {
  domainName: string;
  dcvMethod?: string | null;
  dcvEmail?: string | null;
}

export const DEFAULT_DCV_FILE_DIR = "/.well-known/pki-validation/";

/** Maps a method string, including loose spellings (`dns`, `CNAME`, `https`), to a DcvMethod. */
export function normalizeDcvMethod(raw: string | null | undefined): DcvMethod | undefined {
  const m = raw?.trim().toUpperCase();
  if (!m) return undefined;
  if (m.includes("HTTPS")) return "HTTPS_CSR_HASH";
  if (m.includes("HTTP") || m.includes("FILE")) return "HTTP_CSR_HASH";
  if (m.includes("CNAME") || m.includes("DNS") || m.includes("TXT")) return "CNAME_CSR_HASH";
  if (m.includes("MAIL")) return "EMAIL";
  return undefined;
}

export function stripWildcard(domain: string): string {
  return domain.trim().replace(/^\*\./, "").replace(/\.$/, "");
}

/** `<host>.<domain>` from a host relative to the domain; a host that is already an FQDN under the domain is kept. */
export function dnsRecordName(host: string, domain: string): string {
  const base = stripWildcard(domain);
  const h = host.trim().replace(/\.$/, "").replace(/(^|\.)\*\./g, "$1");
  if (!h || h === "@") return base;
  const lh = h.toLowerCase();
  const lb = base.toLowerCase();
  if (lh === lb || lh.endsWith(`.${lb}`)) return h;
  return `${h}.${base}`;
}

/** The URL path of the validation file. `filePath` may be a directory, a full path, or a URL. */
export function dcvFilePath(fileName: string | null | undefined, filePath: string | null | undefined): string | undefined {
  const name = fileName?.trim();
  let p = filePath?.trim();
  if (p && /^https?:\/\//i.test(p)) {
    try {
      p = new URL(p).pathname;
    } catch {
      p = undefined;
    }
  }
  if (!p) return name ? `${DEFAULT_DCV_FILE_DIR}${name}` : undefined;
  if (!p.startsWith("/")) p = `/${p}`;
  if (!name) return p.endsWith("/") ? undefined : p;
  if (p.endsWith(`/${name}`)) return p;
  return `${p.replace(/\/+$/, "")}/${name}`;
}

type Method = DcvMethod | undefined;

function present(v: string | null | undefined): v is string {
  return typeof v === "string" && v.trim().length > 0;
}

function hasDns(f: Partial<DcvFields> | undefined): boolean {
  return !!f && present(f.DCVdnsHost) && present(f.DCVdnsValue);
}

function hasFile(f: Partial<DcvFields> | undefined): boolean {
  return !!f && (present(f.DCVfileName) || present(f.DCVfilePath)) && typeof f.DCVfileContent === "string";
}

function inferMethod(f: Partial<DcvFields> | undefined): Method {
  if (!f) return undefined;
  if (hasDns(f)) return "CNAME_CSR_HASH";
  if (hasFile(f)) return /^https:/i.test(f.DCVfilePath ?? "") ? "HTTPS_CSR_HASH" : "HTTP_CSR_HASH";
  if (present(f.dcvEmail)) return "EMAIL";
  return undefined;
}

function key(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, "");
}

/** Finds a domain's entry in a map keyed by domain, tolerating case and a `*.` on either side. */
function lookup<T>(map: Record<string, T> | null | undefined, domain: string): T | undefined {
  if (!map) return undefined;
  const wanted = [key(domain), key(stripWildcard(domain))];
  for (const [k, v] of Object.entries(map)) {
    const kk = key(k);
    if (kk === wanted[0] || kk === wanted[1] || key(stripWildcard(k)) === wanted[1]) return v;
  }
  return undefined;
}

/** An email applies to a domain when its domain part is that domain or a parent of it. */
function emailFits(email: string, domain: string): boolean {
  const at = email.lastIndexOf("@");
  if (at < 0) return false;
  const host = key(email.slice(at + 1));
  const d = key(stripWildcard(domain));
  return d === host || d.endsWith(`.${host}`);
}

function dnsType(f: Partial<DcvFields>): "CNAME" | "TXT" {
  const t = f.DCVdnsType?.trim().toUpperCase();
  if (t === "CNAME" || t === "TXT") return t;
  return /^_dnsauth/i.test(f.DCVdnsHost?.trim() ?? "") ? "TXT" : "CNAME";
}

export function emptyDcvRecords(): DcvRecords {
  return { dns: [], files: [], emails: [] };
}

/**
 * One record per domain. Domains come from `requested`, then `dcvList`, then `dcvInfo` keys.
 * Per-domain values (`dcvInfo[domain]`) win; otherwise the single top-level fields apply to
 * every domain whose method they match. Domains whose values are unknown get no record.
 */
export function normalizeDcv(source: DcvSource, requested: readonly RequestedDomain[] = []): DcvRecords {
  const out = emptyDcvRecords();
  const domains = new Map<string, { domain: string; method?: string | null; email?: string | null }>();
  const add = (domain: string, method?: string | null, email?: string | null) => {
    if (!present(domain)) return;
    const k = key(domain);
    const prev = domains.get(k);
    // The reply's own view (dcvList, e.g. after updateDCV) beats what was requested.
    domains.set(k, {
      domain: prev?.domain ?? domain.trim(),
      method: present(method) ? method : prev?.method,
      email: present(email) ? email : prev?.email,
    });
  };
  for (const r of requested) add(r.domainName, r.dcvMethod, r.dcvEmail);
  for (const e of source.dcvList ?? []) add(e.domainName, e.dcvMethod, e.dcvEmail);
  // dcvInfo may key a wildcard domain by its base name; that is the same domain, not a new one.
  const known = () => [...domains.keys()].map((k) => key(stripWildcard(k)));
  for (const d of Object.keys(source.dcvInfo ?? {})) {
    if (!domains.has(key(d)) && !known().includes(key(stripWildcard(d)))) add(d);
  }

  for (const { domain, method: listedMethod, email: listedEmail } of domains.values()) {
    const info = lookup(source.dcvInfo, domain);
    const method: Method =
      normalizeDcvMethod(listedMethod) ??
      normalizeDcvMethod(info?.dcvMethod) ??
      inferMethod(info) ??
      (domains.size === 1 ? normalizeDcvMethod(source.dcvMethod) ?? inferMethod(source) : undefined);
    if (!method) continue;

    if (method === "EMAIL") {
      const own = [listedEmail, info?.dcvEmail].find(present);
      // A top-level email is only spread over domains it can validate (its domain or a parent).
      const shared = present(source.dcvEmail) && (domains.size === 1 || emailFits(source.dcvEmail, domain)) ? source.dcvEmail : undefined;
      const email = own ?? shared;
      if (email) out.emails.push({ domain, email: email.trim() } satisfies EmailDcvRecord);
      continue;
    }

    const fields = method === "CNAME_CSR_HASH" ? (hasDns(info) ? info! : source) : hasFile(info) ? info! : source;
    if (method === "CNAME_CSR_HASH") {
      if (!hasDns(fields)) continue;
      out.dns.push({
        domain,
        method,
        name: dnsRecordName(fields.DCVdnsHost!, domain),
        type: dnsType(fields),
        value: fields.DCVdnsValue!.trim(),
      } satisfies DnsDcvRecord);
    } else {
      if (!hasFile(fields)) continue;
      const path = dcvFilePath(fields.DCVfileName, fields.DCVfilePath);
      if (!path) continue;
      const scheme = method === "HTTPS_CSR_HASH" ? "https" : "http";
      out.files.push({
        domain,
        method,
        url: `${scheme}://${stripWildcard(domain)}${path}`,
        path,
        content: fields.DCVfileContent!,
      } satisfies FileDcvRecord);
    }
  }
  return out;
}

import type { DcvStyle } from "../catalogue";
import type { DomainRecord, OrderRecord } from "../store/types";
import { caaForbids } from "./caa";
import { challengeFor } from "./challenges";
import { DnsChecker } from "./dns-check";
import { authorizationDomainNames, baseDomain, isWildcard } from "./domains";
import { fetchValidationFile, HttpTarget } from "./http-check";

export interface ValidationAuthorityOptions extends HttpTarget {
  /** "host:port" of the DNS server to query; the system resolvers when absent. */
  dns?: string;
  /** Where each nameserver really listens (name or address → "host:port"), for a lab on loopback. */
  dnsNameservers?: Record<string, string>;
}

export interface CheckResult {
  ok: boolean;
  detail: string;
}

/** Checks one domain's DCV the way the CA would: real DNS queries and real HTTP(S) fetches. */
export class ValidationAuthority {
  private readonly dns: DnsChecker;

  constructor(private readonly opts: ValidationAuthorityOptions = {}) {
    this.dns = new DnsChecker(opts.dns, 2000, opts.dnsNameservers);
  }

  /** DCV, then (like a real CA, right before issuing) CAA: a domain passes only when both allow it. */
  async check(style: DcvStyle, order: Pick<OrderRecord, "csrPem" | "uniqueValue">, domain: DomainRecord): Promise<CheckResult> {
    const dcv = await this.checkDcv(style, order, domain);
    // Without a configured DNS server (unit tests of HTTP/email DCV) CAA is not looked up.
    if (!dcv.ok || !this.opts.dns) return dcv;
    const forbidden = await caaForbids(this.dns.resolver, style, domain.domainName);
    return forbidden ? { ok: false, detail: forbidden } : dcv;
  }

  private async checkDcv(style: DcvStyle, order: Pick<OrderRecord, "csrPem" | "uniqueValue">, domain: DomainRecord): Promise<CheckResult> {
    const challenge = challengeFor(style, order, domain);
    switch (domain.dcvMethod) {
      case "EMAIL":
        return { ok: false, detail: `waiting for ${domain.dcvEmail ?? "the approver"} to approve (POST /__admin/orders/<certId>/approve-dcv)` };
      case "CNAME_CSR_HASH": {
        const details: string[] = [];
        for (const adn of authorizationDomainNames(domain.domainName)) {
          const name = `${challenge.dns.host}.${adn}`;
          const r =
            challenge.dns.type === "CNAME" ? await this.dns.cnameIs(name, challenge.dns.value) : await this.dns.txtContains(name, challenge.dns.value);
          if (r.found) return { ok: true, detail: r.detail };
          details.push(r.detail);
        }
        return { ok: false, detail: details.join("; ") };
      }
      case "HTTP_CSR_HASH":
      case "HTTPS_CSR_HASH": {
        if (isWildcard(domain.domainName)) return { ok: false, detail: "file-based DCV cannot validate a wildcard" };
        const scheme = domain.dcvMethod === "HTTPS_CSR_HASH" ? "https" : "http";
        const host = baseDomain(domain.domainName);
        try {
          const body = await fetchValidationFile(scheme, host, challenge.file.path, this.opts);
          return contentMatches(body, challenge.file.content)
            ? { ok: true, detail: `${scheme}://${host}${challenge.file.path} matches` }
            : { ok: false, detail: `${scheme}://${host}${challenge.file.path} has unexpected content` };
        } catch (err) {
          return { ok: false, detail: (err as Error).message };
        }
      }
    }
  }
}

/** Line by line, ignoring surrounding whitespace, CRLF and hex case. */
function contentMatches(body: string, expected: string): boolean {
  const lines = (s: string) => s.trim().split(/\r?\n/).map((l) => l.trim().toLowerCase());
  const got = lines(body);
  const want = lines(expected);
  return got.length === want.length && got.every((l, i) => l === want[i]);
}

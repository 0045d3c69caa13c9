// The DCV pre-flight: while a wait polls the CA, look at each pending domain's DCV the way the CA
// will (DNS records at the zone's authoritative servers, the HTTP file at its URL) and say, per
// domain, what is missing or wrong. Email DCV cannot be checked: it waits for a person.
import type { CollectResult } from "../sdk/nicsrs";
import { checkHttpFile, checkRecord, describeCheck, DnsResolver, type RecordState } from "../sdk/dns";
import { dcvOutputs } from "./certificate-outputs";
import type { DnsSettings } from "./dns-config";

export type Readiness = RecordState | "email" | "verified";

export interface DomainReport {
  domain: string;
  readiness: Readiness;
  /** "www.example.com: CNAME _ab….www.example.com has the wrong value: expected …, seen …" */
  line: string;
}

export interface PreflightReport {
  domains: DomainReport[];
  /** Every pending domain's DCV is in place at every authoritative server (or the CA verified it). */
  ready: boolean;
  /** Some record is missing, wrong or not yet on every authoritative server. */
  anyMissing: boolean;
}

const base = (d: string) => d.toLowerCase().replace(/^\*\./, "");

export class DcvPreflight {
  private readonly resolver: DnsResolver;
  private readonly extras: DnsResolver[];

  constructor(settings: DnsSettings) {
    const opts = { nameserverAddresses: settings.nameserverAddresses, timeoutMs: 2000 };
    this.resolver = new DnsResolver({ ...opts, resolvers: settings.resolvers });
    this.extras = settings.extraResolvers.map((r) => new DnsResolver({ ...opts, resolvers: [r] }));
  }

  async run(c: CollectResult): Promise<PreflightReport> {
    const out = dcvOutputs(c.dcv);
    const names = c.domains.length > 0 ? c.domains : [...out.dcvRecords, ...out.dcvFiles, ...out.dcvEmails].map((r) => ({ domain: r.domain, verified: false }));
    const domains = await Promise.all(
      names.map(async (d): Promise<DomainReport> => {
        if (d.verified) return { domain: d.domain, readiness: "verified", line: `${d.domain}: validated by the CA` };
        const rec = out.dcvRecords.find((r) => base(r.domain) === base(d.domain));
        if (rec) {
          const check = await checkRecord(this.resolver, { name: rec.name, type: rec.type, value: rec.value }, this.extras);
          return { domain: d.domain, readiness: check.state, line: `${d.domain}: ${describeCheck(check)}` };
        }
        const file = out.dcvFiles.find((f) => base(f.domain) === base(d.domain));
        if (file) {
          const r = await checkHttpFile(this.resolver, file.url, file.content);
          return { domain: d.domain, readiness: r.ok ? "visible" : "missing", line: `${d.domain}: ${file.url} ${r.ok ? "serves the expected content" : r.detail}` };
        }
        const mail = out.dcvEmails.find((e) => base(e.domain) === base(d.domain));
        if (mail) return { domain: d.domain, readiness: "email", line: `${d.domain}: a person must click the approval link the CA sent to ${mail.email}` };
        return { domain: d.domain, readiness: "unknown", line: `${d.domain}: no DCV details from the CA yet` };
      }),
    );
    return {
      domains,
      ready: domains.every((d) => d.readiness === "visible" || d.readiness === "verified"),
      anyMissing: domains.some((d) => d.readiness === "missing" || d.readiness === "wrong" || d.readiness === "partial"),
    };
  }
}

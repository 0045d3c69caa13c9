// The quickstart's DNS leg: one DCV record per domain, created from `Certificate.dcvRecords`.
// This is the seam to swap for your DNS provider (see ../cloudflare and ../route53 for the same
// wiring with cloudflare.DnsRecord and aws.route53.Record).
//
// With `quickstart:dnsApiUrl` / `quickstart:dnsApiKey` set, the records go to a PowerDNS server
// through its HTTP API (what `make demo` runs on loopback, with the simulator validating against it).
// Without them no record is created: create them by hand from the printed values, or run the
// simulator with automatic validation (`nicsrs-simulator --auto-validate-seconds 5`).
import * as pulumi from "@pulumi/pulumi";
import type { Certificate } from "pulumi-nicsrs";
import { PowerDnsRecord } from "../powerdns/record";

export interface PublishedRecords {
  /** The DNS resources; CertificateValidation depends on them. */
  resources: pulumi.Resource[];
  /** Their FQDNs, for CertificateValidation.validationRecordFqdns. */
  fqdns: pulumi.Output<string>[];
}

/** The DCV record for one domain (a wildcard's record is for its base name). */
function recordFor(cert: Certificate, domain: string, index: number) {
  return cert.dcvRecords.apply((records) => {
    const base = domain.replace(/^\*\./, "").toLowerCase();
    const r = records.find((x) => x.domain.replace(/^\*\./, "").toLowerCase() === base) ?? records[index];
    if (!r) throw new Error(`no DNS DCV record for ${domain} (is dcvMethod CNAME_CSR_HASH?)`);
    return r;
  });
}

export function publishDcvRecords(cert: Certificate, domains: string[], config: pulumi.Config): PublishedRecords {
  const apiUrl = config.get("dnsApiUrl");
  if (!apiUrl) return { resources: [], fqdns: [] };
  const apiKey = config.requireSecret("dnsApiKey");
  const zone = config.get("zone") ?? "example.test";
  const resources = domains.map((domain, i) => {
    const record = recordFor(cert, domain, i);
    return new PowerDnsRecord(`quickstart-dcv-${i}`, {
      apiUrl,
      apiKey,
      zone,
      name: record.name,
      type: record.type,
      value: record.value,
    });
  });
  return { resources, fqdns: resources.map((r) => r.name) };
}

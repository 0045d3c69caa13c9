// The CA's CAA check (RFC 8659), made when a domain's DCV passes, before anything is issued.
import { caaDecision, relevantCaa, type DnsResolver } from "../../sdk/dns";
import { caaIssuersFor } from "../../sdk/dns/caa-issuers";
import type { DcvStyle } from "../catalogue";
import { isWildcard } from "./domains";

export async function caaForbids(resolver: DnsResolver, style: DcvStyle, domain: string): Promise<string | undefined> {
  const issuers = caaIssuersFor(style === "digicert-random-token" ? "DigiCert" : "Sectigo");
  try {
    const d = caaDecision(await relevantCaa(resolver, domain), issuers, isWildcard(domain));
    return d.allowed ? undefined : `CAA forbids issuance: ${d.reason}`;
  } catch (err) {
    // RFC 8659 §3: a CA must not issue when the CAA lookup fails.
    return `CAA lookup failed: ${(err as Error).message}`;
  }
}

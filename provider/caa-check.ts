// CAA before paying: right before a place / reissue / renew is sent, look up each domain's CAA
// (RFC 8659) and refuse when no record allows the product's CA, so no order is paid for that the
// CA must refuse. Our own lookup failing does not block (the CA's view may differ): it is reported.
import { caaDecision, DnsResolver, relevantCaa } from "../sdk/dns";
import { caaIssuersFor, type CaaBrand } from "../sdk/dns/caa-issuers";
import { dnsSettings, type DnsSettings } from "./dns-config";
import { progress } from "./poll";
import { productFacts } from "./products";

export function caaBrandOf(productCode: string): CaaBrand | undefined {
  const vendor = productFacts(productCode).vendor;
  if (vendor) return vendor;
  const c = productCode.toLowerCase();
  if (/sectigo|comodo|positivessl|essentialssl|instantssl|premiumssl/.test(c)) return "Sectigo";
  if (/digicert|rapidssl|geotrust|thawte|symantec|securesite|truebusiness|quickssl/.test(c)) return "DigiCert";
  return undefined;
}

export class CaaForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CaaForbiddenError";
  }
}

export async function assertCaaAllows(productCode: string, domains: readonly string[], settings: DnsSettings = dnsSettings()): Promise<void> {
  if (!settings.enabled) return;
  const brand = caaBrandOf(productCode);
  if (!brand) {
    progress(`CAA not checked: the CA behind product ${productCode} is not known to this provider`);
    return;
  }
  const issuers = caaIssuersFor(brand);
  const resolver = new DnsResolver({ resolvers: settings.resolvers, nameserverAddresses: settings.nameserverAddresses });
  const forbidden: string[] = [];
  await Promise.all(
    domains.map(async (domain) => {
      try {
        const d = caaDecision(await relevantCaa(resolver, domain), issuers, domain.startsWith("*."));
        if (!d.allowed) forbidden.push(`${domain}: ${d.reason}`);
      } catch (err) {
        progress(`CAA of ${domain} could not be looked up (${(err as Error).message}); the CA will check it`);
      }
    }),
  );
  if (forbidden.length > 0) {
    throw new CaaForbiddenError(
      `CAA records forbid ${brand}, the CA of product ${productCode}, to issue for ${forbidden.join("; ")}. ` +
        `No order was placed. Add a CAA record allowing it (e.g. \`CAA 0 issue "${issuers[0]}"\`) or remove the restriction, then run again ` +
        `(set nicsrs:dnsCheck to false to skip this check).`,
    );
  }
}

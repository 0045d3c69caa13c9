import type { DcvFields } from "../../sdk/nicsrs/wire";
import { findProduct } from "../catalogue";
import type { DomainRecord, OrderRecord } from "../store/types";
import { challengeFor } from "../va/challenges";

/**
 * The DCV fields for one domain: all six (file and DNS) whatever the chosen method, as real answers
 * carry them (clients switch methods without asking again), plus `dcvMethod` / `dcvEmail`.
 */
export function dcvFieldsFor(order: OrderRecord, domain: DomainRecord): DcvFields {
  const style = findProduct(order.productCode)?.dcvStyle ?? "sectigo-csr-hash";
  const { dns, file } = challengeFor(style, order, domain);
  return {
    dcvMethod: domain.dcvMethod,
    dcvEmail: domain.dcvMethod === "EMAIL" ? (domain.dcvEmail ?? "") : "",
    DCVfileName: file.fileName,
    DCVfileContent: file.content,
    DCVfilePath: file.path,
    DCVdnsHost: dns.host,
    DCVdnsValue: dns.value,
    DCVdnsType: dns.type,
  };
}

/** First domain's fields at the top level (as single-domain answers have them) plus `dcvInfo` for multi-domain orders. */
export function dcvSection(order: OrderRecord): DcvFields & { dcvInfo?: Record<string, DcvFields> } {
  const top = dcvFieldsFor(order, order.domains[0]);
  if (order.domains.length === 1) return top;
  return { ...top, dcvInfo: Object.fromEntries(order.domains.map((d) => [d.domainName, dcvFieldsFor(order, d)])) };
}

export function dcvList(order: OrderRecord): { domainName: string; dcvMethod: string; dcvEmail: string; is_verify: string }[] {
  return order.domains.map((d) => ({
    domainName: d.domainName,
    dcvMethod: d.dcvMethod,
    dcvEmail: d.dcvEmail ?? "",
    is_verify: d.verified ? "verified" : "",
  }));
}

// What this package knows about the NicSRS products it has been built and tested against: one
// table, read by the provider's `check` (provider/products.ts), the CAA pre-flight (brand → issuer
// names, sdk/dns/caa-issuers.ts) and the simulator's catalogue (simulator/catalogue.ts, which adds
// prices). The CA's productList stays the authority at create; this is what check and preview
// know without a CA call.
import type { CaaBrand } from "../dns/caa-issuers";
import type { ValidationType } from "./wire-types";

export interface ProductSpec {
  code: string;
  /** The name the CA lists it under. */
  name: string;
  /** The CA brand behind it: picks the CAA issuer names, and Sectigo products take `uniqueValue` and the CSR-hash DCV methods. */
  vendor: CaaBrand;
  /** DV needs domain control only; OV and EV also need `organizationInfo`. */
  validationType: ValidationType;
  /** Domains per order, the common name counted. */
  maxDomains: number;
  wildcard: boolean;
  /** Subscription lengths on sale, in years. */
  years: readonly number[];
}

const SIX_YEARS = [1, 2, 3, 4, 5, 6] as const;

export const PRODUCTS: readonly ProductSpec[] = [
  { code: "positivessl", name: "Sectigo PositiveSSL", vendor: "Sectigo", validationType: "DV", maxDomains: 1, wildcard: false, years: SIX_YEARS },
  { code: "positivessl-multi-domain", name: "Sectigo PositiveSSL Multi-Domain", vendor: "Sectigo", validationType: "DV", maxDomains: 250, wildcard: false, years: SIX_YEARS },
  { code: "positivessl-wildcard", name: "Sectigo PositiveSSL Wildcard", vendor: "Sectigo", validationType: "DV", maxDomains: 1, wildcard: true, years: SIX_YEARS },
  { code: "sectigo-ov", name: "Sectigo OV SSL", vendor: "Sectigo", validationType: "OV", maxDomains: 1, wildcard: false, years: [1, 2, 3, 4, 5] },
  { code: "sectigo-ev", name: "Sectigo EV SSL", vendor: "Sectigo", validationType: "EV", maxDomains: 1, wildcard: false, years: [1, 2] },
  { code: "rapidssl-standard-dv", name: "RapidSSL Standard DV", vendor: "DigiCert", validationType: "DV", maxDomains: 1, wildcard: false, years: [1, 2, 3] },
];

/** The known product with this code (case and surrounding blanks ignored). */
export function findProductSpec(code: string): ProductSpec | undefined {
  const wanted = code.trim().toLowerCase();
  return PRODUCTS.find((p) => p.code === wanted);
}

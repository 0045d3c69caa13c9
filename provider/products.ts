// What `check` knows about products without asking the CA (check and preview make no CA call).
// Known codes get exact limits; any other code is accepted, its validation type guessed from the
// code (`…-ov…` / `…-ev…`), and the CA has the last word at create. The table itself is
// sdk/nicsrs/products.ts, shared with the simulator's catalogue.
import type { CaaBrand } from "../sdk/dns/caa-issuers";
import { findProductSpec } from "../sdk/nicsrs/products";
import type { ValidationType } from "../sdk/nicsrs/wire-types";

export type { ValidationType };

export interface ProductFacts {
  code: string;
  validationType: ValidationType;
  /** Domains per order, the common name counted. */
  maxDomains?: number;
  wildcard?: boolean;
  years?: number[];
  /** Sectigo products take `uniqueValue` and the CSR-hash DCV methods. */
  vendor?: CaaBrand;
  /** false when the code is not in sdk/nicsrs/products.ts (limits unknown). */
  known: boolean;
}

export function productFacts(code: string): ProductFacts {
  const spec = findProductSpec(code);
  if (spec) {
    const { code: known, validationType, maxDomains, wildcard, years, vendor } = spec;
    return { code: known, validationType, maxDomains, wildcard, years: [...years], vendor, known: true };
  }
  const tokens = code.toLowerCase().split(/[^a-z0-9]+/);
  const validationType: ValidationType = tokens.includes("ev") ? "EV" : tokens.includes("ov") ? "OV" : "DV";
  return { code, validationType, known: false };
}

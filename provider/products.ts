// What `check` knows about products without asking the CA (check and preview make no CA call).
// Known codes get exact limits; any other code is accepted, its validation type guessed from the
// code (`…-ov…` / `…-ev…`), and the CA has the last word at create.

export type ValidationType = "DV" | "OV" | "EV";

export interface ProductFacts {
  code: string;
  validationType: ValidationType;
  /** Domains per order, the common name counted. */
  maxDomains?: number;
  wildcard?: boolean;
  years?: number[];
  /** Sectigo products take `uniqueValue` and the CSR-hash DCV methods. */
  vendor?: "Sectigo" | "DigiCert";
  /** false when the code is not in the table below (limits unknown). */
  known: boolean;
}

const KNOWN: Omit<ProductFacts, "known">[] = [
  { code: "positivessl", validationType: "DV", maxDomains: 1, wildcard: false, years: [1, 2, 3, 4, 5, 6], vendor: "Sectigo" },
  { code: "positivessl-multi-domain", validationType: "DV", maxDomains: 250, wildcard: false, years: [1, 2, 3, 4, 5, 6], vendor: "Sectigo" },
  { code: "positivessl-wildcard", validationType: "DV", maxDomains: 1, wildcard: true, years: [1, 2, 3, 4, 5, 6], vendor: "Sectigo" },
  { code: "sectigo-ov", validationType: "OV", maxDomains: 1, wildcard: false, years: [1, 2, 3, 4, 5], vendor: "Sectigo" },
  { code: "sectigo-ev", validationType: "EV", maxDomains: 1, wildcard: false, years: [1, 2], vendor: "Sectigo" },
  { code: "rapidssl-standard-dv", validationType: "DV", maxDomains: 1, wildcard: false, years: [1, 2, 3], vendor: "DigiCert" },
];

export function productFacts(code: string): ProductFacts {
  const known = KNOWN.find((p) => p.code === code.trim().toLowerCase());
  if (known) return { ...known, known: true };
  const tokens = code.toLowerCase().split(/[^a-z0-9]+/);
  const validationType: ValidationType = tokens.includes("ev") ? "EV" : tokens.includes("ov") ? "OV" : "DV";
  return { code, validationType, known: false };
}

import type { Product } from "../sdk/nicsrs/wire";

export type DcvStyle = "sectigo-csr-hash" | "digicert-random-token";

export interface CatalogueProduct extends Product {
  dcvStyle: DcvStyle;
}

/** The products the simulator sells (prices per year, in the account's currency). */
export const CATALOGUE: readonly CatalogueProduct[] = [
  { code: "positivessl", name: "Sectigo PositiveSSL", vendor: "Sectigo", validationType: "DV", maxDomains: 1, wildcard: false, years: [1, 2, 3, 4, 5, 6], price: 7.99, dcvStyle: "sectigo-csr-hash" },
  { code: "positivessl-multi-domain", name: "Sectigo PositiveSSL Multi-Domain", vendor: "Sectigo", validationType: "DV", maxDomains: 250, wildcard: false, years: [1, 2, 3, 4, 5, 6], price: 29.99, dcvStyle: "sectigo-csr-hash" },
  { code: "positivessl-wildcard", name: "Sectigo PositiveSSL Wildcard", vendor: "Sectigo", validationType: "DV", maxDomains: 1, wildcard: true, years: [1, 2, 3, 4, 5, 6], price: 69.99, dcvStyle: "sectigo-csr-hash" },
  { code: "sectigo-ov", name: "Sectigo OV SSL", vendor: "Sectigo", validationType: "OV", maxDomains: 1, wildcard: false, years: [1, 2, 3, 4, 5], price: 49.99, dcvStyle: "sectigo-csr-hash" },
  { code: "sectigo-ev", name: "Sectigo EV SSL", vendor: "Sectigo", validationType: "EV", maxDomains: 1, wildcard: false, years: [1, 2], price: 99.99, dcvStyle: "sectigo-csr-hash" },
  { code: "rapidssl-standard-dv", name: "RapidSSL Standard DV", vendor: "DigiCert", validationType: "DV", maxDomains: 1, wildcard: false, years: [1, 2, 3], price: 12.99, dcvStyle: "digicert-random-token" },
];

export function findProduct(code: string): CatalogueProduct | undefined {
  return CATALOGUE.find((p) => p.code === code);
}

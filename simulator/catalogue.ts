import type { ValidationType } from "../sdk/nicsrs/wire-types";

export type DcvStyle = "sectigo-csr-hash" | "digicert-random-token";

/** A product the simulator sells, in its own terms; `toWireProduct` renders the real productList shape. */
export interface CatalogueProduct {
  code: string;
  name: string;
  vendor: string;
  validationType: ValidationType;
  /** Domains an order may hold, the common name counted. */
  maxDomains: number;
  wildcard: boolean;
  /** Subscription years on sale. */
  years: number[];
  /** Price per year, in the account's currency. */
  price: number;
  /** Price per domain beyond the first (multi-domain products). */
  sanPrice?: number;
  dcvStyle: DcvStyle;
}

/** The products the simulator sells (prices per year, in the account's currency). */
export const CATALOGUE: readonly CatalogueProduct[] = [
  { code: "positivessl", name: "Sectigo PositiveSSL", vendor: "Sectigo", validationType: "DV", maxDomains: 1, wildcard: false, years: [1, 2, 3, 4, 5, 6], price: 7.99, dcvStyle: "sectigo-csr-hash" },
  { code: "positivessl-multi-domain", name: "Sectigo PositiveSSL Multi-Domain", vendor: "Sectigo", validationType: "DV", maxDomains: 250, wildcard: false, years: [1, 2, 3, 4, 5, 6], price: 29.99, sanPrice: 0, dcvStyle: "sectigo-csr-hash" },
  { code: "positivessl-wildcard", name: "Sectigo PositiveSSL Wildcard", vendor: "Sectigo", validationType: "DV", maxDomains: 1, wildcard: true, years: [1, 2, 3, 4, 5, 6], price: 69.99, dcvStyle: "sectigo-csr-hash" },
  { code: "sectigo-ov", name: "Sectigo OV SSL", vendor: "Sectigo", validationType: "OV", maxDomains: 1, wildcard: false, years: [1, 2, 3, 4, 5], price: 49.99, dcvStyle: "sectigo-csr-hash" },
  { code: "sectigo-ev", name: "Sectigo EV SSL", vendor: "Sectigo", validationType: "EV", maxDomains: 1, wildcard: false, years: [1, 2], price: 99.99, dcvStyle: "sectigo-csr-hash" },
  { code: "rapidssl-standard-dv", name: "RapidSSL Standard DV", vendor: "DigiCert", validationType: "DV", maxDomains: 1, wildcard: false, years: [1, 2, 3], price: 12.99, dcvStyle: "digicert-random-token" },
];

export function findProduct(code: string): CatalogueProduct | undefined {
  return CATALOGUE.find((p) => p.code === code);
}

const yn = (b: boolean) => (b ? "Y" : "N");
const money = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

/**
 * A product in the shape public NicSRS clients read (docs/nicsrs-api.md): `productName`,
 * `supportWildcard` / `supportSan` / `supportStandard` / `supportIp` "Y"/"N", `maxDomain`, `maxYear`,
 * `defaultProtectDomain`, `price.basePrice.price012 … price072` (per period in months, as strings)
 * and `sanPrice{basePrice, normalPrice, wildPrice}`. `vendor` and `validationType` are our additions.
 */
export function toWireProduct(p: CatalogueProduct): Record<string, unknown> {
  const basePrice = Object.fromEntries(p.years.map((y) => [`price${String(y * 12).padStart(3, "0")}`, money(p.price * y)]));
  const wire: Record<string, unknown> = {
    code: p.code,
    productName: p.name,
    vendor: p.vendor,
    validationType: p.validationType,
    supportWildcard: yn(p.wildcard),
    supportSan: yn(p.maxDomains > 1),
    supportStandard: "Y",
    supportIp: "N",
    maxDomain: p.maxDomains,
    maxYear: Math.max(...p.years),
    defaultProtectDomain: 1,
    price: { basePrice },
  };
  if (p.sanPrice !== undefined) {
    const san = money(p.sanPrice);
    wire.sanPrice = { basePrice: san, normalPrice: san, wildPrice: money(p.sanPrice + p.price) };
  }
  return wire;
}

import type { CaaBrand } from "../sdk/dns/caa-issuers";
import { PRODUCTS } from "../sdk/nicsrs/products";
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

/** What the simulator charges per year (and per extra domain), in the account's currency. */
const PRICES: Record<string, { price: number; sanPrice?: number }> = {
  positivessl: { price: 7.99 },
  "positivessl-multi-domain": { price: 29.99, sanPrice: 0 },
  "positivessl-wildcard": { price: 69.99 },
  "sectigo-ov": { price: 49.99 },
  "sectigo-ev": { price: 99.99 },
  "rapidssl-standard-dv": { price: 12.99 },
};

const DCV_STYLES: Record<CaaBrand, DcvStyle> = { Sectigo: "sectigo-csr-hash", DigiCert: "digicert-random-token" };

/** The products the simulator sells: the package's product facts (sdk/nicsrs/products.ts) with prices. */
export const CATALOGUE: readonly CatalogueProduct[] = PRODUCTS.map((p) => {
  const price = PRICES[p.code];
  if (!price) throw new Error(`simulator catalogue: no price for product ${p.code}`);
  return { ...p, years: [...p.years], ...price, dcvStyle: DCV_STYLES[p.vendor] };
});

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

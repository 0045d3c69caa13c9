// Wire data (already read tolerantly with wire.ts) → the camelCase results callers get.
import type { z } from "zod";
import { CERT_STATUSES, type ProductWireSchema, type CertStatus, type CollectDataSchema, type PlaceDataSchema } from "./wire";
import { readNumber } from "./tolerant";
import type { Product, ProductPrice, ValidationType } from "./wire-types";

type PlaceData = z.output<typeof PlaceDataSchema>;
type CollectData = z.output<typeof CollectDataSchema>;
import { wireDateToIso } from "./dates";
import { normalizeDcv, normalizeDcvMethod, type RequestedDomain } from "./dcv";
import type { CertRef, CollectResult, DomainState, OrderResult, StepStatus } from "./types";

const STATUS_ALIASES: Record<string, CertStatus> = {
  CANCELED: "CANCELLED",
  CANCEL: "CANCELLED",
  ISSUED: "COMPLETE",
  COMPLETED: "COMPLETE",
  ACTIVE: "COMPLETE",
  REVOKE: "REVOKED",
  EXPIRE: "EXPIRED",
  FAIL: "FAILED",
  REJECTED: "FAILED",
};

/**
 * Maps a wire status to CertStatus, case-insensitively and with common aliases. An unknown
 * value becomes PROCESSING: the order exists and is not known to be final, so callers keep
 * polling rather than failing; `rawStatus` keeps the original.
 */
export function normalizeCertStatus(raw: string | null | undefined, fallback: CertStatus): { status: CertStatus; rawStatus?: string } {
  const text = raw?.trim();
  if (!text) return { status: fallback };
  const upper = text.toUpperCase();
  const status = (CERT_STATUSES as readonly string[]).includes(upper) ? (upper as CertStatus) : STATUS_ALIASES[upper] ?? "PROCESSING";
  return status === text ? { status } : { status, rawStatus: text };
}

/**
 * Step status: strings `Notdone` / `Done` / `Ongoing` (any case, spaces or underscores allowed);
 * numbers follow the order the vendor page lists them (0 not done, 1 done, 2 ongoing) — an
 * assumption, the page does not say. Anything else is left out.
 */
export function normalizeStepStatus(step: { status?: string | number | null } | null | undefined): StepStatus | undefined {
  const s = step?.status;
  if (s === null || s === undefined) return undefined;
  if (typeof s === "number") return ([ "notdone", "done", "ongoing" ] as const)[s];
  const t = s.trim().toLowerCase().replace(/[\s_-]+/g, "");
  if (t === "0") return "notdone";
  if (t === "1") return "done";
  if (t === "2") return "ongoing";
  if (t === "done" || t === "complete" || t === "completed" || t === "finished" || t === "success") return "done";
  if (t === "ongoing" || t === "processing" || t === "pending" || t === "inprogress") return "ongoing";
  if (t === "notdone" || t === "todo" || t === "none") return "notdone";
  return undefined;
}

function str(v: string | null | undefined): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

export function isVerified(value: string | null | undefined): boolean {
  return /^(verified|true|1|yes|done|success)$/i.test(value?.trim() ?? "");
}

/** @internal */
export function toOrderResult(data: PlaceData, refId: string, requested: readonly RequestedDomain[]): OrderResult {
  const result: OrderResult = { certId: data.certId, refId, dcv: normalizeDcv(data, requested), recovered: false };
  const vendorId = str(data.vendorId);
  const vendorCertId = str(data.vendorCertId);
  const appliedAt = wireDateToIso(data.applyTime);
  if (vendorId) result.vendorId = vendorId;
  if (vendorCertId) result.vendorCertId = vendorCertId;
  if (appliedAt) result.appliedAt = appliedAt;
  return result;
}

/** @internal */
export function toCollectResult(
  certId: string,
  data: CollectData,
  wireStatus: string | null | undefined,
  stillIssuing: boolean,
): CollectResult {
  const certificatePem = str(data.certificate);
  const fallback: CertStatus = stillIssuing ? "PROCESSING" : certificatePem ? "COMPLETE" : "PENDING";
  const { status, rawStatus } = normalizeCertStatus(wireStatus, fallback);
  const domains: DomainState[] = (data.dcvList ?? []).map((e) => {
    const d: DomainState = { domain: e.domainName.trim(), verified: isVerified(e.is_verify) };
    const method = normalizeDcvMethod(e.dcvMethod);
    const email = str(e.dcvEmail);
    if (method) d.method = method;
    if (email) d.email = email.trim();
    return d;
  });
  const steps: CollectResult["steps"] = {};
  for (const name of ["application", "dcv", "ov", "issued"] as const) {
    const s = normalizeStepStatus(data[name]);
    if (s) steps[name] = s;
  }
  const optional: Partial<CollectResult> = {
    rawStatus,
    certificatePem,
    caCertificatePem: str(data.caCertificate),
    beginDate: wireDateToIso(data.beginDate),
    endDate: wireDateToIso(data.endDate),
    dueDate: wireDateToIso(data.dueDate),
    privateKeyPem: str(data.privateKey) ?? str(data.rsaPrivateKey),
    pkcs12: str(data.pkcs12),
    pkcs12Password: str(data.pkcsPass),
    jks: str(data.jks),
    jksPassword: str(data.jksPass),
    vendorId: str(data.vendorId),
    vendorCertId: str(data.vendorCertId),
    productType: str(data.productType),
    appliedCsrPem: str(data.applyParams?.csr),
  };
  const result: CollectResult = {
    certId: str(data.certId) ?? certId,
    status,
    stillIssuing,
    dcv: normalizeDcv(data),
    domains,
    steps,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (result as unknown as Record<string, unknown>)[k] = v;
  return result;
}

export function toCertRef(data: { certId: string; status?: string | null; certStatus?: string | null }): CertRef {
  const ref: CertRef = { certId: data.certId };
  const status = str(data.status) ?? str(data.certStatus);
  if (status) ref.status = normalizeCertStatus(status, "PENDING").status;
  return ref;
}

const PERIOD_KEY = /^price0*(\d+)$/i;

/** `{price012: "9.99", price024: 18}` → prices by period, shortest first; also a plain number (one year). */
function readPrices(raw: unknown): ProductPrice[] {
  if (raw === null || typeof raw !== "object") {
    const n = readNumber(raw);
    return n === undefined ? [] : [{ months: 12, price: n }];
  }
  const obj = raw as Record<string, unknown>;
  const base = obj.basePrice !== null && typeof obj.basePrice === "object" ? (obj.basePrice as Record<string, unknown>) : obj;
  const out: ProductPrice[] = [];
  for (const [k, v] of Object.entries(base)) {
    const m = PERIOD_KEY.exec(k);
    const price = readNumber(v);
    if (m && price !== undefined && Number(m[1]) > 0) out.push({ months: Number(m[1]), price });
  }
  return out.sort((a, b) => a.months - b.months);
}

/** A `sanPrice` value: a number, or per period (the shortest period's price). */
function readSanPrice(raw: unknown): number | undefined {
  return readNumber(raw) ?? readPrices(raw)[0]?.price;
}

function readValidationType(...raws: (string | undefined)[]): ValidationType | undefined {
  for (const raw of raws) {
    const t = raw?.trim().toUpperCase();
    if (!t) continue;
    if (t === "DV" || t.startsWith("DOMAIN")) return "DV";
    if (t === "OV" || t.startsWith("ORGANI")) return "OV";
    if (t === "EV" || t.startsWith("EXTENDED")) return "EV";
  }
  return undefined;
}

/**
 * @internal A `productList` entry (real shape: productName, supportWildcard "Y"/"N", maxDomain,
 * maxYear, price.basePrice.priceNNN, sanPrice{basePrice, normalPrice, wildPrice}) → Product.
 * Only `code` is essential; missing facts take the most conservative value (1 domain, 1 year, no wildcard).
 */
export function toProduct(data: z.output<typeof ProductWireSchema>): Product {
  const prices = readPrices(data.price);
  const maxYear = data.maxYear ?? (prices.length > 0 ? Math.ceil(prices[prices.length - 1].months / 12) : 1);
  const years = Array.from({ length: Math.max(1, Math.min(6, Math.floor(maxYear))) }, (_, i) => i + 1);
  const product: Product = {
    code: data.code,
    name: data.productName ?? data.name ?? data.code,
    maxDomains: Math.max(1, Math.floor(data.maxDomain ?? 1)),
    years,
    wildcard: data.supportWildcard ?? false,
    san: data.supportSan ?? (data.maxDomain ?? 1) > 1,
    ip: data.supportIp ?? false,
    standard: data.supportStandard ?? true,
    prices,
  };
  const vendor = data.vendor ?? data.brand;
  const validationType = readValidationType(data.validationType, data.productType);
  if (vendor) product.vendor = vendor;
  if (validationType) product.validationType = validationType;
  if (data.defaultProtectDomain !== undefined) product.includedDomains = data.defaultProtectDomain;
  const san = data.sanPrice ?? (data.price && typeof data.price === "object" ? (data.price as Record<string, unknown>).sanPrice : undefined);
  if (san !== null && typeof san === "object") {
    const s = san as Record<string, unknown>;
    const sanPrices = { base: readSanPrice(s.basePrice), normal: readSanPrice(s.normalPrice), wildcard: readSanPrice(s.wildPrice) };
    const given = Object.fromEntries(Object.entries(sanPrices).filter(([, v]) => v !== undefined));
    if (Object.keys(given).length > 0) product.sanPrices = given;
  }
  return product;
}

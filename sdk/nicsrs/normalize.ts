// Wire data (already shape-checked with wire.ts) → the camelCase results callers get.
import { CERT_STATUSES, type CertStatus, type CollectData, type PlaceData } from "./wire";
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

export function toCertRef(data: { certId: string; status?: string | null }): CertRef {
  const ref: CertRef = { certId: data.certId };
  if (str(data.status)) ref.status = normalizeCertStatus(data.status, "PENDING").status;
  return ref;
}

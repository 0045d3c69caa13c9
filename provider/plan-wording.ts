// What a Certificate change does at the CA, in words, and whether it costs money: shown in
// `pulumi preview` (a log line from check / diff: dynamic providers cannot attach a diff message)
// and kept after `up` in the `lastAction` output. Pure.
import type { CertificateDiffResult } from "./certificate-diff";
import { toSpec, type CertificateSpec, type DeletePolicy } from "./certificate-inputs";
import { isUnknown } from "./unknowns";

const yearsText = (n: number) => `${n} year${n === 1 ? "" : "s"}`;

type Priced = Pick<CertificateSpec, "productCode" | "years">;
const product = (spec: Priced) => (isUnknown(spec.productCode) ? "product known at up" : spec.productCode);
const years = (spec: Priced) => (isUnknown(spec.years) ? "years known at up" : yearsText(spec.years));

export function newOrderText(spec: Priced): string {
  return `new order (paid: ${product(spec)}, ${years(spec)})`;
}

export function renewalText(spec: Priced): string {
  return `renewal (paid: ${product(spec)}, ${years(spec)})`;
}

export const REISSUE_TEXT = "free reissue inside the subscription";
export const COLLECT_ONLY_TEXT = "collect only (no order, no charge)";
export const DCV_SWITCH_TEXT = "DCV method switch (free)";

/** What deleting the current order will do under `policy`, before knowing its status at the CA. */
export function deletePolicyText(policy: DeletePolicy): string {
  switch (policy) {
    case "retain":
      return "kept at the CA as it is (deletePolicy retain)";
    case "cancelPending":
      return "cancelled and refunded if still pending, kept at the CA if issued (deletePolicy cancelPending)";
    case "cancel":
      return "cancelled (refunded by the CA within about 30 days of issue) (deletePolicy cancel)";
    case "revoke":
      return "revoked if issued, no refund; cancelled if still pending (deletePolicy revoke)";
  }
}

/** A create: a new (paid) order, or taking over an existing order by certId (no charge). */
export function describeCreate(news: Record<string, unknown>): string {
  const spec = toSpec(news);
  if (isUnknown(news.certId)) return "adopt an existing order (certId known at up; no charge)";
  if (spec.certId) return `adopt existing order ${spec.certId} (no new order, no charge)`;
  return newOrderText({ productCode: isUnknown(news.productCode) ? (news.productCode as string) : spec.productCode, years: isUnknown(news.years) ? (news.years as number) : spec.years });
}

const DCV_INPUTS = new Set(["dcvMethod", "dcvEmail", "domainDcv"]);

/** An update or replacement, from the diff. `certId` names the current order. */
export function describeChange(d: CertificateDiffResult, olds: Record<string, unknown>, newSpec: CertificateSpec, oldSpec: CertificateSpec): string {
  const current = typeof olds.certId === "string" ? olds.certId : "the current order";
  if (d.replaces.length > 0) {
    const why = d.replaces.includes("status") ? `${current} is ${String(olds.status)}` : `${d.replaces.join(", ")} changed`;
    const next = newSpec.certId ? `adopt existing order ${newSpec.certId} (no charge)` : newOrderText(newSpec);
    return `${next}, because ${why}; then ${current}: ${deletePolicyText(oldSpec.deletePolicy)}`;
  }
  if (d.renewal?.action === "renew") return `${renewalText(newSpec)}: ${d.renewal.reason}`;
  if (d.renewal?.action === "reissue") return `${REISSUE_TEXT}: ${d.renewal.reason}`;
  const inputs = d.changed.filter((c) => c !== "renewal" && c !== "status" && c !== "keyMismatch");
  if (d.changed.includes("keyMismatch")) {
    return `${REISSUE_TEXT}: the issued certificate does not match the private key${inputs.length > 0 ? `; ${inputs.join(", ")} recorded in state` : ""}`;
  }
  if (inputs.some((c) => DCV_INPUTS.has(c))) {
    return `${DCV_SWITCH_TEXT} while the order is pending (otherwise it applies to the next reissue); collect`;
  }
  if (inputs.length > 0) return `${COLLECT_ONLY_TEXT}; ${inputs.join(", ")} recorded in state`;
  return COLLECT_ONLY_TEXT;
}

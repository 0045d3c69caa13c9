// NicSRS resells Sectigo: a NicSRS order's vendorId is the Sectigo order number and its vendorCertId the
// certificate ID. The Sectigo front end therefore also answers for the NicSRS orders of this simulator
// (read-only), so the `vendorId` cross-collect works end to end.
import type { SimulatorContext } from "../context";
import { effectiveStatus } from "../nicsrs/lifecycle";
import type { OrderRecord } from "../store/types";
import type { SectigoOrder, SectigoOrderState } from "./types";

function stateOf(ctx: SimulatorContext, o: OrderRecord): SectigoOrderState {
  switch (effectiveStatus(o, ctx.clock.now())) {
    case "COMPLETE":
    case "EXPIRED":
      return "issued";
    case "REVOKED":
      return "revoked";
    case "CANCELLED":
    case "FAILED":
      return "rejected";
    default:
      return "awaiting_validation";
  }
}

export function mirroredNicsrsOrder(ctx: SimulatorContext, by: { orderNumber?: string; certificateId?: string }, loginName: string): SectigoOrder | undefined {
  const o = ctx.store.orders().find((r) => (by.orderNumber !== undefined && r.vendorId === by.orderNumber) || (by.certificateId !== undefined && r.vendorCertId === by.certificateId));
  if (!o) return undefined;
  const state = stateOf(ctx, o);
  return {
    kind: "ssl",
    orderNumber: o.vendorId,
    certificateId: o.vendorCertId,
    loginName,
    state,
    domains: o.domains.map((d) => d.domainName),
    domainStatus: Object.fromEntries(o.domains.map((d) => [d.domainName, d.verified ? "VALIDATED" : "NOTVALIDATED"])),
    emailVerified: true,
    issueOnRequest: false,
    issueAfterCollects: 0,
    collectsSinceCsr: 0,
    validationStatus: state === "issued" ? "Complete" : "Awaiting Validation",
    csrPem: o.csrPem,
    certificatePem: o.certificatePem,
    chainPems: o.caCertificatePem ? [o.caCertificatePem] : [],
    notBefore: o.beginDate,
    notAfter: o.endDate,
    createdAt: o.createdAt,
    issuedAt: o.issuedAt,
  };
}

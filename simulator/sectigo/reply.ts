// An order's state → the reply the endpoints give (status code, certificates, status fields).
import { createPublicKey } from "node:crypto";
import { documentedMessage } from "../../sdk/sectigo/codes";
import { pemToDer, splitPemBlocks } from "../../sdk/x509";
import type { SimulatorContext } from "../context";
import type { SectigoReply } from "./render";
import { SectigoFail, type SectigoEndpointName } from "./request";
import type { SectigoOrder } from "./types";

export function documentedFail(endpoint: SectigoEndpointName, code: number): SectigoFail {
  return new SectigoFail(code, documentedMessage(endpoint, code) ?? "An unknown error occurred!");
}

const CERTIFICATE_STATUS: Record<SectigoOrder["state"], string> = {
  awaiting_validation: "Awaiting Validation",
  issued: "Issued",
  rejected: "Rejected",
  revoked: "Revoked",
  awaiting_payment: "Awaiting Payment",
};

/** Throws the documented failure for rejected / revoked / unpaid orders. */
export function assertCollectable(endpoint: SectigoEndpointName, order: SectigoOrder): void {
  if (order.state === "rejected") throw documentedFail(endpoint, -20);
  if (order.state === "revoked") throw documentedFail(endpoint, -21);
  if (order.state === "awaiting_payment") throw documentedFail(endpoint, -22);
}

export function replyFor(ctx: SimulatorContext, order: SectigoOrder, queryType: number): SectigoReply {
  const issued = order.state === "issued" && order.certificatePem !== undefined;
  const reply: SectigoReply = {
    status: issued ? (queryType === 0 ? 1 : 2) : 0,
    caDers: [],
    fqdn: order.kind === "ssl" ? order.domains[0] : undefined,
    certificateStatus: CERTIFICATE_STATUS[order.state],
    validationStatus: order.validationStatus ?? (issued ? "Complete" : "Awaiting Validation"),
    mdcDomainDetails: Object.fromEntries(Object.entries(order.domainStatus).map(([d, s]) => [d, s === "AWAITINGBRAND" ? "NOTVALIDATED" : s])),
    mdcDomainDetails2: order.domainStatus,
    statusDetails: order.statusDetails ?? defaultStatusDetails(order, issued),
    caaStatus: order.caaStatus ?? (order.kind === "ssl" ? (issued ? "Authorized" : "Awaiting Completion") : undefined),
  };
  if (issued) {
    reply.leafDer = pemToDer(order.certificatePem!);
    const chain = (order.chainPems ?? []).flatMap((p) => splitPemBlocks(p, "CERTIFICATE"));
    // The docs list the root first, then the intermediate(s), then the end entity.
    reply.caDers = [ctx.ca.rootCertificatePem, ...chain.reverse()].map((p) => pemToDer(p));
    reply.notBefore = order.notBefore ? new Date(order.notBefore) : undefined;
    reply.notAfter = order.notAfter ? new Date(order.notAfter) : undefined;
  }
  return reply;
}

function defaultStatusDetails(order: SectigoOrder, issued: boolean): SectigoReply["statusDetails"] {
  const dcvDone = issued || Object.values(order.domainStatus).every((s) => s === "VALIDATED");
  // csr, dcv, ovCallback, organizationValidation, freeDVUP, evClickThrough, brandVal
  return [order.csrPem || order.generatedKeyPem ? 1 : 0, dcvDone ? 1 : 2, -1, -1, -1, -1, Object.values(order.domainStatus).includes("AWAITINGBRAND") ? 2 : -1];
}

/** Key sizes the simulated CA accepts in an S/MIME CSR (else -13). */
export function supportedKey(spkiDer: Uint8Array): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(spkiDer), format: "der", type: "spki" });
    const d = key.asymmetricKeyDetails ?? {};
    if (key.asymmetricKeyType === "rsa") return (d.modulusLength ?? 0) >= 2048 && (d.modulusLength ?? 0) <= 4096;
    if (key.asymmetricKeyType === "ec") return d.namedCurve === "prime256v1" || d.namedCurve === "secp384r1";
    return false;
  } catch {
    return false;
  }
}

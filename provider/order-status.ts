// What a NicSRS order's status means to the provider, in one place: the diff, the renewal planner,
// create / update / delete and CertificateValidation all ask here which orders are over and which
// are issued. Pure.
import type { CollectResult } from "../sdk/nicsrs";

/** Statuses after which the order can never deliver a certificate again: the next up orders anew. */
export const DEAD_STATUSES = ["CANCELLED", "REVOKED", "FAILED"] as const;

/** The certificate's (and the subscription's) time is up; unlike a dead order it was once issued. */
export const EXPIRED = "EXPIRED";

const DEAD = new Set<string>(DEAD_STATUSES);

/** Cancelled, revoked or failed: never issued again. */
export function isDead(status: string | undefined): boolean {
  return status !== undefined && DEAD.has(status);
}

/** Dead or expired: nothing left to take over, cancel or revoke. */
export function isOver(status: string | undefined): boolean {
  return isDead(status) || status === EXPIRED;
}

/** Issued: COMPLETE with the certificate in hand. */
export function isIssued(c: Pick<CollectResult, "status" | "certificatePem">): boolean {
  return c.status === "COMPLETE" && !!c.certificatePem;
}

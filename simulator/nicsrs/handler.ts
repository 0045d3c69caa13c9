import type { SimulatorContext } from "../context";
import type { OrderKind, OrderRecord } from "../store/types";
import { toWireDate } from "./dates";
import { dcvSection } from "./dcv-fields";
import { effectiveStatus } from "./lifecycle";
import { ApiFailure, invalidField, refused, type WireReply } from "./reply";
import type { Fields } from "./request";

export type Handler = (ctx: SimulatorContext, fields: Fields) => Promise<WireReply>;

export function requireOrder(ctx: SimulatorContext, certId: string, field = "certId"): OrderRecord {
  const order = ctx.store.order(certId);
  if (!order) throw invalidField(field, `no order with certId ${certId}`);
  return order;
}

/**
 * Runs `fn` on the order under its lock. An unknown certId fails before waiting for the lock; the
 * order is looked up again once the lock is held.
 */
export function withOrderLock<T>(ctx: SimulatorContext, certId: string, fn: (order: OrderRecord) => Promise<T>): Promise<T> {
  requireOrder(ctx, certId);
  return ctx.locks.run(`order:${certId}`, async () => fn(requireOrder(ctx, certId)));
}

/** Refused unless the order is issued (COMPLETE or EXPIRED) at `now`. `action`: "revoked", "reissued", … */
export function requireIssued(order: OrderRecord, now: Date, action: string): void {
  const status = effectiveStatus(order, now);
  if (status !== "COMPLETE" && status !== "EXPIRED") throw refused(`only issued certificates can be ${action}; order ${order.certId} is ${status}`);
}

/** An earlier order with this refId: the same answer again for the same kind of call, code -1 for another kind. */
export function orderForRefId(ctx: SimulatorContext, refId: string | undefined, kind: OrderKind): OrderRecord | undefined {
  if (refId === undefined) return undefined;
  const existing = ctx.store.orderByRefId(refId);
  if (existing && existing.kind !== kind) {
    throw new ApiFailure(-1, "refId already used", { refId: [`refId ${refId} already belongs to ${existing.kind} order ${existing.certId}`] });
  }
  return existing;
}

/** Runs `fn` under the refId's lock when there is one, so that two racing calls with one refId make one order. */
export function withRefIdLock<T>(ctx: SimulatorContext, refId: string | undefined, fn: () => Promise<T>): Promise<T> {
  return refId === undefined ? fn() : ctx.locks.run(`refId:${refId}`, fn);
}

/** The answer to place / renew / reissue. */
export function orderCreatedReply(order: OrderRecord): WireReply {
  return {
    code: 1,
    msg: "success",
    data: {
      certId: order.certId,
      vendorId: order.vendorId,
      vendorCertId: order.vendorCertId,
      applyTime: toWireDate(order.createdAt),
      ...dcvSection(order),
    },
  };
}

import { CancelRequestSchema } from "../../../sdk/nicsrs/wire";
import { DAY_MS } from "../../clock";
import { toWireDate } from "../dates";
import { Handler, withOrderLock } from "../handler";
import { effectiveStatus, REFUND_WINDOW_DAYS } from "../lifecycle";
import { refused } from "../reply";
import { parseRequest } from "../request";

/** Pending orders, and certificates issued at most 30 days ago, are cancelled with a refund. */
export const cancel: Handler = async (ctx, fields) => {
  const req = parseRequest(CancelRequestSchema, fields);
  return withOrderLock(ctx, req.certId, async (order) => {
    const now = ctx.clock.now();
    const status = effectiveStatus(order, now);
    if (status === "CANCELLED" || status === "REVOKED") throw refused(`order ${order.certId} is already ${status}`);
    if (order.issuedAt && now.getTime() - new Date(order.issuedAt).getTime() > REFUND_WINDOW_DAYS * DAY_MS) {
      throw refused(
        `refund window closed: the certificate was issued on ${toWireDate(order.issuedAt)} (UTC+8), more than ${REFUND_WINDOW_DAYS} days ago; revoke it instead`,
      );
    }
    const refund = order.amountPaid - (order.refunded ?? 0);
    ctx.store.refund(refund);
    order.refunded = (order.refunded ?? 0) + refund;
    order.status = "CANCELLED";
    order.cancelledAt = now.toISOString();
    if (req.reason) order.cancelReason = req.reason;
    ctx.store.save();
    return { code: 1, msg: "success", data: { certId: order.certId, refund } };
  });
};

import { RevokeRequestSchema } from "../../../sdk/nicsrs/wire";
import { Handler, requireOrder } from "../handler";
import { effectiveStatus } from "../lifecycle";
import { refused } from "../reply";
import { parseRequest } from "../request";

/** Issued (or expired) certificates only; no refund. */
export const revoke: Handler = async (ctx, fields) => {
  const req = parseRequest(RevokeRequestSchema, fields);
  requireOrder(ctx, req.certId);
  return ctx.locks.run(`order:${req.certId}`, async () => {
    const order = requireOrder(ctx, req.certId);
    const now = ctx.clock.now();
    const status = effectiveStatus(order, now);
    if (status !== "COMPLETE" && status !== "EXPIRED") throw refused(`only issued certificates can be revoked; order ${order.certId} is ${status}`);
    order.status = "REVOKED";
    order.revokedAt = now.toISOString();
    if (req.reason) order.revokeReason = req.reason;
    ctx.store.save();
    return { code: 1, msg: "success", data: { certId: order.certId } };
  });
};

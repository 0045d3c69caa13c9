import { RevokeRequestSchema } from "../../../sdk/nicsrs/wire";
import { Handler, requireIssued, withOrderLock } from "../handler";
import { parseRequest } from "../request";

/** Issued (or expired) certificates only; no refund. */
export const revoke: Handler = async (ctx, fields) => {
  const req = parseRequest(RevokeRequestSchema, fields);
  return withOrderLock(ctx, req.certId, async (order) => {
    const now = ctx.clock.now();
    requireIssued(order, now, "revoked");
    order.status = "REVOKED";
    order.revokedAt = now.toISOString();
    if (req.reason) order.revokeReason = req.reason;
    ctx.store.save();
    return { code: 1, msg: "success", data: { certId: order.certId } };
  });
};

import { GetCertByRefIdRequestSchema } from "../../../sdk/nicsrs/wire";
import type { Handler } from "../handler";
import { effectiveStatus } from "../lifecycle";
import { ApiFailure } from "../reply";
import { parseRequest } from "../request";

export const getCertByRefId: Handler = async (ctx, fields) => {
  const { refId } = parseRequest(GetCertByRefIdRequestSchema, fields);
  const order = ctx.store.orderByRefId(refId);
  if (!order) throw new ApiFailure(-1, "refId not found", { refId: ["no order with this refId"] });
  return { code: 1, msg: "success", data: { certId: order.certId, refId, status: effectiveStatus(order, ctx.clock.now()) } };
};

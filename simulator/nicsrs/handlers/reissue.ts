import { ReissueRequestSchema } from "../../../sdk/nicsrs/wire";
import { findProduct } from "../../catalogue";
import { toWireDate } from "../dates";
import { Handler, orderCreatedReply, orderForRefId, requireIssued, requireOrder, withRefIdLock } from "../handler";
import { newOrder } from "../new-order";
import { prepareOrder } from "../order-prep";
import { ApiFailure, refused } from "../reply";
import { parseRequest } from "../request";

/**
 * A new certificate file inside the paid subscription: new certId, same dueDate, free. Takes a new CSR;
 * without one the CA generates a new key. Domains default to the original order's.
 */
export const reissue: Handler = async (ctx, fields) => {
  const req = parseRequest(ReissueRequestSchema, fields);
  return withRefIdLock(ctx, req.refId, () =>
    ctx.locks.run(`order:${req.certId}`, async () => {
      const existing = orderForRefId(ctx, req.refId, "reissue");
      if (existing) return orderCreatedReply(existing);
      const old = requireOrder(ctx, req.certId);
      const now = ctx.clock.now();
      requireIssued(old, now, "reissued");
      if (now.getTime() >= new Date(old.dueDate).getTime()) {
        throw refused(`the subscription of order ${old.certId} ended on ${toWireDate(old.dueDate)} (UTC+8); renew it instead`);
      }
      const product = findProduct(old.productCode);
      if (!product) throw new ApiFailure(-3, `product ${old.productCode} is no longer sold`);
      const domainInfo =
        req.params?.domainInfo ?? old.domains.map((d) => ({ domainName: d.domainName, dcvMethod: d.dcvMethod, dcvEmail: d.dcvEmail }));
      const prepared = await prepareOrder(
        product,
        { domainInfo, csr: req.params?.csr, organizationInfo: old.organizationInfo },
        { requireContacts: false },
      );
      const order = newOrder(ctx, {
        kind: "reissue",
        refId: req.refId,
        product,
        years: old.years,
        prepared,
        params: {
          uniqueValue: req.params?.uniqueValue ?? old.uniqueValue,
          server: req.params?.server ?? old.server,
          organizationInfo: old.organizationInfo,
          Administrator: old.administrator,
        },
        dueDate: new Date(old.dueDate),
        amountPaid: 0,
      });
      order.reissueOf = old.certId;
      (old.reissuedBy ??= []).push(order.certId);
      ctx.store.insert(order);
      return orderCreatedReply(order);
    }),
  );
};

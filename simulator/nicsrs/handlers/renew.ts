import { RenewRequestSchema } from "../../../sdk/nicsrs/wire";
import { findProduct } from "../../catalogue";
import { addDays, addYears } from "../../clock";
import { roundMoney } from "../../store/store";
import { toWireDate } from "../dates";
import { Handler, orderCreatedReply, orderForRefId, requireIssued, requireOrder, withRefIdLock } from "../handler";
import { RENEWAL_WINDOW_DAYS } from "../lifecycle";
import { newOrder } from "../new-order";
import { prepareOrder } from "../order-prep";
import { ApiFailure, refused } from "../reply";
import { parseRequest } from "../request";

/** A new subscription (new certId, dueDate = old dueDate + years), open 90 days before the old dueDate. */
export const renew: Handler = async (ctx, fields) => {
  const req = parseRequest(RenewRequestSchema, fields);
  return withRefIdLock(ctx, req.refId, () =>
    ctx.locks.run(`order:${req.renewId}`, async () => {
      const existing = orderForRefId(ctx, req.refId, "renew");
      if (existing) return orderCreatedReply(existing);
      const old = requireOrder(ctx, req.renewId, "renewId");
      const now = ctx.clock.now();
      if (old.renewedBy) throw refused(`order ${old.certId} was already renewed as ${old.renewedBy}`);
      requireIssued(old, now, "renewed");
      const opens = addDays(new Date(old.dueDate), -RENEWAL_WINDOW_DAYS);
      if (now.getTime() < opens.getTime()) {
        throw refused(
          `renewal opens ${RENEWAL_WINDOW_DAYS} days before the subscription's due date ${toWireDate(old.dueDate)} (UTC+8), on ${toWireDate(opens)}; reissue to get a new certificate file before then`,
        );
      }
      const product = findProduct(old.productCode);
      if (!product) throw new ApiFailure(-3, `product ${old.productCode} is no longer sold`);
      const prepared = await prepareOrder(product, req.params, { years: req.years });
      const price = roundMoney(product.price * req.years);
      if (!ctx.store.debit(price)) throw new ApiFailure(-4, `insufficient credit: the renewal costs ${price}, the balance is ${ctx.store.credit}`);
      const base = Math.max(new Date(old.dueDate).getTime(), now.getTime());
      const order = newOrder(ctx, {
        kind: "renew",
        refId: req.refId,
        product,
        years: req.years,
        prepared,
        params: req.params,
        dueDate: addYears(new Date(base), req.years),
        amountPaid: price,
      });
      order.renewOf = old.certId;
      old.renewedBy = order.certId;
      ctx.store.insert(order);
      return orderCreatedReply(order);
    }),
  );
};

import { PlaceRequestSchema } from "../../../sdk/nicsrs/wire";
import { findProduct } from "../../catalogue";
import { addYears } from "../../clock";
import { roundMoney } from "../../store/store";
import { Handler, orderCreatedReply, orderForRefId, withRefIdLock } from "../handler";
import { newOrder } from "../new-order";
import { prepareOrder } from "../order-prep";
import { ApiFailure } from "../reply";
import { parseRequest } from "../request";

export const place: Handler = async (ctx, fields) => {
  const req = parseRequest(PlaceRequestSchema, fields);
  return withRefIdLock(ctx, req.refId, async () => {
    const existing = orderForRefId(ctx, req.refId, "place");
    if (existing) return orderCreatedReply(existing);
    const product = findProduct(req.productCode);
    if (!product) throw new ApiFailure(-3, `unknown product code ${req.productCode}`);
    const prepared = await prepareOrder(product, req.params, { years: req.years });
    const price = roundMoney(product.price * req.years);
    if (!ctx.store.debit(price)) throw new ApiFailure(-4, `insufficient credit: the order costs ${price}, the balance is ${ctx.store.credit}`);
    const order = newOrder(ctx, {
      kind: "place",
      refId: req.refId,
      product,
      years: req.years,
      prepared,
      params: req.params,
      dueDate: addYears(ctx.clock.now(), req.years),
      amountPaid: price,
    });
    ctx.store.insert(order);
    return orderCreatedReply(order);
  });
};

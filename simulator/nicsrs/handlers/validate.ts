import { ValidateRequestSchema } from "../../../sdk/nicsrs/wire";
import { findProduct } from "../../catalogue";
import { roundMoney } from "../../store/store";
import type { Handler } from "../handler";
import { prepareOrder } from "../order-prep";
import { ApiFailure } from "../reply";
import { parseRequest } from "../request";

/** A dry run of place: the same checks (credit included), no order, no debit. */
export const validate: Handler = async (ctx, fields) => {
  const req = parseRequest(ValidateRequestSchema, fields);
  const product = findProduct(req.productCode);
  if (!product) throw new ApiFailure(-3, `unknown product code ${req.productCode}`);
  await prepareOrder(product, req.params, { years: req.years, dryRun: true });
  const price = roundMoney(product.price * req.years);
  if (price > ctx.store.credit) throw new ApiFailure(-4, `insufficient credit: the order costs ${price}, the balance is ${ctx.store.credit}`);
  return { code: 1, msg: "validation passed" };
};

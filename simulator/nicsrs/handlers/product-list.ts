import { ProductListRequestSchema } from "../../../sdk/nicsrs/wire";
import { CATALOGUE, toWireProduct } from "../../catalogue";
import type { Handler } from "../handler";
import { parseRequest } from "../request";

export const productList: Handler = async (_ctx, fields) => {
  const { vendor } = parseRequest(ProductListRequestSchema, fields);
  const products = CATALOGUE.filter((p) => !vendor || p.vendor.toLowerCase() === vendor.toLowerCase()).map(toWireProduct);
  return { code: 1, msg: "success", data: products };
};

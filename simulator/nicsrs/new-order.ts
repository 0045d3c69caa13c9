import type { OrderParams } from "../../sdk/nicsrs/wire";
import type { CatalogueProduct } from "../catalogue";
import type { SimulatorContext } from "../context";
import type { OrderKind, OrderRecord } from "../store/types";
import { newCertId, randomDigits } from "./ids";
import type { PreparedOrder } from "./order-prep";

export interface NewOrderInput {
  kind: OrderKind;
  refId?: string;
  product: CatalogueProduct;
  years: number;
  prepared: PreparedOrder;
  params: Partial<Pick<OrderParams, "uniqueValue" | "server" | "organizationInfo" | "Administrator">>;
  dueDate: Date;
  amountPaid: number;
}

export function newOrder(ctx: SimulatorContext, input: NewOrderInput): OrderRecord {
  const now = ctx.clock.now();
  let certId = newCertId(now);
  while (ctx.store.order(certId)) certId = newCertId(now);
  if (!input.prepared.csrPem) throw new Error("newOrder needs a CSR");
  return {
    certId,
    kind: input.kind,
    ...(input.refId !== undefined ? { refId: input.refId } : {}),
    productCode: input.product.code,
    years: input.years,
    status: "PENDING",
    domains: input.prepared.domains,
    csrPem: input.prepared.csrPem,
    ...(input.prepared.generatedKeyPem ? { generatedKeyPem: input.prepared.generatedKeyPem } : {}),
    ...(input.params.uniqueValue ? { uniqueValue: input.params.uniqueValue } : {}),
    ...(input.params.server ? { server: input.params.server } : {}),
    ...(input.params.organizationInfo ? { organizationInfo: input.params.organizationInfo } : {}),
    ...(input.params.Administrator ? { administrator: input.params.Administrator } : {}),
    vendorId: randomDigits(10),
    vendorCertId: randomDigits(9),
    createdAt: now.toISOString(),
    dueDate: input.dueDate.toISOString(),
    amountPaid: input.amountPaid,
    collects: 0,
    processingCollects: 0,
  };
}

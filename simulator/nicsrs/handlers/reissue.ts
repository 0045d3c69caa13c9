import { ReissueRequestSchema, ReplaceRequestSchema, type DomainInfo, type OrganizationInfo } from "../../../sdk/nicsrs/wire";
import { findProduct } from "../../catalogue";
import type { SimulatorContext } from "../../context";
import { toWireDate } from "../dates";
import { Handler, orderCreatedReply, orderForRefId, requireIssued, requireOrder, withRefIdLock } from "../handler";
import { newOrder } from "../new-order";
import { prepareOrder } from "../order-prep";
import { ApiFailure, invalidField, refused, type WireReply } from "../reply";
import { parseRequest } from "../request";

interface ReissueAsk {
  certId: string;
  refId?: string;
  csr?: string;
  uniqueValue?: string;
  server?: string;
  domainInfo?: DomainInfo[];
  organizationInfo?: OrganizationInfo;
}

/**
 * `/ssl/reissue`. Two shapes are honoured (docs/nicsrs-api.md): the WHMCS module's top-level `csr`
 * + `domainInfo` (a JSON string), and `params{csr, domainInfo}`. Unknown fields are refused (-1),
 * and so are the two shapes disagreeing: a CSR is never dropped in favour of a key nobody asked
 * for. Without any CSR the CA makes a new key (returned by collect), as on place.
 */
export const reissue: Handler = async (ctx, fields) => {
  const req = parseRequest(ReissueRequestSchema, fields);
  const p = req.params ?? {};
  const pick = <T>(field: string, top: T | undefined, nested: T | undefined): T | undefined => {
    if (top !== undefined && nested !== undefined && JSON.stringify(top) !== JSON.stringify(nested)) {
      throw invalidField(field, `${field} is given both at the top level and in params, with different values`);
    }
    return top ?? nested;
  };
  return reissueOrder(ctx, {
    certId: req.certId,
    refId: req.refId,
    csr: pick("csr", req.csr, p.csr),
    uniqueValue: pick("uniqueValue", req.uniqueValue, p.uniqueValue),
    server: pick("server", req.server, p.server),
    domainInfo: pick("domainInfo", req.domainInfo, p.domainInfo),
    organizationInfo: p.organizationInfo,
  });
};

/** `/ssl/replace`: the older NicSRS module's reissue, `certId` + `params{csr, domainInfo, organizationInfo}`. */
export const replace: Handler = async (ctx, fields) => {
  const req = parseRequest(ReplaceRequestSchema, fields);
  return reissueOrder(ctx, { certId: req.certId, refId: req.refId, ...req.params });
};

/**
 * A new certificate file inside the paid subscription: new certId, same dueDate, free. Domains
 * default to the original order's; a CSR must cover them (checked like place).
 */
function reissueOrder(ctx: SimulatorContext, ask: ReissueAsk): Promise<WireReply> {
  return withRefIdLock(ctx, ask.refId, () =>
    ctx.locks.run(`order:${ask.certId}`, async () => {
      const existing = orderForRefId(ctx, ask.refId, "reissue");
      if (existing) return orderCreatedReply(existing);
      const old = requireOrder(ctx, ask.certId);
      const now = ctx.clock.now();
      requireIssued(old, now, "reissued");
      if (now.getTime() >= new Date(old.dueDate).getTime()) {
        throw refused(`the subscription of order ${old.certId} ended on ${toWireDate(old.dueDate)} (UTC+8); renew it instead`);
      }
      const product = findProduct(old.productCode);
      if (!product) throw new ApiFailure(-3, `product ${old.productCode} is no longer sold`);
      const domainInfo = ask.domainInfo ?? old.domains.map((d) => ({ domainName: d.domainName, dcvMethod: d.dcvMethod, dcvEmail: d.dcvEmail }));
      const organizationInfo = ask.organizationInfo ?? old.organizationInfo;
      const prepared = await prepareOrder(product, { domainInfo, csr: ask.csr, organizationInfo }, { requireContacts: false });
      const order = newOrder(ctx, {
        kind: "reissue",
        refId: ask.refId,
        product,
        years: old.years,
        prepared,
        params: {
          uniqueValue: ask.uniqueValue ?? old.uniqueValue,
          server: ask.server ?? old.server,
          organizationInfo,
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
}

// DCV management endpoints public clients call (docs/nicsrs-api.md): batchUpdateDCV,
// removeMdcDomain, batchRemoveMdcDomain, DCVemail (list approver addresses, or resend), and
// validatefile / validatedns (check now; they take `orderId`).
import {
  BatchRemoveMdcDomainRequestSchema,
  BatchUpdateDcvRequestSchema,
  DcvEmailRequestSchema,
  RemoveMdcDomainRequestSchema,
  ValidateNowRequestSchema,
} from "../../../sdk/nicsrs/wire";
import type { OrderRecord } from "../../store/types";
import { approverEmails, isApproverEmail, isValidDomain, normalizeDomain } from "../../va/domains";
import { dcvList, dcvSection } from "../dcv-fields";
import { checkDcvChoice } from "../domain-rules";
import { Handler, withOrderLock } from "../handler";
import { advanceOrder } from "../lifecycle";
import { FieldErrors, invalid, invalidField, refused, type WireReply } from "../reply";
import { parseRequest } from "../request";

function requirePending(order: OrderRecord, what: string): void {
  if (order.status !== "PENDING") throw refused(`${what} only while the order is PENDING; order ${order.certId} is ${order.status}`);
}

function domainOf(order: OrderRecord, name: string, field = "domainName") {
  const wanted = normalizeDomain(name);
  const domain = order.domains.find((d) => d.domainName === wanted);
  if (!domain) throw invalidField(field, `${name} is not a domain of order ${order.certId}`);
  return domain;
}

function dcvReply(order: OrderRecord): WireReply {
  return { code: 1, msg: "success", data: { certId: order.certId, ...dcvSection(order), dcvList: dcvList(order) } };
}

/** `certId` + `domainInfo` (per domain), or one `dcvMethod` / `dcvEmail` for every domain. */
export const batchUpdateDcv: Handler = async (ctx, fields) => {
  const req = parseRequest(BatchUpdateDcvRequestSchema, fields);
  if (!req.domainInfo && !req.dcvMethod) throw invalidField("domainInfo", "give domainInfo, or dcvMethod for every domain");
  return withOrderLock(ctx, req.certId, async (order) => {
    requirePending(order, "DCV can be changed");
    const wanted = req.domainInfo ?? order.domains.map((d) => ({ domainName: d.domainName, dcvMethod: req.dcvMethod!, dcvEmail: req.dcvEmail }));
    const errors: FieldErrors = {};
    const changes = wanted.map((info, i) => {
      const domain = domainOf(order, info.domainName, `domainInfo.${i}.domainName`);
      const email = info.dcvEmail?.trim() || undefined;
      checkDcvChoice(domain.domainName, info.dcvMethod, email, `domainInfo.${i}.`, errors);
      return { domain, method: info.dcvMethod, email };
    });
    if (Object.keys(errors).length > 0) throw invalid(errors);
    for (const { domain, method, email } of changes) {
      domain.dcvMethod = method;
      if (method === "EMAIL" && email) domain.dcvEmail = email.toLowerCase();
      else delete domain.dcvEmail;
    }
    ctx.store.save();
    return dcvReply(order);
  });
};

function removeDomains(order: OrderRecord, names: string[]): void {
  const remove = new Set(names.map((n) => domainOf(order, n).domainName));
  if (remove.size >= order.domains.length) throw invalidField("domainName", "an order keeps at least one domain; cancel the order instead");
  order.domains = order.domains.filter((d) => !remove.has(d.domainName));
}

/** `certId` + `domainName`: takes one domain off a pending multi-domain order. */
export const removeMdcDomain: Handler = async (ctx, fields) => {
  const req = parseRequest(RemoveMdcDomainRequestSchema, fields);
  return withOrderLock(ctx, req.certId, async (order) => {
    requirePending(order, "domains can be removed");
    removeDomains(order, [req.domainName]);
    ctx.store.save();
    return dcvReply(order);
  });
};

function nameList(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === "string") {
    if (/^\s*\[/.test(v)) {
      try {
        const parsed: unknown = JSON.parse(v);
        if (Array.isArray(parsed)) return parsed.map(String);
      } catch {
        // a comma list after all
      }
    }
    return v.split(/[\s,]+/).filter(Boolean);
  }
  throw invalidField("domainName", "a list of domain names");
}

/**
 * `certId` alone removes every domain not yet validated (our reading: the call exists to drop the
 * names that hold an order back); `domainName` / `domainNames` as a list removes those.
 */
export const batchRemoveMdcDomain: Handler = async (ctx, fields) => {
  const req = parseRequest(BatchRemoveMdcDomainRequestSchema, fields);
  return withOrderLock(ctx, req.certId, async (order) => {
    requirePending(order, "domains can be removed");
    const names = nameList(req.domainNames ?? req.domainName) ?? order.domains.filter((d) => !d.verified).map((d) => d.domainName);
    if (names.length === 0) throw invalidField("domainName", "no domain to remove: every domain is validated");
    removeDomains(order, names);
    ctx.store.save();
    return dcvReply(order);
  });
};

/** With `domain` (or `domainName` alone): the approver addresses. With `certId` + `domainName`: resend (optionally to a new `dcvEmail`). */
export const dcvEmail: Handler = async (ctx, fields) => {
  const req = parseRequest(DcvEmailRequestSchema, fields);
  if (req.certId === undefined) {
    const name = req.domain ?? req.domainName;
    if (!name) throw invalidField("domain", "domain is required");
    const domain = normalizeDomain(name);
    if (!isValidDomain(domain)) throw invalidField("domain", `${name} is not a valid domain name`);
    return { code: 1, msg: "success", data: approverEmails(domain) };
  }
  const name = req.domainName ?? req.domain;
  if (!name) throw invalidField("domainName", "domainName is required with certId");
  return withOrderLock(ctx, req.certId, async (order) => {
    requirePending(order, "validation e-mail can be sent");
    const domain = domainOf(order, name);
    const email = req.dcvEmail?.trim().toLowerCase() || domain.dcvEmail;
    if (!email) throw invalidField("dcvEmail", `${domain.domainName} is not validated by e-mail; give dcvEmail to switch it`);
    if (!isApproverEmail(domain.domainName, email)) throw invalidField("dcvEmail", `${email} is not an approver address for ${domain.domainName}`);
    domain.dcvMethod = "EMAIL";
    domain.dcvEmail = email;
    ctx.store.save();
    return { code: 1, msg: `validation e-mail sent to ${email}`, data: { certId: order.certId, domainName: domain.domainName, dcvEmail: email } };
  });
};

/** `validatefile` / `validatedns`: check the published file / record now; they take `orderId` (certId accepted too). */
export const validateNow: Handler = async (ctx, fields) => {
  const req = parseRequest(ValidateNowRequestSchema, fields);
  const certId = req.orderId ?? req.certId;
  if (!certId) throw invalidField("orderId", "orderId is required");
  return withOrderLock(ctx, certId, async (order) => {
    requirePending(order, "validation can be checked");
    await advanceOrder(ctx, order);
    return { code: 1, msg: "success", data: { certId: order.certId, status: order.status, dcvList: dcvList(order) } };
  });
};

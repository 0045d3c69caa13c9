import type { CertStatus } from "../../sdk/nicsrs/wire";
import { createPkcs12, randomPassword } from "../../sdk/x509";
import { findProduct } from "../catalogue";
import { addDays } from "../clock";
import type { SimulatorContext } from "../context";
import type { OrderRecord } from "../store/types";
import { subjectFields } from "./order-prep";

export const MAX_VALIDITY_DAYS = 200;
export const RENEWAL_WINDOW_DAYS = 90;
export const REFUND_WINDOW_DAYS = 30;

/** The stored status, except that an issued certificate past its notAfter reads EXPIRED. */
export function effectiveStatus(order: OrderRecord, now: Date): CertStatus {
  if (order.status === "COMPLETE" && order.endDate && now.getTime() > new Date(order.endDate).getTime()) return "EXPIRED";
  return order.status;
}

/**
 * One collect's worth of progress on a PENDING/PROCESSING order: validate the domains not yet verified
 * (autoValidate first, then real DNS/HTTP checks), move to PROCESSING/COMPLETE once all passed.
 * Callers hold the order's lock.
 */
export async function advanceOrder(ctx: SimulatorContext, order: OrderRecord): Promise<void> {
  const now = ctx.clock.now();
  if (order.status === "PENDING") {
    await validateDomains(ctx, order, now);
    if (order.domains.every((d) => d.verified)) {
      order.dcvPassedAt = now.toISOString();
      order.status = "PROCESSING";
    }
  }
  if (order.status === "PROCESSING") {
    if (order.processingCollects >= ctx.processingCollects) await issue(ctx, order);
    else order.processingCollects += 1;
  }
  ctx.store.save();
}

async function validateDomains(ctx: SimulatorContext, order: OrderRecord, now: Date): Promise<void> {
  const auto = ctx.autoValidate;
  const autoPassed =
    (auto.afterCollects !== undefined && order.collects >= auto.afterCollects) ||
    (auto.afterSeconds !== undefined && now.getTime() - new Date(order.createdAt).getTime() >= auto.afterSeconds * 1000);
  const style = findProduct(order.productCode)?.dcvStyle ?? "sectigo-csr-hash";
  for (const domain of order.domains) {
    if (domain.verified) continue;
    if (autoPassed) {
      domain.verified = true;
      domain.lastCheck = "passed by autoValidate";
      continue;
    }
    const result = await ctx.va.check(style, order, domain);
    // An admin approval may have landed while the check was awaiting DNS/HTTP: never undo it.
    if (domain.verified) continue;
    domain.verified = result.ok;
    domain.lastCheck = result.detail;
  }
}

/** Signs the certificate: the CSR's key, the ordered domains, notAfter = min(now + 200 days, dueDate). */
export async function issue(ctx: SimulatorContext, order: OrderRecord): Promise<void> {
  const now = ctx.clock.now();
  const cap = addDays(now, MAX_VALIDITY_DAYS);
  const due = new Date(order.dueDate);
  const notAfter = due.getTime() < cap.getTime() ? due : cap;
  const product = findProduct(order.productCode);
  const names = order.domains.map((d) => d.domainName);
  const leaf = await ctx.ca.issueLeaf({
    csrPem: order.csrPem,
    commonName: names[0],
    subject: product?.validationType === "DV" ? {} : subjectFields(order.organizationInfo),
    dnsNames: names,
    extendedKeyUsages: ["serverAuth"],
    notBefore: now,
    notAfter,
  });
  order.certificatePem = leaf.certificatePem;
  order.caCertificatePem = leaf.chainPems.join("");
  order.issuedAt = now.toISOString();
  order.beginDate = now.toISOString();
  order.endDate = notAfter.toISOString();
  if (order.generatedKeyPem && !order.pkcs12) {
    const password = randomPassword(16);
    try {
      order.pkcs12 = createPkcs12({ privateKeyPem: order.generatedKeyPem, certificatePem: leaf.certificatePem, chainPems: leaf.chainPems, password });
      order.pkcsPass = password;
    } catch {
      // node-forge builds PKCS#12 for RSA keys only; an EC key supplied as params.privateKey gets none.
    }
  }
  order.status = "COMPLETE";
}

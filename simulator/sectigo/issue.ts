// Issues Sectigo orders through the simulator's CA. Dates follow the docs: Sectigo certificates
// start at 00:00:00 GMT and end at 23:59:59 GMT.
import { createPublicKey } from "node:crypto";
import { DAY_MS } from "../clock";
import type { SimulatorContext } from "../context";
import type { SectigoOrder } from "./types";

/** TLS: under the 200-day ceiling (CA/B Forum SC-081). S/MIME: one year. */
const SSL_DAYS = 199;
const SMIME_DAYS = 365;

export function sectigoValidity(now: Date, days: number): { notBefore: Date; notAfter: Date } {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { notBefore: new Date(start), notAfter: new Date(start + days * DAY_MS - 1000) };
}

export async function issueSectigoOrder(ctx: SimulatorContext, order: SectigoOrder): Promise<void> {
  const { notBefore, notAfter } = sectigoValidity(ctx.clock.now(), order.kind === "ssl" ? SSL_DAYS : SMIME_DAYS);
  const publicKeySpkiDer = order.csrPem
    ? undefined
    : order.generatedKeyPem
      ? new Uint8Array(createPublicKey(order.generatedKeyPem).export({ type: "spki", format: "der" }))
      : undefined;
  if (!order.csrPem && !publicKeySpkiDer) throw new Error(`order ${order.orderNumber} has no CSR yet`);
  const leaf =
    order.kind === "ssl"
      ? await ctx.ca.issueLeaf({ csrPem: order.csrPem, publicKeySpkiDer, commonName: order.domains[0], dnsNames: order.domains, extendedKeyUsages: ["serverAuth", "clientAuth"], notBefore, notAfter })
      : await ctx.ca.issueLeaf({ csrPem: order.csrPem, commonName: order.email, emails: [order.email!], extendedKeyUsages: ["emailProtection", "clientAuth"], notBefore, notAfter });
  const now = ctx.clock.now().toISOString();
  Object.assign(order, {
    state: "issued",
    certificatePem: leaf.certificatePem,
    chainPems: leaf.chainPems,
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    issuedAt: now,
    validationStatus: "Complete",
    domainStatus: Object.fromEntries(order.domains.map((d) => [d, "VALIDATED"])),
  } satisfies Partial<SectigoOrder>);
}

// Placing, reissuing and renewing a Certificate's order without ever paying twice: every order is
// sent under a refId derived from the resource, and an order already holding that refId (from a
// run whose answer was lost or whose CLI was killed) is taken over instead of a new one.
import type { NicSrsClient, OrderResult } from "../sdk/nicsrs";
import type { DomainInfo } from "../sdk/nicsrs/wire";
import { deriveRefId, type CertificateSpec } from "./certificate-inputs";
import { clean } from "./check";
import { certificateMatchesKey, type KeyMaterial } from "./key-material";
import { isIssued, isOver } from "./order-status";
import { matchesInputs, orderDomains } from "./order-ref";
import { progress } from "./poll";

const MAX_GENERATIONS = 20;

export type OrderKind = "place" | "reissue" | "renew";

/** What an idempotent order ended with. */
export interface OrderOutcome {
  /** The order now held: placed by this run, or found under its refId (`order.recovered`). */
  order: OrderResult;
  /** The refId it was sent (or found) under. */
  refId: string;
  /** Found issued for a key this run does not have, and reissued with this run's: that order's certId. */
  recoveredCertId?: string;
  /** Found as a pending renewal for a key this run does not have: reissue it once issued. */
  keyMismatch: boolean;
  /** Issued orders found under earlier refIds that cover other domains: kept at the CA, listed for the user. */
  unclaimedCertIds: string[];
}

function domainInfo(spec: CertificateSpec): DomainInfo[] {
  return spec.dcv.map((d) => ({ domainName: d.domain, dcvMethod: d.method, ...(d.email ? { dcvEmail: d.email } : {}) }));
}

/** The parameters of a place or renew (`administrator` is ensured by check for a place, by ./renewal-contacts.ts for a renewal). */
export function orderParams(spec: CertificateSpec, material: KeyMaterial) {
  if (!spec.administrator) throw new Error("internal: an order needs the administrator contact");
  return clean({
    csr: material.csrPem,
    server: spec.server,
    uniqueValue: spec.uniqueValue,
    domainInfo: domainInfo(spec),
    organizationInfo: spec.organization,
    Administrator: spec.administrator,
    tech: spec.tech,
    finance: spec.finance,
  });
}

export function reissueParams(spec: CertificateSpec, material: KeyMaterial) {
  return clean({ csr: material.csrPem, uniqueValue: spec.uniqueValue, server: spec.server, domainInfo: domainInfo(spec) });
}

/**
 * Orders with a refId derived from the resource, idempotently: an order already holding the refId
 * (from a run whose answer was lost or whose CLI was killed) is taken instead of a new one. Such an
 * order was sent with a key this run does not have; it is fixed without paying twice: an issued
 * one is reissued with this run's CSR (free), a pending one is cancelled (refunded) and ordered
 * again under the next refId (`<refId>-2`, …), a pending renewal is kept and reissued once issued.
 * Dead orders (cancelled, revoked, failed) under a refId are skipped the same way.
 */
export async function orderIdempotently(
  client: NicSrsClient,
  kind: OrderKind,
  baseRefId: string,
  spec: CertificateSpec,
  material: KeyMaterial,
  send: (refId: string) => Promise<OrderResult>,
  opts: { userRefId: boolean },
): Promise<OrderOutcome> {
  const unclaimedCertIds: string[] = [];
  const outcome = (order: OrderResult, refId: string, keyMismatch = false): OrderOutcome => ({ order, refId, keyMismatch, unclaimedCertIds });
  for (let g = 1; g <= MAX_GENERATIONS; g++) {
    const refId = g === 1 ? baseRefId : `${baseRefId}-${g}`;
    const found = await client.getCertByRefId(refId);
    if (!found) return outcome(await send(refId), refId);
    const status = found.status ?? "PENDING";
    const skip = (why: string) => {
      if (opts.userRefId) {
        throw new Error(`refId ${JSON.stringify(refId)} already belongs to order ${found.certId}, which ${why}; give another refId (or none, to have one derived)`);
      }
      progress(`refId ${refId} belongs to order ${found.certId}, which ${why}; trying ${baseRefId}-${g + 1}`);
    };
    if (isOver(status)) {
      skip(`is ${status}`);
      continue;
    }
    const recovered: OrderResult = { certId: found.certId, refId, dcv: { dns: [], files: [], emails: [] }, recovered: true };
    const takeOver = () =>
      progress(`order ${found.certId} (refId ${refId}, ${status}) already exists at the CA, placed and paid by an earlier run of this resource: taking it over instead of buying a new one`);
    const c = await client.collect(found.certId);
    Object.assign(recovered, { dcv: c.dcv, ...(c.vendorId ? { vendorId: c.vendorId } : {}), ...(c.vendorCertId ? { vendorCertId: c.vendorCertId } : {}) });
    // The refId does not follow edited inputs: an order from a failed run may be for other domains.
    const theirs = kind === "place" && matchesInputs(spec, c) === false ? orderDomains(c) : undefined;
    if (theirs) {
      const covers = `covers ${theirs.join(", ")}, not ${spec.domains.join(", ")}`;
      if (opts.userRefId) {
        throw new Error(`refId ${JSON.stringify(refId)} already belongs to order ${found.certId} (${c.status}), which ${covers}; give another refId, or adopt that order with certId`);
      }
      if (isIssued(c)) {
        progress(
          `order ${found.certId} (refId ${refId}) was placed by an earlier, failed run of this resource and is issued, but it ${covers}: ` +
            `it is kept at the CA (an issued certificate may be in use), listed in unclaimedCertIds (cancel it within 30 days of issue for a refund), and a new order is placed under ${baseRefId}-${g + 1}`,
        );
        unclaimedCertIds.push(found.certId);
      } else {
        progress(`order ${found.certId} (refId ${refId}) was placed by an earlier, failed run of this resource, is not issued, and ${covers}: cancelling it (refunded) and ordering again under ${baseRefId}-${g + 1}`);
        await client.cancel(found.certId, "the inputs changed after an interrupted run; ordered again");
      }
      continue;
    }
    // A pinned CSR or a CA-generated key survives a lost run; only local keys are lost.
    if (spec.keySource !== "local") {
      takeOver();
      return outcome(recovered, refId);
    }
    if (isIssued(c)) {
      takeOver();
      if (certificateMatchesKey(material.privateKeyPem, c.certificatePem)) return outcome(recovered, refId);
      progress(`order ${found.certId} is issued for a key this run does not have (the earlier run's key was never recorded): reissuing it with this run's key (free)`);
      const reissued = await orderIdempotently(
        client,
        "reissue",
        deriveRefId(spec.refIdSeed ?? "", "rekey", found.certId),
        spec,
        material,
        (rid) => client.reissue({ certId: found.certId, refId: rid, reason: "key lost", params: reissueParams(spec, material) }),
        { userRefId: false },
      );
      return { ...reissued, recoveredCertId: found.certId, unclaimedCertIds: [...unclaimedCertIds, ...reissued.unclaimedCertIds] };
    }
    if (kind === "renew") {
      takeOver();
      progress(`renewal ${found.certId} was ordered for a key this run does not have (the earlier run's key was never recorded): it will be reissued with this run's key once issued (free)`);
      return outcome(recovered, refId, true);
    }
    if (opts.userRefId) skip("was placed by an earlier run whose key is lost (it is still pending: cancel it, or give another refId)");
    progress(`order ${found.certId} is not issued yet and was ordered for a key this run does not have (the earlier run's key was never recorded): cancelling it (refunded) and ordering again`);
    await client.cancel(found.certId, "key lost in an interrupted run; ordered again");
  }
  throw new Error(`refIds ${baseRefId} … ${baseRefId}-${MAX_GENERATIONS} all belong to unusable orders; give a refId`);
}

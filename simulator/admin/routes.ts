import type { SimulatorContext } from "../context";
import { DAY_MS } from "../clock";
import { effectiveStatus } from "../nicsrs/lifecycle";
import type { FrontEndHandler, FrontEndResponse } from "../router";
import type { OrderRecord } from "../store/types";
import { normalizeDomain } from "../va/domains";
import type { CallCounter } from "./calls";
import type { FaultInjector, FaultSpec } from "./faults";

export const ADMIN_PREFIX = "/__admin";

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The admin API (JSON in and out), see simulator/admin-client.ts for the typed client:
 *   GET    /__admin/orders                      GET /__admin/orders/:certId
 *   POST   /__admin/orders/:certId/approve-dcv  {domain?}   (issuance follows on the next collect)
 *   POST   /__admin/orders/:certId/ca-cancel    POST /__admin/orders/:certId/ca-revoke
 *   GET    /__admin/clock                       POST /__admin/clock {now?: ISO, advanceMs?, advanceDays?}
 *   GET    /__admin/calls                       DELETE /__admin/calls
 *   GET    /__admin/faults   POST /__admin/faults FaultSpec   DELETE /__admin/faults
 *   GET    /__admin/credit                      POST /__admin/credit {credit}
 *   GET    /__admin/ca  → {rootCertificatePem, intermediateCertificatePem}
 */
export function createAdminApi(ctx: SimulatorContext, calls: CallCounter, faults: FaultInjector): FrontEndHandler {
  return async (req) => {
    const parts = req.url.pathname.slice(ADMIN_PREFIX.length).split("/").filter(Boolean).map(decodeURIComponent);
    const route = `${req.method} ${parts.map((p, i) => (parts[0] === "orders" && i === 1 ? ":certId" : p)).join("/")}`;
    try {
      const body = req.body.length > 0 ? (JSON.parse(req.body.toString("utf8")) as Record<string, unknown>) : {};
      switch (route) {
        case "GET orders":
          return json(ctx.store.orders().map((o) => view(ctx, o)));
        case "GET orders/:certId":
          return json(view(ctx, order(ctx, parts[1])));
        case "POST orders/:certId/approve-dcv":
          return json(approve(ctx, parts[1], typeof body.domain === "string" ? body.domain : undefined));
        case "POST orders/:certId/ca-cancel":
          return json(caCancel(ctx, parts[1]));
        case "POST orders/:certId/ca-revoke":
          return json(caRevoke(ctx, parts[1]));
        case "GET clock":
          return json({ now: ctx.clock.now().toISOString() });
        case "POST clock":
          if (typeof body.now === "string") ctx.clock.set(new Date(body.now));
          if (typeof body.advanceMs === "number") ctx.clock.advance(body.advanceMs);
          if (typeof body.advanceDays === "number") ctx.clock.advance(body.advanceDays * DAY_MS);
          return json({ now: ctx.clock.now().toISOString() });
        case "GET calls":
          return json(calls.snapshot());
        case "DELETE calls":
          calls.reset();
          return json({ ok: true });
        case "GET faults":
          return json(faults.list());
        case "POST faults":
          faults.add(faultSpec(body));
          return json({ ok: true });
        case "DELETE faults":
          faults.clear();
          return json({ ok: true });
        case "GET credit":
          return json({ credit: ctx.store.credit });
        case "POST credit":
          if (typeof body.credit !== "number" || !Number.isFinite(body.credit)) throw new AdminError(400, "credit must be a number");
          ctx.store.setCredit(body.credit);
          return json({ credit: ctx.store.credit });
        case "GET ca":
          return json({ rootCertificatePem: ctx.ca.rootCertificatePem, intermediateCertificatePem: ctx.ca.intermediateCertificatePem });
        default:
          throw new AdminError(404, `no admin route ${route}`);
      }
    } catch (err) {
      if (err instanceof AdminError) return json({ error: err.message }, err.status);
      return json({ error: (err as Error).message }, 400);
    }
  };
}

function json(value: unknown, status = 200): FrontEndResponse {
  return { status, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(value) };
}

function order(ctx: SimulatorContext, certId: string): OrderRecord {
  const o = ctx.store.order(certId);
  if (!o) throw new AdminError(404, `no order ${certId}`);
  return o;
}

function view(ctx: SimulatorContext, o: OrderRecord): OrderRecord {
  return { ...o, status: effectiveStatus(o, ctx.clock.now()) };
}

function approve(ctx: SimulatorContext, certId: string, domain?: string): OrderRecord {
  const o = order(ctx, certId);
  const targets = domain === undefined ? o.domains : o.domains.filter((d) => d.domainName === normalizeDomain(domain));
  if (targets.length === 0) throw new AdminError(404, `order ${certId} has no domain ${domain}`);
  for (const d of targets) {
    d.verified = true;
    d.lastCheck = d.dcvMethod === "EMAIL" ? `approved by ${d.dcvEmail ?? "the approver"} (admin)` : "approved via admin";
  }
  ctx.store.save();
  return view(ctx, o);
}

/** The CA cancels the order (e.g. validation failed): CANCELLED, whatever was paid refunded. */
function caCancel(ctx: SimulatorContext, certId: string): OrderRecord {
  const o = order(ctx, certId);
  const refund = o.amountPaid - (o.refunded ?? 0);
  ctx.store.refund(refund);
  o.refunded = (o.refunded ?? 0) + refund;
  o.status = "CANCELLED";
  o.cancelledAt = ctx.clock.now().toISOString();
  o.cancelReason = "cancelled by the CA";
  ctx.store.save();
  return view(ctx, o);
}

function caRevoke(ctx: SimulatorContext, certId: string): OrderRecord {
  const o = order(ctx, certId);
  o.status = "REVOKED";
  o.revokedAt = ctx.clock.now().toISOString();
  o.revokeReason = "revoked by the CA";
  ctx.store.save();
  return view(ctx, o);
}

function faultSpec(body: Record<string, unknown>, depth = 0): FaultSpec {
  if (typeof body.endpoint !== "string" || body.endpoint === "") throw new AdminError(400, "endpoint is required");
  if (body.drop !== undefined && body.drop !== "before" && body.drop !== "after") throw new AdminError(400, 'drop must be "before" or "after"');
  const num = (k: string) => (typeof body[k] === "number" ? (body[k] as number) : undefined);
  return {
    endpoint: body.endpoint,
    times: num("times"),
    latencyMs: num("latencyMs"),
    status: num("status"),
    retryAfter: num("retryAfter"),
    malformed: body.malformed === true,
    drop: body.drop as FaultSpec["drop"],
    answerDelayMs: num("answerDelayMs"),
    then: followUp(body.then, depth),
  };
}

function followUp(then: unknown, depth: number): FaultSpec | undefined {
  if (then === undefined || then === null) return undefined;
  if (typeof then !== "object" || Array.isArray(then)) throw new AdminError(400, "then must be a fault object");
  if (depth >= 4) throw new AdminError(400, "then: at most 4 chained faults");
  return faultSpec(then as Record<string, unknown>, depth + 1);
}

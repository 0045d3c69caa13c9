// Admin API for Sectigo orders, JSON in and out, under /__admin/sectigo (typed client: ./admin-client.ts):
//   GET  orders                     POST orders {kind:"ssl"|"smime", …}       GET orders/:orderNumber
//   POST orders/:n/state {state}    POST orders/:n/domains {domain?, status}  POST orders/:n {fields to change}
//   POST accounts {loginName, loginPassword}
//   GET  concurrency  DELETE concurrency   POST settings {latencyMs}
import { randomBytes, randomInt } from "node:crypto";
import { generateKeyPair, parseCsr } from "../../sdk/x509";
import type { FrontEndHandler, FrontEndResponse } from "../router";
import type { ConcurrencyTracker } from "./concurrency";
import type { SectigoSim } from "./handlers";
import { issueSectigoOrder } from "./issue";
import { DEFAULT_SECTIGO_ACCOUNT, SECTIGO_ORDER_STATES, type DomainDcvStatus, type SectigoOrder, type SectigoOrderState } from "./types";

export const SECTIGO_ADMIN_PREFIX = "/__admin/sectigo";

class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Body = Record<string, unknown>;
const json = (value: unknown, status = 200): FrontEndResponse => ({ status, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(value) });
const digits = (n: number) => Array.from({ length: n }, (_, i) => String(randomInt(i === 0 ? 1 : 0, 10))).join("");
const str = (b: Body, k: string): string | undefined => {
  if (b[k] === undefined) return undefined;
  if (typeof b[k] !== "string" || b[k] === "") throw new AdminError(400, `${k} must be a non-empty string`);
  return b[k] as string;
};
const DCV: DomainDcvStatus[] = ["VALIDATED", "NOTVALIDATED", "AWAITINGBRAND"];

export function createSectigoAdmin(sim: SectigoSim, tracker: ConcurrencyTracker): FrontEndHandler {
  const order = (n: string): SectigoOrder => {
    const o = sim.store.byOrderNumber(n);
    if (!o) throw new AdminError(404, `no Sectigo order ${n}`);
    return o;
  };
  return async (req) => {
    const parts = req.url.pathname.slice(SECTIGO_ADMIN_PREFIX.length).split("/").filter(Boolean).map(decodeURIComponent);
    const route = `${req.method} ${parts.map((p, i) => (parts[0] === "orders" && i === 1 ? ":n" : p)).join("/")}`;
    try {
      const body = (req.body.length > 0 ? JSON.parse(req.body.toString("utf8")) : {}) as Body;
      switch (route) {
        case "GET orders":
          return json(sim.store.orders());
        case "POST orders":
          return json(await create(sim, body));
        case "GET orders/:n":
          return json(order(parts[1]));
        case "POST orders/:n/state":
          return json(await sim.ctx.locks.run(`sectigo:${parts[1]}`, () => setState(sim, order(parts[1]), body)));
        case "POST orders/:n/domains":
          return json(setDomains(sim, order(parts[1]), body));
        case "POST orders/:n":
          return json(update(sim, order(parts[1]), body));
        case "POST accounts": {
          const loginName = str(body, "loginName");
          const loginPassword = str(body, "loginPassword");
          if (!loginName || !loginPassword) throw new AdminError(400, "loginName and loginPassword are required");
          sim.store.setAccount(loginName, loginPassword);
          return json({ loginName });
        }
        case "GET concurrency":
          return json(tracker.snapshot());
        case "DELETE concurrency":
          tracker.reset();
          return json({ ok: true });
        case "POST settings":
          if (typeof body.latencyMs === "number" && body.latencyMs >= 0) tracker.latencyMs = body.latencyMs;
          return json({ latencyMs: tracker.latencyMs });
        default:
          throw new AdminError(404, `no Sectigo admin route ${route}`);
      }
    } catch (err) {
      return json({ error: (err as Error).message }, err instanceof AdminError ? err.status : 400);
    }
  };
}

async function create(sim: SectigoSim, b: Body): Promise<SectigoOrder> {
  const kind = b.kind;
  if (kind !== "ssl" && kind !== "smime") throw new AdminError(400, 'kind must be "ssl" or "smime"');
  const now = sim.ctx.clock.now().toISOString();
  const domains = kind === "ssl" ? (Array.isArray(b.domains) ? b.domains : []).map((d) => String(d).toLowerCase()) : [];
  if (kind === "ssl" && domains.length === 0) throw new AdminError(400, "an SSL order needs domains");
  const email = kind === "smime" ? str(b, "email") : undefined;
  if (kind === "smime" && !email?.includes("@")) throw new AdminError(400, "an S/MIME order needs an email address");
  const csrPem = str(b, "csrPem");
  if (csrPem) parseCsr(csrPem);
  const order: SectigoOrder = {
    kind,
    orderNumber: str(b, "orderNumber") ?? digits(8),
    certificateId: str(b, "certificateId") ?? digits(9),
    baseOrderNumber: str(b, "baseOrderNumber"),
    collectionCode: kind === "smime" ? (str(b, "collectionCode") ?? randomBytes(6).toString("hex").toUpperCase()) : undefined,
    loginName: str(b, "loginName") ?? DEFAULT_SECTIGO_ACCOUNT.loginName,
    state: "awaiting_validation",
    domains,
    domainStatus: Object.fromEntries(domains.map((d) => [d, "NOTVALIDATED" as const])),
    email,
    emailVerified: b.emailVerified !== false,
    issueOnRequest: b.issueOnRequest !== false,
    issueAfterCollects: typeof b.issueAfterCollects === "number" ? b.issueAfterCollects : 0,
    collectsSinceCsr: 0,
    csrPem: kind === "ssl" ? csrPem : undefined,
    createdAt: now,
  };
  if (!/^\d{1,16}$/.test(order.certificateId)) throw new AdminError(400, "certificateId must be at most 16 digits");
  if (kind === "ssl" && !csrPem) order.generatedKeyPem = (await generateKeyPair({ algorithm: "ECDSA", curve: "P-256" })).privateKeyPem;
  applyFields(order, b);
  try {
    sim.store.insert(order);
  } catch (e) {
    throw new AdminError(409, (e as Error).message);
  }
  if (b.state !== undefined) await sim.ctx.locks.run(`sectigo:${order.orderNumber}`, () => setState(sim, order, { state: b.state }));
  return order;
}

async function setState(sim: SectigoSim, o: SectigoOrder, b: Body): Promise<SectigoOrder> {
  const state = b.state as SectigoOrderState;
  if (!SECTIGO_ORDER_STATES.includes(state)) throw new AdminError(400, `state must be one of ${SECTIGO_ORDER_STATES.join(", ")}`);
  if (state === "issued") {
    if (!o.certificatePem) {
      if (o.kind === "smime" && !o.csrPem) throw new AdminError(409, "the S/MIME order has no CSR yet");
      await issueSectigoOrder(sim.ctx, o);
    }
    o.state = "issued";
  } else {
    o.state = state;
    if (state === "revoked") o.revokedAt = sim.ctx.clock.now().toISOString();
  }
  sim.store.save();
  return o;
}

function setDomains(sim: SectigoSim, o: SectigoOrder, b: Body): SectigoOrder {
  const status = b.status as DomainDcvStatus;
  if (!DCV.includes(status)) throw new AdminError(400, `status must be one of ${DCV.join(", ")}`);
  const domain = str(b, "domain")?.toLowerCase();
  const targets = domain === undefined ? o.domains : o.domains.filter((d) => d === domain);
  if (targets.length === 0) throw new AdminError(404, `order ${o.orderNumber} has no domain ${domain}`);
  for (const d of targets) o.domainStatus[d] = status;
  sim.store.save();
  return o;
}

function applyFields(o: SectigoOrder, b: Body): void {
  if (b.validationStatus !== undefined) o.validationStatus = str(b, "validationStatus");
  if (b.caaStatus !== undefined) o.caaStatus = str(b, "caaStatus");
  if (typeof b.emailVerified === "boolean") o.emailVerified = b.emailVerified;
  if (typeof b.issueOnRequest === "boolean") o.issueOnRequest = b.issueOnRequest;
  if (typeof b.issueAfterCollects === "number") o.issueAfterCollects = b.issueAfterCollects;
  if (b.statusDetails !== undefined) {
    const d = b.statusDetails;
    if (!Array.isArray(d) || d.length !== 7 || !d.every((v) => [-1, 0, 1, 2].includes(v as number))) throw new AdminError(400, "statusDetails must be seven of -1, 0, 1, 2");
    o.statusDetails = d as SectigoOrder["statusDetails"];
  }
}

function update(sim: SectigoSim, o: SectigoOrder, b: Body): SectigoOrder {
  applyFields(o, b);
  sim.store.save();
  return o;
}

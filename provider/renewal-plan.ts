// Renewal planning from state alone (no CA call), so `pulumi preview` can show it.
//
// - notAfter is the current certificate file's end, read from the X.509 whenever create, read
//   (refresh) or update collected an issued certificate.
// - When the state has no notAfter yet (the Certificate was created before issuance and nothing
//   has collected since), it is estimated: the order was still unissued at `pendingSeenAt`
//   (placement, or the last collect that saw it unissued), so it was issued no earlier, and a file
//   issued then lasts the longest lifetime the CA/Browser Forum allows at that date (capped at 200
//   days). Update always collects first and re-plans from the real dates, so an early estimate
//   costs one update that only records the dates; `pulumi refresh` also replaces the estimate.
// - Within the window (renewBeforeDays, at most half the file's lifetime) before notAfter:
//   renew when the subscription (`subscriptionEndsAt`, the CA's dueDate) ends within 90 days
//   (renewal is open then, and a reissue would be cut short by the subscription's end); reissue
//   otherwise.

import { isDead } from "./order-status";

export const DAY_MS = 86_400_000;
/** Renewal opens this long before the subscription ends. */
export const RENEWAL_OPENS_DAYS = 90;

export type RenewalAction = "none" | "reissue" | "renew";

export interface RenewalState {
  status?: string;
  notBefore?: string;
  notAfter?: string;
  /** When the order was placed (create). */
  placedAt?: string;
  /** The latest time the order was seen not yet issued (defaults to placedAt). */
  pendingSeenAt?: string;
  subscriptionEndsAt?: string;
  years?: number;
}

const text = (v: unknown) => (typeof v === "string" && v ? v : undefined);

/** The outputs the planner reads (untyped state, or a CertificateState). */
type RenewalFacts = { [K in "status" | "notBefore" | "notAfter" | "placedAt" | "pendingSeenAt" | "subscriptionEndsAt"]?: unknown };

/** The planner's view of a Certificate's state (its outputs), with the subscription length. */
export function renewalState(props: RenewalFacts, years: number, status: unknown = props.status): RenewalState {
  return {
    status: text(status),
    notBefore: text(props.notBefore),
    notAfter: text(props.notAfter),
    placedAt: text(props.placedAt),
    pendingSeenAt: text(props.pendingSeenAt),
    subscriptionEndsAt: text(props.subscriptionEndsAt),
    years,
  };
}

export interface RenewalPlan {
  action: RenewalAction;
  /** One sentence for logs and errors. */
  reason: string;
  /** The notAfter used (real or estimated). */
  notAfter?: string;
  notAfterEstimated: boolean;
  /** When the renewal window opens (notAfter − window). */
  windowOpensAt?: string;
  /** The subscription end used (real or estimated). */
  subscriptionEndsAt?: string;
}

/** Longest certificate lifetime (days) for a file issued at `at` (SC-081, capped at 200). */
export function maxLifetimeDays(at: Date): number {
  const t = at.getTime();
  if (t >= Date.parse("2029-03-15T00:00:00Z")) return 47;
  if (t >= Date.parse("2027-03-15T00:00:00Z")) return 100;
  return 200;
}

/** Planning's "now": `NICSRS_NOW` (ISO, a testing knob for moved simulator clocks) or the real time. */
export function planningNow(env: NodeJS.ProcessEnv = process.env): Date {
  const fixed = env.NICSRS_NOW;
  if (fixed) {
    const t = Date.parse(fixed);
    if (Number.isNaN(t)) throw new Error(`NICSRS_NOW is not an ISO date: ${JSON.stringify(fixed)}`);
    return new Date(t);
  }
  return new Date();
}

const iso = (ms: number) => new Date(ms).toISOString();
const parse = (s?: string) => (s ? Date.parse(s) : NaN);

export function planRenewal(state: RenewalState, opts: { renewBeforeDays: number; now: Date }): RenewalPlan {
  const now = opts.now.getTime();
  if (isDead(state.status)) {
    return { action: "none", reason: `the order is ${state.status}`, notAfterEstimated: false };
  }
  let notAfter = parse(state.notAfter);
  let notBefore = parse(state.notBefore);
  let estimated = false;
  if (Number.isNaN(notAfter)) {
    const pendingSince = Math.max(...[parse(state.pendingSeenAt), parse(state.placedAt)].filter((t) => !Number.isNaN(t)), -Infinity);
    if (!Number.isFinite(pendingSince)) {
      return { action: "none", reason: "no certificate dates in state yet (refresh to learn them)", notAfterEstimated: false };
    }
    notBefore = pendingSince;
    notAfter = pendingSince + maxLifetimeDays(new Date(pendingSince)) * DAY_MS;
    estimated = true;
  }
  let subscriptionEnd = parse(state.subscriptionEndsAt);
  let subscriptionEstimated = false;
  if (Number.isNaN(subscriptionEnd)) {
    // The subscription starts at issuance or later; `years` from placement is its earliest end.
    const start = parse(state.placedAt);
    if (!Number.isNaN(start)) {
      const d = new Date(start);
      d.setUTCFullYear(d.getUTCFullYear() + (state.years ?? 1));
      subscriptionEnd = d.getTime();
      subscriptionEstimated = true;
    }
  }
  const lifetimeDays = Number.isNaN(notBefore) ? maxLifetimeDays(new Date(notAfter)) : Math.max(1, (notAfter - notBefore) / DAY_MS);
  const windowDays = Math.min(opts.renewBeforeDays, lifetimeDays / 2);
  const windowOpens = notAfter - windowDays * DAY_MS;
  const base = {
    notAfter: iso(notAfter),
    notAfterEstimated: estimated,
    windowOpensAt: iso(windowOpens),
    ...(Number.isNaN(subscriptionEnd) ? {} : { subscriptionEndsAt: iso(subscriptionEnd) }),
  };
  const est = estimated ? " (estimated: no issued certificate in state yet)" : "";
  if (now < windowOpens) {
    return { ...base, action: "none", reason: `the certificate ends ${iso(notAfter)}${est}; renewal window opens ${iso(windowOpens)}` };
  }
  const sub = Number.isNaN(subscriptionEnd) ? "" : `${iso(subscriptionEnd)}${subscriptionEstimated ? " (estimated)" : ""}`;
  const renewalOpen = !Number.isNaN(subscriptionEnd) && subscriptionEnd - now <= RENEWAL_OPENS_DAYS * DAY_MS;
  if (renewalOpen) {
    return { ...base, action: "renew", reason: `the certificate ends ${iso(notAfter)}${est} and the subscription ends ${sub}: renew (new subscription)` };
  }
  return {
    ...base,
    action: "reissue",
    reason: `the certificate ends ${iso(notAfter)}${est}, inside the ${Math.round(windowDays)}-day window; the subscription continues${sub ? ` until ${sub}` : ""}: reissue (free)`,
  };
}

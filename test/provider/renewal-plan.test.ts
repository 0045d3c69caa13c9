import { strict as assert } from "node:assert";
import { DAY_MS, maxLifetimeDays, planningNow, planRenewal } from "../../provider/renewal-plan";

const t0 = Date.parse("2026-12-01T00:00:00Z");
const at = (days: number) => new Date(t0 + days * DAY_MS);
const iso = (days: number) => at(days).toISOString();

describe("provider: renewal planner (state only)", () => {
  const issued = { status: "COMPLETE", notBefore: iso(0), notAfter: iso(200), placedAt: iso(0), subscriptionEndsAt: iso(365), years: 1 };

  it("nothing to do before the window", () => {
    const p = planRenewal(issued, { renewBeforeDays: 30, now: at(169) });
    assert.equal(p.action, "none");
    assert.equal(p.windowOpensAt, iso(170));
    assert.equal(p.notAfterEstimated, false);
  });

  it("reissue inside the window while the subscription continues", () => {
    const p = planRenewal(issued, { renewBeforeDays: 30, now: at(171) });
    assert.equal(p.action, "reissue");
    assert.match(p.reason, /reissue \(free\)/);
  });

  it("renew when the subscription ends within 90 days", () => {
    const second = { ...issued, notBefore: iso(171), notAfter: iso(365), subscriptionEndsAt: iso(365) };
    assert.equal(planRenewal(second, { renewBeforeDays: 30, now: at(300) }).action, "none");
    const p = planRenewal(second, { renewBeforeDays: 30, now: at(336) });
    assert.equal(p.action, "renew");
    assert.match(p.reason, /renew \(new subscription\)/);
    // an expired certificate with the subscription over: renew
    assert.equal(planRenewal({ ...second, status: "EXPIRED" }, { renewBeforeDays: 30, now: at(400) }).action, "renew");
  });

  it("the window is at most half the certificate's lifetime (no endless reissues)", () => {
    const short = { status: "COMPLETE", notBefore: iso(0), notAfter: iso(47), subscriptionEndsAt: iso(730), placedAt: iso(0) };
    assert.equal(planRenewal(short, { renewBeforeDays: 90, now: at(1) }).action, "none");
    assert.equal(planRenewal(short, { renewBeforeDays: 90, now: at(24) }).action, "reissue");
  });

  it("estimates notAfter from placement when the state never saw the certificate", () => {
    const pending = { status: "PENDING", placedAt: iso(0), years: 1 };
    let p = planRenewal(pending, { renewBeforeDays: 30, now: at(100) });
    assert.equal(p.action, "none");
    assert.equal(p.notAfterEstimated, true);
    assert.equal(p.notAfter, iso(200));
    p = planRenewal(pending, { renewBeforeDays: 30, now: at(175) });
    assert.equal(p.action, "reissue");
    assert.match(p.reason, /estimated/);
    // seen still unissued later: the estimate moves with it (and from 2027-03-15 files last 100 days)
    p = planRenewal({ ...pending, pendingSeenAt: iso(120) }, { renewBeforeDays: 30, now: at(175) });
    assert.equal(p.action, "none");
    assert.equal(p.notAfter, iso(220));
    p = planRenewal({ ...pending, pendingSeenAt: iso(60) }, { renewBeforeDays: 30, now: at(175) });
    assert.equal(p.notAfter, iso(260));
  });

  it("uses the CA/Browser Forum lifetime of the placement date for the estimate", () => {
    assert.equal(maxLifetimeDays(new Date("2026-12-01T00:00:00Z")), 200);
    assert.equal(maxLifetimeDays(new Date("2027-03-15T00:00:00Z")), 100);
    assert.equal(maxLifetimeDays(new Date("2029-03-15T00:00:00Z")), 47);
  });

  it("no plan for dead orders or without any date", () => {
    assert.equal(planRenewal({ ...issued, status: "REVOKED" }, { renewBeforeDays: 30, now: at(199) }).action, "none");
    assert.equal(planRenewal({ status: "PENDING" }, { renewBeforeDays: 30, now: at(199) }).action, "none");
  });

  it("an unknown subscription end is estimated from placement + years (update re-plans from facts)", () => {
    const p = planRenewal({ status: "COMPLETE", notBefore: iso(0), notAfter: iso(200), placedAt: iso(0), years: 1 }, { renewBeforeDays: 30, now: at(180) });
    assert.equal(p.action, "reissue");
    assert.ok(p.subscriptionEndsAt!.startsWith("2027-12-01"));
  });

  it("NICSRS_NOW overrides the clock; garbage is an error", () => {
    assert.equal(planningNow({ NICSRS_NOW: "2027-01-02T03:04:05Z" }).toISOString(), "2027-01-02T03:04:05.000Z");
    assert.throws(() => planningNow({ NICSRS_NOW: "soon" }), /NICSRS_NOW is not an ISO date/);
    assert.ok(Math.abs(planningNow({}).getTime() - Date.now()) < 1000);
  });
});

// Money under faults, counted at the CA (the simulator's own orders, charges and call counters):
// a place answered after the client's timeout, a lost place whose refId lookup is lost too, and
// inputs edited between that failed run and the next. Every order the resource placed must end
// in its state or be cancelled (refunded).
import { strict as assert } from "node:assert";
import * as impl from "../../provider/cert-impl";
import { DEFAULT_TIMEOUT_MS } from "../../sdk/nicsrs";
import { baseInputs } from "./fixtures";
import { Host, useSimulator, type Props } from "./harness";

const cert = new Host(impl);
let seedCounter = 0;

describe("provider: money under faults (simulator counts)", function () {
  this.timeout(120_000);
  const h = useSimulator();
  const admin = () => h.sim.admin;

  /** What `pulumi up` does for a resource not in state: check (no old inputs), then create. */
  async function up(news: Props) {
    const checked = await cert.check({}, news);
    assert.deepEqual(checked.failures, []);
    return cert.create(checked.inputs);
  }

  async function ordersOf(refIdPrefix: string) {
    return (await admin().orders()).filter((o) => String(o.refId ?? "").startsWith(refIdPrefix));
  }
  const cents = (x: number) => Math.round(x * 100);
  const charged = (o: { amountPaid: number; refunded?: number }) => cents(o.amountPaid - (o.refunded ?? 0));
  const spentSince = async (credit: number) => cents(credit - (await admin().credit()));

  beforeEach(async () => {
    await admin().clearFaults();
    await admin().resetCalls();
  });

  it(`place answered after the client's timeout (${DEFAULT_TIMEOUT_MS / 1000} s; the CA processes at 35 s): recovered in the same run — one order, one charge, never "not placed"`, async () => {
    const news = { ...baseInputs(), refIdSeed: `money/late-${++seedCounter}-${Date.now()}` };
    const credit = await admin().credit();
    await admin().injectFault({ endpoint: "place", latencyMs: 35_000 });
    const { id, outs } = await up(news);
    const orders = await ordersOf(String(outs.refId));
    assert.equal(orders.length, 1, "one order at the CA");
    assert.equal(orders[0]!.certId, id);
    assert.equal(outs.status, "PENDING");
    assert.equal(await spentSince(credit), charged(orders[0]!), "one charge");
    const calls = await h.calls();
    assert.equal(calls.place, 1, "place was sent once");
    assert.ok(calls.getCertByRefId >= 3, `the refId was looked up again until the late order showed up (${calls.getCertByRefId} lookups)`);
  });

  it("lost place + lost lookup, then a domain added before the next up: the first order is found, cancelled (refunded), ordered anew — one charge", async () => {
    const news: Props = { ...baseInputs(), refIdSeed: `money/edit-${++seedCounter}-${Date.now()}` };
    const credit = await admin().credit();
    await admin().injectFault({ endpoint: "place", drop: "after", then: { endpoint: "getCertByRefId", status: 503, times: 1000 } });
    const err = await up(news).then(
      () => assert.fail("the first up must fail"),
      (e: Error) => e,
    );
    assert.doesNotMatch(err.message, /not placed/);
    assert.match(err.message, /outcome is unknown: NicSRS may have taken the place/);
    assert.match(err.message, /Looking it up by refId failed too/);
    assert.match(err.message, /That order is in no stack state: the next `pulumi up` that creates this Certificate looks up refId "pulumi-[0-9a-f]{24}" .* whatever inputs you edit meanwhile/);
    const refId = /refId "(pulumi-[0-9a-f]{24})"/.exec(err.message)![1]!;
    const [first] = await ordersOf(refId);
    assert.ok(first, "the CA took (and charged) the first order");
    assert.equal(first.status, "PENDING");
    await admin().clearFaults();

    // The user adds a domain and runs up again.
    const edited = { ...news, domains: [...(news.domains as string[]), "shop.example.com"] };
    const { id, outs } = await up(edited);
    assert.equal(outs.refId, `${refId}-2`);
    assert.equal((await admin().order(first.certId)).status, "CANCELLED", "the orphan candidate was cancelled");
    const orders = await ordersOf(refId);
    assert.equal(orders.length, 2);
    const live = orders.filter((o) => o.status !== "CANCELLED");
    assert.deepEqual(live.map((o) => o.certId), [id], "the only live order is the one in state");
    assert.deepEqual(live[0]!.domains.map((d) => d.domainName).sort(), ["api.example.com", "shop.example.com", "www.example.com"]);
    assert.equal(await spentSince(credit), charged(live[0]!), "net one charge: the first order was refunded");
    assert.equal(orders.reduce((n, o) => n + charged(o), 0), charged(live[0]!));
    assert.ok(h.progress.some((l) => l.includes(first.certId) && /cancelling it \(refunded\)/.test(l)));
  });

  it("lost place + lost lookup, the order issued meanwhile, domains edited: the issued order is kept and listed in unclaimedCertIds (not orphaned)", async () => {
    const news = { ...baseInputs(), refIdSeed: `money/issued-${++seedCounter}-${Date.now()}` };
    await admin().injectFault({ endpoint: "place", drop: "after", then: { endpoint: "getCertByRefId", status: 503, times: 1000 } });
    const err = await up(news).then(
      () => assert.fail("the first up must fail"),
      (e: Error) => e,
    );
    const refId = /refId "(pulumi-[0-9a-f]{24})"/.exec(err.message)![1]!;
    await admin().clearFaults();
    const [first] = await ordersOf(refId);
    await admin().approveDcv(first!.certId);
    await admin().order(first!.certId);
    await h.sim.admin.resetCalls();

    const edited = { ...news, domains: ["www.example.com"] };
    const { id, outs } = await up(edited);
    assert.notEqual(id, first!.certId);
    assert.deepEqual(outs.unclaimedCertIds, [first!.certId], "the paid, issued order is in the resource's state");
    assert.equal((await h.calls()).cancel ?? 0, 0, "an issued certificate is not cancelled automatically");
    const orders = await ordersOf(refId);
    for (const o of orders) {
      const inState = o.certId === outs.certId || (outs.unclaimedCertIds as string[]).includes(o.certId);
      assert.ok(inState || o.status === "CANCELLED", `order ${o.certId} (${o.status}) is neither in state nor cancelled`);
    }
    assert.ok(h.progress.some((l) => l.includes(first!.certId) && /kept at the CA/.test(l)));
  });

  it("the same inputs after a lost place + lost lookup: the order is found under the same refId (no second charge for the same order)", async () => {
    const news = { ...baseInputs(), refIdSeed: `money/same-${++seedCounter}-${Date.now()}`, keySource: "ca" };
    const credit = await admin().credit();
    await admin().injectFault({ endpoint: "place", drop: "after", then: { endpoint: "getCertByRefId", status: 503, times: 1000 } });
    await assert.rejects(up(news), /outcome is unknown/);
    await admin().clearFaults();
    const { id, outs } = await up(news);
    const orders = await ordersOf(String(outs.refId));
    assert.deepEqual(orders.map((o) => o.certId), [id], "adopted: the CA-made key survives a failed run");
    assert.equal(await spentSince(credit), charged(orders[0]!));
    assert.equal((await h.calls()).place, 1);
  });
});

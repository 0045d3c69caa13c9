// Issues 8.6 / 10.4 against the simulator: a re-run that finds its paid order says it took it over
// (and lastAction keeps it); create and delete say what they did at the CA.
import { strict as assert } from "node:assert";
import * as impl from "../../provider/cert-impl";
import { baseInputs } from "./fixtures";
import { Host, useSimulator, type Props } from "./harness";

const cert = new Host(impl);

describe("provider: money decisions are said (issues 8.6, 10.4)", function () {
  this.timeout(60_000);
  const h = useSimulator();
  const inputs = (over: Props = {}) => ({ ...baseInputs(), refIdSeed: `test/money/${Date.now()}-${Math.random()}`, ...over });

  it("a second create of the same resource takes the paid order over, says so, and records it in lastAction", async () => {
    const news = inputs({ keySource: "ca" });
    const first = await cert.create(news);
    assert.match(String(first.outs.lastAction), /^new order \(paid: positivessl-multi-domain, 1 year\)$/);
    h.progress.length = 0;
    await h.sim.admin.resetCalls();
    const again = await cert.create(news); // e.g. the first run's answer never reached the engine
    assert.equal(again.id, first.id);
    assert.equal((await h.calls()).place ?? 0, 0, "no second order");
    assert.match(h.progress.join("\n"), new RegExp(`order ${first.id} \\(refId \\S+, PENDING\\) already exists at the CA, placed and paid by an earlier run of this resource: taking it over instead of buying a new one`));
    assert.match(String(again.outs.lastAction), new RegExp(`^took over existing paid order ${first.id} \\(refId \\S+\\) instead of buying a new one$`));
  });

  it("check prints the plan of a create; delete prints what it did", async () => {
    h.progress.length = 0;
    const news = inputs({ years: 2 });
    await cert.check({}, news);
    assert.match(h.progress.join("\n"), /Certificate www\.example\.com: plan: new order \(paid: positivessl-multi-domain, 2 years\)/);
    const { id, outs } = await cert.create(news);
    h.progress.length = 0;
    await cert.delete(id, outs);
    assert.match(h.progress.join("\n"), new RegExp(`${id}: cancelled at the CA before issuance \\(refunded\\) \\(deletePolicy cancelPending\\)`));
    assert.equal((await h.sim.admin.order(id)).status, "CANCELLED");
  });
});

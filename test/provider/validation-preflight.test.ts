// The DCV pre-flight, the adaptive wait, CAA before paying and waits that survive transient errors,
// through the provider's methods against the lab: real PowerDNS servers (sub.example.test delegated
// from example.test to two servers) and the simulator, whose VA walks the same delegation.
import { strict as assert } from "node:assert";
import * as impl from "../../provider/cert-impl";
import * as validation from "../../provider/validation-impl";
import { resetCredentials } from "../../provider/credentials";
import { setProgressSink } from "../../provider/poll";
import { setRrSets } from "../../scripts/dns/powerdns";
import { LAB_SUB_ZONE, LAB_TOKEN, startLab, type Lab } from "../../scripts/engine/lab";
import { baseInputs } from "./fixtures";
import { Host, type Props } from "./harness";

const cert = new Host(impl);
const val = new Host(validation);
let n = 0;

const ENV = ["NICSRS_DNS_CHECK", "NICSRS_DNS_RESOLVERS", "NICSRS_DNS_NAMESERVERS", "NICSRS_POLL_FAST_MS", "NICSRS_POLL_SLOW_MS", "NICSRS_DNS_CHECK_MS", "NICSRS_POLL_MIN_MS", "NICSRS_POLL_MAX_MS", "NICSRS_NOW"];

describe("provider: DCV pre-flight, adaptive wait, CAA check (lab DNS with a delegated zone)", function () {
  this.timeout(120_000);
  let lab: Lab;
  const progress: string[] = [];
  const saved: Record<string, string | undefined> = {};
  let oldSink: ((l: string) => void) | undefined;

  before(async function () {
    this.timeout(120_000);
    lab = await startLab({ delegatedZone: true });
    await resetCredentials();
    const config: Record<string, string> = { "nicsrs:apiToken": LAB_TOKEN, "nicsrs:endpoint": lab.simulator.url };
    await validation.configure({ config: { get: (k: string) => config[k] } });
    oldSink = setProgressSink((l) => progress.push(l));
    for (const k of ENV) saved[k] = process.env[k];
    Object.assign(process.env, lab.dnsEnv, { NICSRS_DNS_CHECK: "on", NICSRS_POLL_FAST_MS: "50", NICSRS_POLL_SLOW_MS: "400", NICSRS_DNS_CHECK_MS: "50", NICSRS_POLL_MIN_MS: "20" });
    delete process.env.NICSRS_POLL_MAX_MS;
    delete process.env.NICSRS_NOW;
  });
  after(async () => {
    if (oldSink) setProgressSink(oldSink);
    for (const k of ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await resetCredentials();
    await lab?.stop();
  });
  beforeEach(async () => {
    progress.length = 0;
    await lab.simulator.admin.resetCalls();
    await lab.simulator.admin.clearFaults();
  });

  const inputs = (labels: string[], over: Props = {}): Props => ({
    ...baseInputs(),
    productCode: "positivessl-multi-domain",
    domains: labels.map((l) => `${l}.${LAB_SUB_ZONE}`),
    refIdSeed: `test/preflight-${++n}-${Date.now()}`,
    ...over,
  });
  type Rec = { domain: string; name: string; type: string; value: string };
  const records = (outs: Props) => outs.dcvRecords as Rec[];
  const publish = async (servers: number[], name: string, value: string) => {
    for (const i of servers) await setRrSets(lab.subDns[i], LAB_SUB_ZONE, [{ name, type: "CNAME", contents: [`${value}.`] }]);
  };

  it("a mistyped record: the timeout error names the domain, the expected and the seen value", async () => {
    const c = await cert.create(inputs(["good", "typo"]));
    const [good, typo] = ["good", "typo"].map((l) => records(c.outs).find((r) => r.domain.startsWith(`${l}.`))!);
    const mistyped = `x${typo.value.slice(1)}`;
    await publish([0, 1], good.name, good.value);
    await publish([0, 1], typo.name, mistyped);
    await assert.rejects(val.create({ certId: c.id, timeoutMinutes: 0.03 }), (e: Error) => {
      assert.match(e.message, new RegExp(`certificate order ${c.id} was not issued within 0.03 minutes \\(status PENDING\\)`));
      assert.ok(e.message.includes(`typo.${LAB_SUB_ZONE}: CNAME ${typo.name} has the wrong value: expected ${typo.value}, seen ${mistyped.toLowerCase()}`), e.message);
      assert.ok(!e.message.includes(`good.${LAB_SUB_ZONE}:`), "the domain the CA validated is not listed");
      return true;
    });
    assert.equal((await lab.simulator.admin.order(c.id)).status, "PENDING");
  });

  it("a record on 1 of 2 authoritative servers is reported so, and the order issues once both have it", async () => {
    const c = await cert.create(inputs(["slow"]));
    const rec = records(c.outs)[0];
    await publish([1], rec.name, rec.value); // ns2 has it, ns1 (asked first by the CA) not yet
    const waiting = val.create({ certId: c.id, timeoutMinutes: 1 });
    for (let i = 0; i < 200 && !progress.some((l) => l.includes("present at 1 of 2")); i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(progress.some((l) => l.includes(`slow.${LAB_SUB_ZONE}: CNAME ${rec.name} present at 1 of 2 authoritative servers (not yet at ns1.${LAB_SUB_ZONE}`)), progress.join("\n"));
    await publish([0], rec.name, rec.value);
    const { outs } = await waiting;
    assert.equal(outs.status, "COMPLETE");
    assert.ok(progress.some((l) => l.includes("every DCV record is visible now")), progress.join("\n"));
  });

  it("email DCV: the progress says a person must click, and which mailbox", async () => {
    const c = await cert.create(inputs(["mail"], { dcvMethod: "EMAIL", dcvEmail: `admin@mail.${LAB_SUB_ZONE}` }));
    await assert.rejects(val.create({ certId: c.id, timeoutMinutes: 0.01 }), /a person must click the approval link the CA sent to admin@mail\.sub\.example\.test/);
    assert.ok(progress.some((l) => l.includes("a person must click")), progress.join("\n"));
  });

  it("CAA forbidding the product's CA: create fails before paying (0 place calls); allowing it: the order is placed", async () => {
    for (const s of lab.subDns) await setRrSets(s, LAB_SUB_ZONE, [{ name: LAB_SUB_ZONE, type: "CAA", contents: ['0 issue "letsencrypt.org"'] }]);
    try {
      await assert.rejects(cert.create(inputs(["caa"])), (e: Error) => {
        assert.match(e.message, /CAA records forbid Sectigo, the CA of product positivessl-multi-domain, to issue for caa\.sub\.example\.test: CAA at sub\.example\.test allows only letsencrypt\.org/);
        assert.match(e.message, /No order was placed/);
        return true;
      });
      const calls = await lab.simulator.admin.calls();
      assert.equal(calls.place ?? 0, 0);
      for (const s of lab.subDns) await setRrSets(s, LAB_SUB_ZONE, [{ name: LAB_SUB_ZONE, type: "CAA", contents: ['0 issue "letsencrypt.org"', '0 issue "sectigo.com"'] }]);
      const ok = await cert.create(inputs(["caa2"]));
      assert.equal(ok.outs.status, "PENDING");
      assert.equal((await lab.simulator.admin.calls()).place, 1);
    } finally {
      for (const s of lab.subDns) await setRrSets(s, LAB_SUB_ZONE, [{ name: LAB_SUB_ZONE, type: "CAA", contents: [] }]);
    }
  });

  it("the simulator's CA refuses to issue while CAA forbids it, even with DCV in place", async () => {
    const c = await cert.create(inputs(["caasim"]));
    const rec = records(c.outs)[0];
    await publish([0, 1], rec.name, rec.value);
    for (const s of lab.subDns) await setRrSets(s, LAB_SUB_ZONE, [{ name: `caasim.${LAB_SUB_ZONE}`, type: "CAA", contents: ['0 issue ";"'] }]);
    try {
      await assert.rejects(val.create({ certId: c.id, timeoutMinutes: 0.01 }), /was not issued/);
      assert.match((await lab.simulator.admin.order(c.id)).domains[0].lastCheck ?? "", /CAA forbids issuance: CAA at caasim\.sub\.example\.test allows only ";" \(no CA\)/);
    } finally {
      for (const s of lab.subDns) await setRrSets(s, LAB_SUB_ZONE, [{ name: `caasim.${LAB_SUB_ZONE}`, type: "CAA", contents: [] }]);
    }
  });

  it("a validation keeps waiting through 5xx answers (more than the client's 5 attempts) and completes", async () => {
    const c = await cert.create(inputs(["flaky"]));
    const rec = records(c.outs)[0];
    await publish([0, 1], rec.name, rec.value);
    await lab.simulator.admin.injectFault({ endpoint: "collect", status: 503, times: 7 });
    const { outs } = await val.create({ certId: c.id, timeoutMinutes: 2 });
    assert.equal(outs.status, "COMPLETE");
    assert.ok((await lab.simulator.admin.calls()).collect >= 8);
    assert.ok(progress.some((l) => /collect .* failed .*asking again/.test(l)), progress.join("\n"));
  });

  it("Certificate.waitForIssuance keeps waiting through 5xx answers and completes", async () => {
    await lab.simulator.admin.injectFault({ endpoint: "collect", status: 503, times: 7 });
    const domain = `flaky2.${LAB_SUB_ZONE}`;
    let stop = false;
    const approver = (async () => {
      while (!stop) {
        const o = (await lab.simulator.admin.orders()).find((x) => x.domains[0]?.domainName === domain && x.status === "PENDING" && !x.domains[0].verified);
        if (o) await lab.simulator.admin.approveDcv(o.certId);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    try {
      const c = await cert.create(inputs(["flaky2"], { waitForIssuance: true, waitTimeoutMinutes: 2 }));
      assert.equal(c.outs.status, "COMPLETE");
      assert.match(String(c.outs.certificatePem), /BEGIN CERTIFICATE/);
    } finally {
      stop = true;
      await approver;
    }
    assert.ok(progress.some((l) => /collect .* failed/.test(l)), progress.join("\n"));
  });
});

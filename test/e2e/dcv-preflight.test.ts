// Issue 10 through the real Pulumi CLI: the lab's delegated zone (two authoritative PowerDNS servers
// behind example.test), the simulator's VA walking the same delegation, test/e2e/dcv-program.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { DnsResolver, parseServer } from "../../sdk/dns";
import { setRrSets } from "../../scripts/dns/powerdns";
import { LAB_SUB_ZONE } from "../../scripts/engine/lab";
import { challengeFor } from "../../simulator/va/challenges";
import { EngineHarness, LAB_TOKEN } from "./stack-harness";
import { startLab } from "../../scripts/engine/lab";

const PROGRAM = join(__dirname, "dcv-program");
const SLOW_MS = 3000;
const FAST_MS = 300;

class DcvHarness extends EngineHarness {
  override async start(): Promise<void> {
    await super.start();
    await this.lab.stop();
    this.lab = await startLab({ delegatedZone: true });
  }
  override env(): Record<string, string> {
    return { ...super.env(), NICSRS_POLL_FAST_MS: String(FAST_MS), NICSRS_POLL_SLOW_MS: String(SLOW_MS), NICSRS_DNS_CHECK_MS: String(FAST_MS) };
  }
  async dcvStack(name: string, certificates: unknown[], servers: number[]): Promise<Stack> {
    const stack = await LocalWorkspace.createOrSelectStack({ stackName: name, workDir: PROGRAM }, { pulumiCommand: this.command, envVars: this.env() });
    const apis = servers.map((i) => ({ apiUrl: this.lab.subDns[i].apiUrl, apiKey: this.lab.subDns[i].apiKey }));
    await stack.setAllConfig({
      "nicsrs:endpoint": { value: this.lab.simulator.url },
      "nicsrs:apiToken": { value: LAB_TOKEN, secret: true },
      "dcv:zone": { value: LAB_SUB_ZONE },
      "dcv:dnsApis": { value: JSON.stringify(apis), secret: true },
      "dcv:dnsApiCount": { value: String(apis.length) },
      "dcv:certificates": { value: JSON.stringify(certificates) },
    });
    return stack;
  }
}

const errorText = (e: unknown) => String((e as { message?: string }).message ?? e);

describe("e2e: DCV pre-flight, CAA before paying, adaptive polling (delegated lab zone)", function () {
  this.timeout(15 * 60_000);
  const h = new DcvHarness();
  before(async function () {
    this.timeout(40 * 60_000);
    await h.start();
  });
  after(() => h.stop());
  beforeEach(() => h.lab.simulator.admin.resetCalls());

  it("a mistyped record: up fails with the domain, the expected and the seen value", async () => {
    const stack = await h.dcvStack("typo", [{ name: "typo", domains: [`typo.${LAB_SUB_ZONE}`], mistype: true, timeoutMinutes: 0.1 }], [0, 1]);
    const err = await stack.up({ onOutput: h.record }).then(
      () => assert.fail("up should fail"),
      (e: unknown) => errorText(e),
    );
    const m = /typo\.sub\.example\.test: CNAME (_[0-9A-F]+\.typo\.sub\.example\.test) has the wrong value: expected ([0-9A-Za-z.]+\.sectigo\.com), seen ([0-9a-z.]+\.sectigo\.com)/.exec(err);
    assert.ok(m, err.slice(-3000));
    assert.equal(m[3], `x${m[2].slice(1)}`.toLowerCase(), "seen is the mistyped value");
    assert.match(err, /was not issued within 0\.1 minutes/);
  });

  it("CAA forbidding the CA: create fails and the simulator saw no place call", async () => {
    for (const s of h.lab.subDns) await setRrSets(s, LAB_SUB_ZONE, [{ name: LAB_SUB_ZONE, type: "CAA", contents: ['0 issue "digicert.com"'] }]);
    try {
      const stack = await h.dcvStack("caa", [{ name: "caa", domains: [`caa.${LAB_SUB_ZONE}`], timeoutMinutes: 1 }], [0, 1]);
      const err = await stack.up({ onOutput: h.record }).then(
        () => assert.fail("up should fail"),
        (e: unknown) => errorText(e),
      );
      assert.match(err, /CAA records forbid Sectigo, the CA of product positivessl-multi-domain, to issue for caa\.sub\.example\.test: CAA at sub\.example\.test allows only digicert\.com/);
      const calls = await h.callsSinceReset();
      assert.equal(calls.place ?? 0, 0, JSON.stringify(calls));
      assert.equal((await h.lab.simulator.admin.orders()).filter((o) => o.domains[0]?.domainName === `caa.${LAB_SUB_ZONE}`).length, 0);
    } finally {
      for (const s of h.lab.subDns) await setRrSets(s, LAB_SUB_ZONE, [{ name: LAB_SUB_ZONE, type: "CAA", contents: [] }]);
    }
  });

  it("a record that reaches the second authoritative server late: issued, with at most the budgeted collect calls", async () => {
    const domain = `prop.${LAB_SUB_ZONE}`;
    // The program writes to ns2 only; ns1 (which the CA asks) gets the record LAG_MS later.
    const stack = await h.dcvStack("prop", [{ name: "prop", domains: [domain], timeoutMinutes: 3 }], [1]);
    const up = stack.up({ onOutput: h.record });
    const ns2 = new DnsResolver({ resolvers: [h.lab.subDns[1].dnsAddress] });
    let published: { name: string; value: string; certId: string } | undefined;
    for (let i = 0; i < 1200 && !published; i++) {
      const o = (await h.lab.simulator.admin.orders()).find((x) => x.domains[0]?.domainName === domain);
      if (o) {
        const dns = challengeFor("sectigo-csr-hash", o, o.domains[0]).dns;
        const seen = await ns2.ask(parseServer(h.lab.subDns[1].dnsAddress), dns.name, "CNAME");
        if (seen.answers.length > 0) published = { name: dns.name, value: dns.value, certId: o.certId };
      }
      if (!published) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(published, "the program published the record on ns2");
    const lagStart = Date.now();
    await new Promise((r) => setTimeout(r, 10_000));
    await setRrSets(h.lab.subDns[0], LAB_SUB_ZONE, [{ name: published.name, type: "CNAME", contents: [`${published.value}.`] }]);
    const lagMs = Date.now() - lagStart;
    const result = await up;
    assert.equal((result.outputs.certificates.value as Record<string, { status: string }>).prop.status, "COMPLETE");
    const order = await h.lab.simulator.admin.order(published.certId);
    assert.equal(order.status, "COMPLETE");
    // Slow (SLOW_MS, jitter down to 0.9x) while the record is on 1 of 2 servers, then a few fast ones;
    // polling at the fast interval throughout would have made about lagMs / FAST_MS.
    const budget = Math.ceil(lagMs / (0.9 * SLOW_MS)) + 4;
    assert.ok(order.collects <= budget, `${order.collects} collects, budget ${budget} for a ${lagMs} ms lag`);
    assert.ok(order.collects < lagMs / FAST_MS / 2, `${order.collects} collects is not the fast schedule`);
  });
});

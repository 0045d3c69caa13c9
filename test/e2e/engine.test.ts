// The product as users run it: the real Pulumi CLI (Automation API), the nodejs language host,
// the dynamic-provider host, the NicSRS simulator and a real DNS server.
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import {
  EngineHarness,
  killPluginsStartedSince,
  LAB_TOKEN,
  LAB_ZONE,
  MUTATING_ENDPOINTS,
  pluginPids,
  PROGRAM_DIR,
  setProviderNow,
  sumCalls,
} from "./stack-harness";

type CertOut = { id: string; certId: string; status: string; notAfter?: string; serialNumber?: string; certificatePem?: string };
const certOutputs = (outputs: Record<string, { value: unknown }>) => outputs.certificates.value as Record<string, CertOut>;
const domain = (label: string) => `${label}.${LAB_ZONE}`;
const DAY = 86_400_000;

describe("e2e: pulumi engine against the simulator", function () {
  this.timeout(15 * 60_000);
  const h = new EngineHarness();

  before(async function () {
    this.timeout(40 * 60_000); // a first run may build the CLI from Go modules
    await h.start();
  });
  after(() => h.stop());
  beforeEach(() => h.lab.simulator.admin.resetCalls());

  it("preview of a fresh stack makes no CA call", async () => {
    const stack = await h.stack("preview", [{ name: "web", domains: [domain("www"), domain("api")] }]);
    const preview = await stack.preview({ onOutput: h.record });
    assert.equal(preview.changeSummary.create! >= 4, true, JSON.stringify(preview.changeSummary));
    assert.equal(sumCalls(await h.callsSinceReset()), 0);
  });

  it("up issues through DNS validation; a second up changes nothing and makes no mutating call", async () => {
    const stack = await h.stack("issue", [{ name: "site", domains: [domain("site"), domain("shop")] }]);
    const up = await stack.up({ onOutput: h.record });
    const cert = certOutputs(up.outputs).site;
    assert.match(cert.certificatePem ?? "", /BEGIN CERTIFICATE/);
    const order = await h.lab.simulator.admin.order(cert.certId);
    assert.equal(order.status, "COMPLETE");

    await h.lab.simulator.admin.resetCalls();
    const again = await stack.up({ onOutput: h.record });
    const changes = Object.entries(again.summary.resourceChanges ?? {}).filter(([op]) => op !== "same");
    assert.deepEqual(changes, []);
    assert.equal(sumCalls(await h.callsSinceReset(), MUTATING_ENDPOINTS), 0);
  });

  it("components nested two deep, each holding Certificate + DNS records + CertificateValidation: up completes; two children named \"cert\" get their own refIds", async () => {
    const stack = await h.stack("components", [
      { name: "cert", domains: [domain("comp-a"), domain("comp-a2")], parents: [{ type: "e2e:test:Site", name: "site-a" }, { type: "e2e:test:Tier", name: "tier" }] },
      { name: "cert", domains: [domain("comp-b")], parents: [{ type: "e2e:test:Shop", name: "site-b" }] },
    ]);
    const up = await stack.up({ onOutput: h.record });
    const certs = certOutputs(up.outputs);
    const a = certs["site-a/tier/cert"]!;
    const b = certs["site-b/cert"]!;
    for (const cert of [a, b]) {
      assert.match(cert.certificatePem ?? "", /BEGIN CERTIFICATE/, "validated and issued under its component");
      assert.equal((await h.lab.simulator.admin.order(cert.certId)).status, "COMPLETE");
    }
    const refIdA = (await h.lab.simulator.admin.order(a.certId)).refId;
    const refIdB = (await h.lab.simulator.admin.order(b.certId)).refId;
    assert.ok(refIdA && refIdB && refIdA !== refIdB, `${refIdA} vs ${refIdB}`);

    // The seed names the parent's URN exactly as the engine made it (two levels of component types).
    type StateResource = { urn: string; type: string; parent?: string; inputs?: Record<string, unknown> };
    const resources = ((await stack.exportStack()).deployment as { resources: StateResource[] }).resources;
    const certificates = resources.filter((r) => r.type === "pulumi-nodejs:dynamic/nicsrs:Certificate");
    assert.equal(certificates.length, 2);
    for (const r of certificates) {
      assert.ok(r.parent && !r.parent.endsWith("::pulumi:pulumi:Stack"), `parented: ${r.urn}`);
      assert.equal(r.inputs?.refIdSeed, `nicsrs-e2e/components/${r.parent}/cert`);
    }
    assert.ok(certificates.some((r) => r.parent!.includes("e2e:test:Site$e2e:test:Tier::tier")), "two levels deep");

    await h.lab.simulator.admin.resetCalls();
    const again = await stack.up({ onOutput: h.record });
    assert.deepEqual(Object.entries(again.summary.resourceChanges ?? {}).filter(([op]) => op !== "same"), []);
    assert.equal(sumCalls(await h.callsSinceReset(), MUTATING_ENDPOINTS), 0);
  });

  it("refresh after a CA-side revoke shows the drift and records it", async () => {
    const stack = await h.stack("drift", [{ name: "drifty", domains: [domain("drift")] }]);
    const up = await stack.up({ onOutput: h.record });
    const cert = certOutputs(up.outputs).drifty;
    await h.lab.simulator.admin.caRevoke(cert.certId);
    const refresh = await stack.refresh({ onOutput: h.record });
    assert.ok((refresh.summary.resourceChanges?.update ?? 0) >= 1, JSON.stringify(refresh.summary.resourceChanges));
    const state = JSON.stringify(await stack.exportStack());
    assert.match(state, /"status":\s*"REVOKED"/);
  });

  it("reissues inside the subscription and renews near its end, re-running DNS validation", async () => {
    const stack = await h.stack("renewal", [{ name: "renewing", domains: [domain("renew"), domain("renew2")], years: 1 }]);
    const first = certOutputs((await stack.up({ onOutput: h.record })).outputs).renewing;
    const start = Date.parse(await h.lab.simulator.admin.clock());

    // 180 days on: inside the 30-day window before the 200-day file ends, subscription (365 d) continues.
    const reissueAt = new Date(start + 180 * DAY).toISOString();
    await h.lab.simulator.admin.setClock(reissueAt);
    setProviderNow(stack, reissueAt);
    const preview = await stack.preview({ onOutput: h.record });
    assert.ok((preview.changeSummary.update ?? 0) >= 1, JSON.stringify(preview.changeSummary));
    await h.lab.simulator.admin.resetCalls();
    const reissued = certOutputs((await stack.up({ onOutput: h.record })).outputs).renewing;
    const reissueCalls = await h.callsSinceReset();
    assert.equal(reissueCalls.reissue, 1);
    assert.equal(reissueCalls.renew ?? 0, 0);
    assert.notEqual(reissued.certId, first.certId);
    assert.equal(reissued.id, first.id, "the resource id stays the first certId");
    assert.notEqual(reissued.serialNumber, first.serialNumber);
    assert.ok(Date.parse(reissued.notAfter!) > Date.parse(first.notAfter!));

    // 340 days on: the reissued file ends with the subscription (day 365), inside the renewal
    // window, and the subscription ends within 90 days -> renew (new subscription).
    const renewAt = new Date(start + 340 * DAY).toISOString();
    await h.lab.simulator.admin.setClock(renewAt);
    setProviderNow(stack, renewAt);
    await h.lab.simulator.admin.resetCalls();
    const renewed = certOutputs((await stack.up({ onOutput: h.record })).outputs).renewing;
    assert.equal((await h.callsSinceReset()).renew, 1);
    assert.notEqual(renewed.certId, reissued.certId);
    assert.equal((await h.lab.simulator.admin.order(renewed.certId)).status, "COMPLETE");
    setProviderNow(stack, undefined);
    await h.lab.simulator.admin.setClock(new Date(start).toISOString());
  });

  it("adopts an order placed outside Pulumi, then shows no diff", async () => {
    const placed = await h.stack("adopt-source", [{ name: "outside", domains: [domain("adopt")], deletePolicy: "retain" }]);
    const outside = certOutputs((await placed.up({ onOutput: h.record })).outputs).outside;
    await placed.workspace.removeStack("adopt-source", { force: true });

    const stack = await h.stack("adopt", [{ name: "adopted", domains: [domain("adopt")], certId: outside.certId }]);
    await h.lab.simulator.admin.resetCalls();
    const adopted = certOutputs((await stack.up({ onOutput: h.record })).outputs).adopted;
    assert.equal((await h.callsSinceReset()).place ?? 0, 0);
    assert.equal(adopted.certId, outside.certId);
    const preview = await stack.preview({ onOutput: h.record });
    assert.equal(preview.changeSummary.update ?? 0, 0);
    assert.equal(preview.changeSummary.create ?? 0, 0);
  });

  it("destroy follows each deletePolicy", async () => {
    const stack = await h.stack("destroy", [
      { name: "pending", domains: [domain("pending")], validate: false },
      { name: "kept", domains: [domain("kept")], deletePolicy: "retain" },
      { name: "cancelled", domains: [domain("cancelled")], deletePolicy: "cancel" },
      { name: "revoked", domains: [domain("revoked")], deletePolicy: "revoke" },
    ]);
    const out = certOutputs((await stack.up({ onOutput: h.record })).outputs);
    await stack.destroy({ onOutput: h.record });
    const status = async (name: string) => (await h.lab.simulator.admin.order(out[name].certId)).status;
    assert.equal(await status("pending"), "CANCELLED");
    assert.equal(await status("kept"), "COMPLETE");
    assert.equal(await status("cancelled"), "CANCELLED");
    assert.equal(await status("revoked"), "REVOKED");
  });

  it("stack export without --show-secrets holds no token, private key or PFX password", async () => {
    const stack = await h.stack("secrets", [{ name: "secretive", domains: [domain("secret")] }]);
    await stack.up({ onOutput: h.record });
    const exported = await h.exportWithoutSecrets("secrets");
    assert.match(exported, /"secretive"/, "the export holds the stack's resources");
    assert.ok(!exported.includes(LAB_TOKEN), "API token in state");
    assert.ok(!/PRIVATE KEY/.test(exported), "private key in state");
    for (const order of await h.lab.simulator.admin.orders()) {
      if (order.pkcsPass) assert.ok(!exported.includes(order.pkcsPass), "PFX password in state");
    }
    assert.ok(!h.transcript.join("").includes(LAB_TOKEN), "API token in engine output");
  });

  it("a CLI killed during create leaves one live order and one charge after the next up", async () => {
    const stack = await h.stack("interrupted", [{ name: "interrupted", domains: [domain("interrupted")] }]);
    const creditBefore = await h.lab.simulator.admin.credit();
    const pluginsBefore = pluginPids(PROGRAM_DIR);
    const cli = spawn(h.command.command, ["up", "--yes", "--skip-preview", "--stack", "interrupted", "--non-interactive"], {
      cwd: PROGRAM_DIR,
      env: { ...process.env, ...h.env() },
      stdio: "ignore",
      detached: true,
    });
    const exited = new Promise((resolve) => cli.once("exit", resolve));
    const deadline = Date.now() + 120_000;
    while (((await h.callsSinceReset()).place ?? 0) < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal((await h.callsSinceReset()).place, 1, "the killed run placed its order");
    process.kill(-cli.pid!, "SIGKILL");
    await exited;
    killPluginsStartedSince(pluginsBefore, PROGRAM_DIR);

    // A killed run leaves its lock (pulumi cancel removes it) and may leave a pending create in the
    // state, which refresh --clear-pending-creates drops, as Pulumi asks.
    await stack.cancel();
    await stack.refresh({ onOutput: h.record, clearPendingCreates: true });
    const up = await stack.up({ onOutput: h.record });
    const cert = certOutputs(up.outputs).interrupted;
    const orders = (await h.lab.simulator.admin.orders()).filter((o) => o.domains.some((d) => d.domainName === domain("interrupted")));
    const live = orders.filter((o) => o.status !== "CANCELLED");
    assert.equal(live.length, 1, `orders: ${orders.map((o) => `${o.certId}:${o.status}`).join(", ")}`);
    assert.equal(cert.certId, live[0].certId);
    const charged = creditBefore - (await h.lab.simulator.admin.credit());
    assert.ok(Math.abs(charged - live[0].amountPaid) < 0.005, `charged ${charged} for one order of ${live[0].amountPaid}`);
  });

  it("bad input fails preview naming the field, with no CA call", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: "bad-domain", domains: ["exa mple.test"] }, /domains/],
      [{ name: "bad-years", domains: [domain("years")], years: 9 }, /years/],
      [{ name: "bad-email", domains: [domain("mail")], dcvMethod: "EMAIL", dcvEmail: "ceo@example.test", validate: false }, /dcvEmail|mailbox|admin@/],
    ];
    for (const [spec, field] of cases) {
      const stack = await h.stack(`bad-${spec.name as string}`, [spec as never]);
      await assert.rejects(stack.preview({ onOutput: h.record }), (err: Error) => field.test(err.message));
    }
    assert.equal(sumCalls(await h.callsSinceReset()), 0);
  });
});

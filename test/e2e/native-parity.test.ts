// One scenario through both hosts against the simulator: the dynamic provider (TypeScript program)
// and the native plugin (YAML program) declare the same Certificate and CertificateValidation; up,
// refresh and destroy must make the same CA calls and leave the same outputs. Also measures the
// state each host stores per Certificate.
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { administrator } from "../provider/fixtures";
import { LAB_TOKEN, LAB_ZONE } from "../../scripts/engine/lab";
import { YamlHarness } from "./yaml-harness";

type Resource = { type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };

const PARITY_PROGRAM_DIR = join(__dirname, "parity-program");
const domains = (stack: string) => [`${stack}-a.${LAB_ZONE}`, `${stack}-b.${LAB_ZONE}`];

/** Calls per endpoint; collects depend on timing (how often a wait polled), so they are left out. */
const withoutPolls = (calls: Record<string, number>) => Object.fromEntries(Object.entries(calls).filter(([k]) => k !== "collect"));

describe("e2e: parity of the dynamic and the native provider", function () {
  this.timeout(15 * 60_000);
  const h = new YamlHarness();
  let nativeDir: string;

  before(async function () {
    this.timeout(40 * 60_000);
    await h.start();
    nativeDir = h.project(
      "native-parity",
      `config:
  domains:
    type: array
    items:
      type: string
resources:
  site:
    type: nicsrs:index:Certificate
    properties:
      productCode: positivessl-multi-domain
      domains: \${domains}
      administrator: ${JSON.stringify(administrator)}
  site-validation:
    type: nicsrs:index:CertificateValidation
    properties:
      certId: \${site.certId}
      timeoutMinutes: 2
outputs:
  certId: \${site.certId}
  status: \${site-validation.status}
  validatedDomains: \${site-validation.validatedDomains}
`,
    );
  });
  after(() => h.stop());

  /** `domainsKey`: the YAML project's own config key, or the TypeScript program's `parity:domains`. */
  async function run(dir: string, stack: string, domainsKey: string) {
    await h.newStack(dir, stack, {
      "nicsrs:endpoint": { value: h.lab.simulator.url },
      "nicsrs:apiToken": { value: LAB_TOKEN, secret: true },
      [domainsKey]: { value: domains(stack) },
    });
    const calls: Record<string, Record<string, number>> = {};
    const step = async (name: string, args: string[]) => {
      await h.lab.simulator.admin.resetCalls();
      await h.ok(dir, [...args, "--stack", stack]);
      calls[name] = await h.lab.simulator.admin.calls();
    };
    await step("up", ["up", "--yes", "--skip-preview"]);
    const outputs = JSON.parse(await h.ok(dir, ["stack", "output", "--json", "--stack", stack]));
    const exported = JSON.parse(await h.ok(dir, ["stack", "export", "--stack", stack])) as { deployment: { resources: Resource[] } };
    const cert = exported.deployment.resources.find((r) => r.type.endsWith("Certificate") && !r.type.endsWith("Validation"))!;
    await h.lab.simulator.admin.caRevoke(outputs.certId);
    await step("refresh", ["refresh", "--yes", "--skip-preview"]);
    const refreshed = (JSON.parse(await h.ok(dir, ["stack", "export", "--stack", stack])) as { deployment: { resources: Resource[] } }).deployment.resources;
    await step("destroy", ["destroy", "--yes", "--skip-preview"]);
    const status = refreshed.find((r) => r.type === cert.type)!.outputs!.status;
    return { calls, outputs, cert, status, stateBytes: JSON.stringify(cert).length };
  }

  it("up, refresh and destroy make the same CA calls and leave the same outputs", async () => {
    const dynamic = await run(PARITY_PROGRAM_DIR, "dynamic", "parity:domains");
    const native = await run(nativeDir, "native", "native-parity:domains");

    for (const step of ["up", "refresh", "destroy"]) {
      assert.deepEqual(withoutPolls(native.calls[step]), withoutPolls(dynamic.calls[step]), `${step}: CA calls differ`);
    }
    assert.equal(native.calls.up.place, 1);
    assert.equal(native.outputs.status, "COMPLETE");
    assert.equal(dynamic.outputs.status, "COMPLETE");
    assert.deepEqual(native.outputs.validatedDomains, domains("native"));
    assert.deepEqual(dynamic.outputs.validatedDomains, domains("dynamic"));
    assert.equal(native.status, "REVOKED");
    assert.equal(dynamic.status, "REVOKED");

    // The same outputs (the dynamic host adds its serialized provider, `__provider`).
    const keys = (o: Record<string, unknown> | undefined) => Object.keys(o ?? {}).filter((k) => k !== "__provider").sort();
    assert.deepEqual(keys(native.cert.outputs), keys(dynamic.cert.outputs));
    for (const k of ["productCode", "status", "placedAt", "certificatePem"]) assert.equal(typeof native.cert.outputs![k], typeof dynamic.cert.outputs![k], k);
    process.stdout.write(`      (state per Certificate: dynamic ${dynamic.stateBytes} bytes, native ${native.stateBytes} bytes)\n`);
    assert.ok(native.stateBytes < dynamic.stateBytes, `native ${native.stateBytes} >= dynamic ${dynamic.stateBytes}`);
  });
});

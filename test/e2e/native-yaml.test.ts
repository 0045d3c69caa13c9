// The native provider plugin through the real engine: a Pulumi YAML program (no SDK) runs preview /
// up / refresh / destroy against the simulator; `pulumi import` adopts an order without a new one;
// an explicit provider resource uses its own token; progress appears under the resource.
import { strict as assert } from "node:assert";
import { MUTATING_ENDPOINTS, sumCalls } from "./stack-harness";
import { LAB_TOKEN, LAB_ZONE } from "../../scripts/engine/lab";
import { YamlHarness } from "./yaml-harness";

const ADMIN = `
      administrator:
        firstName: Ada
        lastName: Lovelace
        job: Ops
        email: ada@example.com
        mobile: "+1 555 0100"
        address: 1 Main St
        city: Springfield
        state: IL
        postCode: "62701"
        country: US
        organization: Example Inc`;

const certificate = (name: string, domains: string[], options = "") => `
  ${name}:
    type: nicsrs:index:Certificate
    properties:
      productCode: positivessl-multi-domain
      domains: [${domains.join(", ")}]${ADMIN}${options}
  ${name}-validation:
    type: nicsrs:index:CertificateValidation
    properties:
      certId: \${${name}.certId}
      timeoutMinutes: 2${options}
`;

const PROGRAM = `resources:${certificate("site", [`site.${LAB_ZONE}`, `shop.${LAB_ZONE}`])}
outputs:
  certId: \${site.certId}
  status: \${site-validation.status}
  certificatePem: \${site-validation.certificatePem}
  privateKeyPem: \${site.privateKeyPem}
`;

describe("e2e: native provider, Pulumi YAML program", function () {
  this.timeout(15 * 60_000);
  const h = new YamlHarness();
  let dir: string;

  before(async function () {
    this.timeout(40 * 60_000); // a first run may build the CLI and the YAML host from Go modules
    await h.start();
    dir = h.project("native-yaml", PROGRAM);
    await h.newStack(dir, "dev", { "nicsrs:endpoint": { value: h.lab.simulator.url }, "nicsrs:apiToken": { value: LAB_TOKEN, secret: true } });
  });
  after(() => h.stop());
  beforeEach(() => h.lab.simulator.admin.resetCalls());

  it("preview plans the resources with no CA call", async () => {
    const out = await h.ok(dir, ["preview"]);
    assert.match(out, /\+\s+nicsrs:index:Certificate\s+site\s+create/);
    assert.match(out, /\+\s+nicsrs:index:CertificateValidation\s+site-validation\s+create/);
    // What the planned change costs, under the resource it belongs to (not under the stack).
    const underCertificate = out.split(/\n\s*\n/).find((block) => block.includes("nicsrs:index:Certificate (site):"));
    assert.match(underCertificate ?? "", /plan: new order \(paid: positivessl-multi-domain, 1 year\)/, out);
    assert.equal(sumCalls(await h.lab.simulator.admin.calls()), 0);
  });

  it("up orders once and waits for issuance; progress appears under the resource; keys are secret in state", async () => {
    const out = await h.ok(dir, ["up", "--yes", "--skip-preview"]);
    assert.equal((await h.lab.simulator.admin.calls()).place, 1);
    const outputs = JSON.parse(await h.ok(dir, ["stack", "output", "--json", "--show-secrets"]));
    assert.match(outputs.certificatePem, /BEGIN CERTIFICATE/);
    assert.match(outputs.privateKeyPem, /BEGIN PRIVATE KEY/);
    assert.equal((await h.lab.simulator.admin.order(outputs.certId)).status, "COMPLETE");
    // the validation's "<certId> issued" line is reported with the validation's URN
    const underValidation = out.split(/\n\s*\n/).find((block) => block.includes("nicsrs:index:CertificateValidation (site-validation):"));
    assert.match(underValidation ?? "", new RegExp(`^\\s+${outputs.certId} issued$`, "m"), out);
    // what the order leaves to the user (the DCV records to publish), under the Certificate
    const underCertificate = out.split(/\n\s*\n/).find((block) => block.includes("nicsrs:index:Certificate (site):"));
    assert.match(underCertificate ?? "", new RegExp(`${outputs.certId}: new order \\(paid: positivessl-multi-domain, 1 year\\); DNS records to publish: _[0-9A-F]{32}\\.(site|shop)\\.${LAB_ZONE.replace(".", "\\.")} CNAME `), out);

    const state = JSON.stringify(await h.exportState(dir));
    assert.doesNotMatch(state, /BEGIN PRIVATE KEY/);
    assert.doesNotMatch(state, new RegExp(LAB_TOKEN));
    const cert = (await h.exportState(dir)).deployment.resources!.find((r) => r.type === "nicsrs:index:Certificate")!;
    assert.equal(cert.id, outputs.certId);
    process.stdout.write(`      (native Certificate state: ${JSON.stringify(cert).length} bytes)\n`);
  });

  it("a second preview finds no changes and makes no mutating call", async () => {
    await h.ok(dir, ["preview", "--expect-no-changes"]);
    assert.equal(sumCalls(await h.lab.simulator.admin.calls(), MUTATING_ENDPOINTS), 0);
  });

  it("a preview of a domain change says, under the resource, what the replacement costs and what happens to the old order", async () => {
    const { certId } = JSON.parse(await h.ok(dir, ["stack", "output", "--json"]));
    h.project("native-yaml", PROGRAM.replace(`shop.${LAB_ZONE}]`, `shop.${LAB_ZONE}, api.${LAB_ZONE}]`));
    try {
      const out = await h.ok(dir, ["preview"]);
      const underCertificate = out.split(/\n\s*\n/).find((block) => block.includes("nicsrs:index:Certificate (site):"));
      const expected = `plan: new order (paid: positivessl-multi-domain, 1 year), because domains changed; then ${certId}: cancelled and refunded if still pending, kept at the CA if issued (deletePolicy cancelPending)`;
      assert.ok((underCertificate ?? "").includes(expected), out);
      assert.equal(sumCalls(await h.lab.simulator.admin.calls(), MUTATING_ENDPOINTS), 0);
    } finally {
      h.project("native-yaml", PROGRAM);
    }
  });

  it("pulumi import adopts the order by certId without placing one", async () => {
    const { certId } = JSON.parse(await h.ok(dir, ["stack", "output", "--json"]));
    const importDir = h.project("native-import", "resources: {}\n");
    await h.newStack(importDir, "dev", { "nicsrs:endpoint": { value: h.lab.simulator.url }, "nicsrs:apiToken": { value: LAB_TOKEN, secret: true } });
    await h.lab.simulator.admin.resetCalls();
    const out = await h.ok(importDir, ["import", "nicsrs:index:Certificate", "site", certId, "--yes", "--protect=false"]);
    const calls = await h.lab.simulator.admin.calls();
    assert.equal(calls.place ?? 0, 0, JSON.stringify(calls));
    assert.equal(sumCalls(calls, MUTATING_ENDPOINTS), 0);
    assert.match(out, /type: nicsrs:(index:)?Certificate/);
    assert.match(out, new RegExp(`certId: ${certId}`));
    const imported = (await h.exportState(importDir)).deployment.resources!.find((r) => r.type === "nicsrs:index:Certificate")!;
    assert.equal(imported.id, certId);
    assert.equal(imported.outputs!.status, "COMPLETE");
  });

  it("refresh records a CA-side revoke", async () => {
    const { certId } = JSON.parse(await h.ok(dir, ["stack", "output", "--json"]));
    await h.lab.simulator.admin.caRevoke(certId);
    await h.ok(dir, ["refresh", "--yes", "--skip-preview"]);
    const cert = (await h.exportState(dir)).deployment.resources!.find((r) => r.type === "nicsrs:index:Certificate")!;
    assert.equal(cert.outputs!.status, "REVOKED");
  });

  it("destroy removes the resources from the stack", async () => {
    await h.ok(dir, ["destroy", "--yes", "--skip-preview"]);
    const left = (await h.exportState(dir)).deployment.resources ?? [];
    assert.deepEqual(left.filter((r) => r.type.startsWith("nicsrs:")), []);
  });

  it("an explicit provider resource uses its own token, not the stack's", async () => {
    const body = `config:
  labToken:
    type: string
    secret: true
  labEndpoint:
    type: string
resources:
  lab:
    type: pulumi:providers:nicsrs
    properties:
      apiToken: \${labToken}
      endpoint: \${labEndpoint}${certificate("explicit", [`explicit.${LAB_ZONE}`], "\n    options:\n      provider: ${lab}")}
outputs:
  status: \${explicit-validation.status}
`;
    const explicitDir = h.project("native-explicit", body);
    await h.newStack(explicitDir, "dev", {
      "nicsrs:apiToken": { value: "not-the-lab-token", secret: true },
      "nicsrs:endpoint": { value: "http://127.0.0.1:9" },
      labToken: { value: LAB_TOKEN, secret: true },
      labEndpoint: { value: h.lab.simulator.url },
    });
    await h.ok(explicitDir, ["up", "--yes", "--skip-preview"]);
    const { status } = JSON.parse(await h.ok(explicitDir, ["stack", "output", "--json"]));
    assert.equal(status, "COMPLETE");
    assert.equal((await h.lab.simulator.admin.calls()).place, 1);
    await h.ok(explicitDir, ["destroy", "--yes", "--skip-preview"]);
  });

  it("no CLI output carried the API token", () => {
    assert.equal(h.transcript.join("\n").includes(LAB_TOKEN), false);
  });
});

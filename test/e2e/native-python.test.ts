// The native provider from a Python program through the real engine: the Python language host
// (scripts/ensure-python-host.sh: built from Go modules, `pulumi` from PyPI) runs a program written
// against the generated Python SDK (scripts/gen-sdks.sh) against the simulator.
import { strict as assert } from "node:assert";
import { administrator } from "../provider/fixtures";
import { LAB_TOKEN, LAB_ZONE } from "../../scripts/engine/lab";
import { pythonHostOrSkip, usePythonSdk } from "./python-setup";
import { YamlHarness } from "./yaml-harness";

const PROGRAM = `import json
import re
import pulumi
import pulumi_nicsrs as nicsrs

cfg = pulumi.Config()
snake = lambda d: {re.sub("([A-Z])", r"_\\1", k).lower(): v for k, v in d.items()}
site = nicsrs.Certificate(
    "site",
    product_code="positivessl-multi-domain",
    domains=json.loads(cfg.require("domains")),
    administrator=nicsrs.ContactArgs(**snake(json.loads(cfg.require("administrator")))),
)
validation = nicsrs.CertificateValidation("site-validation", cert_id=site.cert_id, timeout_minutes=2)
pulumi.export("certId", site.cert_id)
pulumi.export("privateKeyPem", site.private_key_pem)
pulumi.export("status", validation.status)
pulumi.export("certificatePem", validation.certificate_pem)
`;

describe("e2e: native provider, Python program", function () {
  this.timeout(15 * 60_000);
  const h = new YamlHarness();
  let dir: string;

  before(async function () {
    this.timeout(40 * 60_000);
    const hostDir = pythonHostOrSkip(this);
    await h.start();
    usePythonSdk(h, hostDir);
    dir = h.project("native-python", "", "python", { "__main__.py": PROGRAM });
    const domains = [`py.${LAB_ZONE}`, `py2.${LAB_ZONE}`];
    await h.newStack(dir, "dev", {
      "nicsrs:endpoint": { value: h.lab.simulator.url },
      "nicsrs:apiToken": { value: LAB_TOKEN, secret: true },
      "native-python:domains": { value: JSON.stringify(domains) },
      "native-python:administrator": { value: JSON.stringify(administrator) },
    });
  });
  after(() => h.stop());
  beforeEach(() => h.lab?.simulator.admin.resetCalls());

  it("preview plans the resources with no CA call", async () => {
    const out = await h.ok(dir, ["preview"]);
    assert.match(out, /\+\s+nicsrs:index:Certificate\s+site\s+create/);
    assert.equal(Object.values(await h.lab.simulator.admin.calls()).reduce((a, b) => a + b, 0), 0);
  });

  it("up orders once and the certificate is issued; the key is a secret output", async () => {
    await h.ok(dir, ["up", "--yes", "--skip-preview"]);
    assert.equal((await h.lab.simulator.admin.calls()).place, 1);
    const plain = JSON.parse(await h.ok(dir, ["stack", "output", "--json"]));
    assert.equal(plain.privateKeyPem, "[secret]");
    const outputs = JSON.parse(await h.ok(dir, ["stack", "output", "--json", "--show-secrets"]));
    assert.equal(outputs.status, "COMPLETE");
    assert.match(outputs.certificatePem, /BEGIN CERTIFICATE/);
    assert.match(outputs.privateKeyPem, /BEGIN PRIVATE KEY/);
  });

  it("refresh records a CA-side revoke; destroy empties the stack", async () => {
    const { certId } = JSON.parse(await h.ok(dir, ["stack", "output", "--json"]));
    await h.lab.simulator.admin.caRevoke(certId);
    await h.ok(dir, ["refresh", "--yes", "--skip-preview"]);
    const cert = (await h.exportState(dir)).deployment.resources!.find((r) => r.type === "nicsrs:index:Certificate")!;
    assert.equal(cert.outputs!.status, "REVOKED");
    await h.ok(dir, ["destroy", "--yes", "--skip-preview"]);
    assert.deepEqual(((await h.exportState(dir)).deployment.resources ?? []).filter((r) => r.type.startsWith("nicsrs:")), []);
  });
});

// examples/two-stack through the Pulumi CLI with a file backend: the certificate stack exports
// dcvRecords, the DNS stack reads them through a StackReference and creates them in PowerDNS, and
// the certificate stack's CertificateValidation completes on its second `up`.
import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../../scripts/engine/pulumi-cli";
import { LAB_TOKEN, LAB_ZONE, startLab, type Lab } from "../../scripts/engine/lab";
import { run, userCliEnv } from "./consumer-program";

const CERT_DIR = join(REPO_ROOT, "examples", "two-stack", "cert");
const DNS_DIR = join(REPO_ROOT, "examples", "two-stack", "dns");

interface DcvRecord {
  domain: string;
  name: string;
  type: string;
  value: string;
}

describe("two stacks: certificate stack → DNS stack (StackReference) → validation", function () {
  this.timeout(20 * 60_000);
  let lab: Lab;
  let backend: string;
  // Unique names: the stacks' Pulumi.<stack>.yaml files are written into the example directories.
  const stack = `test-${randomBytes(4).toString("hex")}`;

  before(async function () {
    this.timeout(40 * 60_000);
    lab = await startLab();
    backend = mkdtempSync(join(tmpdir(), "nicsrs-two-stack-state-"));
  });
  after(async () => {
    rmSync(join(CERT_DIR, `Pulumi.${stack}.yaml`), { force: true });
    rmSync(join(DNS_DIR, `Pulumi.${stack}.yaml`), { force: true });
    if (backend) rmSync(backend, { recursive: true, force: true });
    await lab?.stop();
  });

  it("publishes the exported DCV records from the DNS stack; the certificate stack's second up issues", async () => {
    // Transpile-only as the e2e suite: the consumer test covers type-checking with the stock tsconfig.
    const env = userCliEnv(backend, { NICSRS_POLL_MIN_MS: "200", NICSRS_POLL_MAX_MS: "1000", PULUMI_NODEJS_TRANSPILE_ONLY: "true" });
    const pulumi = (cwd: string, ...args: string[]) => run("pulumi", [...args, "--non-interactive"], { cwd, env });
    const outputs = async (cwd: string) =>
      JSON.parse((await pulumi(cwd, "stack", "output", "--json", "--show-secrets", "--stack", stack)).stdout) as Record<string, unknown>;

    // 1. The certificate stack: order placed, DCV records exported, nothing validated yet.
    await pulumi(CERT_DIR, "stack", "init", stack);
    await pulumi(CERT_DIR, "config", "set", "zone", LAB_ZONE, "--stack", stack);
    await pulumi(CERT_DIR, "config", "set", "nicsrs:endpoint", lab.simulator.url, "--stack", stack);
    await pulumi(CERT_DIR, "config", "set", "--secret", "nicsrs:apiToken", LAB_TOKEN, "--stack", stack);
    await pulumi(CERT_DIR, "up", "--yes", "--skip-preview", "--stack", stack);
    const first = await outputs(CERT_DIR);
    const records = first.dcvRecords as DcvRecord[];
    assert.deepEqual(records.map((r) => r.domain).sort(), [`api.${LAB_ZONE}`, `www.${LAB_ZONE}`]);
    assert.equal(first.certificatePem, undefined);
    const certId = first.certId as string;
    assert.notEqual((await lab.simulator.admin.order(certId)).status, "COMPLETE");

    // 2. The DNS stack: reads dcvRecords through the StackReference, creates them in PowerDNS.
    await pulumi(DNS_DIR, "stack", "init", stack);
    await pulumi(DNS_DIR, "config", "set", "certStack", `organization/nicsrs-two-stack-cert/${stack}`, "--stack", stack);
    await pulumi(DNS_DIR, "config", "set", "zone", LAB_ZONE, "--stack", stack);
    await pulumi(DNS_DIR, "config", "set", "apiUrl", lab.dns.apiUrl, "--stack", stack);
    await pulumi(DNS_DIR, "config", "set", "--secret", "apiKey", lab.dns.apiKey, "--stack", stack);
    const preview = await pulumi(DNS_DIR, "preview", "--stack", stack);
    assert.match(preview.stdout, /\+ 3 to create/, "preview lists both records (and the stack)");
    await pulumi(DNS_DIR, "up", "--yes", "--skip-preview", "--stack", stack);
    const dns = await outputs(DNS_DIR);
    assert.deepEqual((dns.recordFqdns as string[]).sort(), records.map((r) => r.name).sort());
    const zone = (await (await fetch(`${lab.dns.apiUrl}/zones/${LAB_ZONE}.`, { headers: { "X-API-Key": lab.dns.apiKey } })).json()) as {
      rrsets: { name: string; type: string; records: { content: string }[] }[];
    };
    for (const r of records) {
      // DNS names are case-insensitive; PowerDNS keeps them in lower case.
      const rrset = zone.rrsets.find((s) => s.name.toLowerCase() === `${r.name}.`.toLowerCase() && s.type === r.type);
      assert.ok(rrset, `${r.name} ${r.type} in PowerDNS`);
      assert.equal(rrset.records[0].content.replace(/\.$/, "").toLowerCase(), r.value.toLowerCase());
    }

    // 3. The certificate stack again, pointed at the DNS stack: the validation completes.
    await pulumi(CERT_DIR, "config", "set", "dnsStack", `organization/nicsrs-two-stack-dns/${stack}`, "--stack", stack);
    await lab.simulator.admin.resetCalls();
    await pulumi(CERT_DIR, "up", "--yes", "--skip-preview", "--stack", stack);
    const second = await outputs(CERT_DIR);
    assert.equal(second.certId, certId, "the same order");
    assert.match(String(second.certificatePem), /-----BEGIN CERTIFICATE-----/);
    assert.equal((await lab.simulator.admin.order(certId)).status, "COMPLETE");
    const calls = await lab.simulator.admin.calls();
    assert.equal(calls.place ?? 0, 0, "no second order");

    await pulumi(CERT_DIR, "destroy", "--yes", "--stack", stack);
    await pulumi(DNS_DIR, "destroy", "--yes", "--stack", stack);
    const left = await fetch(`${lab.dns.apiUrl}/zones/${LAB_ZONE}.`, { headers: { "X-API-Key": lab.dns.apiKey } }).then((r) => r.json());
    const names = (left as { rrsets: { name: string }[] }).rrsets.map((s) => s.name.toLowerCase());
    for (const r of records) assert.ok(!names.includes(`${r.name}.`.toLowerCase()), `${r.name} removed by the DNS stack's destroy`);
  });
});

// `make demo`: `pulumi up` of the root program (examples/quickstart) against the NicSRS simulator,
// with DCV records served by a real DNS server, then the issued PEMs written to ./out and verified.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { engineEnv, pulumiCommand, REPO_ROOT } from "./engine/pulumi-cli";
import { LAB_TOKEN, LAB_ZONE, startLab } from "./engine/lab";
import { parseCertificate, splitPemBlocks, verifyChain } from "../sdk/x509";

const say = (line: string) => console.log(`demo: ${line}`);

async function main(): Promise<void> {
  const started = Date.now();
  const command = await pulumiCommand();
  const lab = await startLab({ log: say });
  const backend = mkdtempSync(join(tmpdir(), "nicsrs-demo-state-"));
  try {
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "demo", workDir: REPO_ROOT },
      { pulumiCommand: command, envVars: { ...engineEnv(backend), ...lab.dnsEnv } },
    );
    await stack.setAllConfig({
      "nicsrs:endpoint": { value: lab.simulator.url },
      "nicsrs:apiToken": { value: LAB_TOKEN, secret: true },
      "quickstart:zone": { value: LAB_ZONE },
      "quickstart:dnsApiUrl": { value: lab.dns.apiUrl },
      "quickstart:dnsApiKey": { value: lab.dns.apiKey, secret: true },
    });
    say("pulumi up --yes (examples/quickstart)");
    const up = await stack.up({ onOutput: (out) => process.stdout.write(out) });
    const o = up.outputs;
    const value = <T>(key: string): T => {
      if (!(key in o)) throw new Error(`the quickstart program has no output "${key}"`);
      return o[key].value as T;
    };

    say(`certificate ${value<string>("certId")} for ${value<string[]>("domains").join(", ")}`);
    for (const r of value<{ name: string; type: string; value: string }[]>("dcvRecords")) {
      say(`  DCV ${r.type} ${r.name} -> ${r.value}`);
    }
    const leafPem = value<string>("certificatePem");
    const chainPems = splitPemBlocks(value<string>("caCertificatePem"));
    const leaf = parseCertificate(leafPem);
    say(`subject: ${leaf.subject}`);
    say(`SANs: ${leaf.sans.join(", ")}`);
    say(`notBefore ${leaf.notBefore}  notAfter ${leaf.notAfter}  serial ${leaf.serialNumber}`);
    for (const pem of chainPems) {
      const c = parseCertificate(pem);
      say(`chain: ${c.subject} (issued by ${c.issuer})`);
    }

    const outDir = join(REPO_ROOT, "out");
    mkdirSync(outDir, { recursive: true });
    const files: Record<string, string> = {
      "certificate.pem": leafPem,
      "chain.pem": value<string>("caCertificatePem"),
      "fullchain.pem": value<string>("fullChainPem"),
    };
    for (const [name, pem] of Object.entries(files)) writeFileSync(join(outDir, name), pem);
    writeFileSync(join(outDir, "private-key.pem"), value<string>("privateKeyPem"), { mode: 0o600 });
    say(`PEMs written to ${relative(process.cwd(), outDir) || "."}/: ${[...Object.keys(files), "private-key.pem"].join(", ")}`);

    const root = await lab.simulator.admin.rootCertificatePem();
    if (!(await verifyChain(leafPem, chainPems, [root]))) throw new Error("the issued chain does not verify to the simulator's root");
    say("chain verified: leaf -> intermediate -> simulator root");
    say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await lab.stop();
    rmSync(backend, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

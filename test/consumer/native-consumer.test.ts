// The native provider plugin as users get it: `npm install` of the packed tarball into a fresh
// Pulumi YAML project outside the repository, found by the engine the two ways
// docs/native-provider.md tells: a `plugins.providers` path to node_modules/.bin, and the plugin
// cache after `pulumi plugin install resource nicsrs <version> --file <archive>` (the archive made
// by the package's `nicsrs-plugin-archive` command). Each runs preview / up / destroy against the
// simulator through the plain CLI.
import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { startSimulator } from "../../simulator";
import { REPO_ROOT } from "../../scripts/engine/pulumi-cli";
import { ensureYamlHost } from "../e2e/yaml-harness";
import { npmEnv, packTarball, run, userCliEnv } from "./consumer-program";

const TOKEN = "native-consumer-token-0123";
const ZONE = "native-consumer.test";
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;

const PROGRAM = `resources:
  site:
    type: nicsrs:index:Certificate
    properties:
      productCode: positivessl
      domains: [www.${ZONE}]
      administrator:
        firstName: Ada
        lastName: Lovelace
        job: Ops
        email: ada@${ZONE}
        mobile: "+44 20 7946 0000"
        address: 1 Analytical Way
        city: London
        state: London
        postCode: N1 9GU
        country: GB
        organization: Example Ltd
  site-validation:
    type: nicsrs:index:CertificateValidation
    properties:
      certId: \${site.certId}
      timeoutMinutes: 2
outputs:
  certId: \${site.certId}
  certificatePem: \${site-validation.certificatePem}
`;

const pluginsPath = (path: string) => `plugins:\n  providers:\n    - name: nicsrs\n      path: ${path}\n`;

describe("consumer: the native provider plugin from the packed tarball, in a YAML project", function () {
  this.timeout(20 * 60_000);
  let tarball: string;
  let installDir: string;
  let yamlBin: string;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  const cleanup: string[] = [];

  before(async function () {
    this.timeout(40 * 60_000); // a first run may build the CLI and the YAML host
    yamlBin = ensureYamlHost();
    tarball = await packTarball();
    cleanup.push(join(tarball, ".."));
    installDir = mkdtempSync(join(tmpdir(), "nicsrs-native-consumer-"));
    cleanup.push(installDir);
    writeFileSync(join(installDir, "package.json"), JSON.stringify({ name: "certs", private: true }, null, 2));
    await run("npm", ["install", "--prefer-offline", "--loglevel=error", tarball], { cwd: installDir, env: npmEnv() });
    sim = await startSimulator({ apiToken: TOKEN, autoValidate: { afterCollects: 1 } });
  });
  after(async () => {
    await sim?.close();
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  /** A user's shell: the CLI, node, the YAML host (shipped with the CLI), and `extra`. */
  function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const backend = mkdtempSync(join(tmpdir(), "nicsrs-native-consumer-state-"));
    cleanup.push(backend);
    const env = userCliEnv(backend, { NICSRS_POLL_MIN_MS: "200", NICSRS_POLL_MAX_MS: "1000", ...extra });
    return { ...env, PATH: [yamlBin, env.PATH].join(delimiter) };
  }

  async function lifecycle(dir: string, env: NodeJS.ProcessEnv): Promise<string> {
    const transcript: string[] = [];
    const pulumi = async (...args: string[]) => {
      const r = await run("pulumi", [...args, "--non-interactive"], { cwd: dir, env });
      transcript.push(r.stdout, r.stderr);
      return r.stdout;
    };
    await pulumi("stack", "init", "dev");
    await pulumi("config", "set", "nicsrs:endpoint", sim.url);
    await pulumi("config", "set", "--secret", "nicsrs:apiToken", TOKEN);

    await sim.admin.resetCalls();
    const preview = await pulumi("preview");
    assert.match(preview, /\+ 3 to create/, preview);
    assert.match(preview, /plan: new order \(paid: positivessl, 1 year\)/, preview);
    assert.deepEqual(await sim.admin.calls(), {}, "preview makes no CA call");

    await pulumi("up", "--yes", "--skip-preview");
    const outputs = JSON.parse(await pulumi("stack", "output", "--json", "--show-secrets")) as { certId: string; certificatePem: string };
    assert.match(outputs.certificatePem, /-----BEGIN CERTIFICATE-----/);
    assert.equal((await sim.admin.order(outputs.certId)).status, "COMPLETE");
    assert.equal((await sim.admin.calls()).place, 1);

    await pulumi("destroy", "--yes");
    const after = JSON.parse(await pulumi("stack", "export")) as { deployment: { resources?: unknown[] } };
    assert.deepEqual(after.deployment.resources ?? [], []);
    const all = transcript.join("\n");
    assert.ok(!all.includes(TOKEN), "the token never appears in CLI output");
    return all;
  }

  it("found through `plugins.providers` at ./node_modules/.bin", async () => {
    writeFileSync(join(installDir, "Pulumi.yaml"), `name: certs\nruntime: yaml\n${pluginsPath("./node_modules/.bin")}${PROGRAM}`);
    await lifecycle(installDir, userEnv());
  });

  it("installed into the plugin cache from the archive `nicsrs-plugin-archive` writes", async () => {
    const pulumiHome = mkdtempSync(join(tmpdir(), "nicsrs-native-consumer-home-"));
    cleanup.push(pulumiHome);
    const env = userEnv({ PULUMI_HOME: pulumiHome, PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true" });
    const { stdout } = await run(join(installDir, "node_modules", ".bin", "nicsrs-plugin-archive"), [pulumiHome], { cwd: installDir, env: npmEnv() });
    const archive = stdout.split("\n")[0];
    assert.match(archive, new RegExp(`pulumi-resource-nicsrs-v${VERSION.replace(/\./g, "\\.")}-linux-(amd64|arm64)\\.tar\\.gz$`));
    assert.match(stdout, new RegExp(`pulumi plugin install resource nicsrs ${VERSION.replace(/\./g, "\\.")} --file `));
    await run("pulumi", ["plugin", "install", "resource", "nicsrs", VERSION, "--file", archive, "--non-interactive"], { cwd: pulumiHome, env });
    const plugins = (await run("pulumi", ["plugin", "ls", "--json"], { cwd: pulumiHome, env })).stdout;
    assert.ok((JSON.parse(plugins) as { name: string; kind: string; version: string }[]).some((p) => p.name === "nicsrs" && p.kind === "resource" && p.version === VERSION), plugins);

    // A project elsewhere, with no plugins.providers and no node_modules: the engine finds the cached plugin.
    const project = join(pulumiHome, "project");
    mkdirSync(project);
    writeFileSync(join(project, "Pulumi.yaml"), `name: certs-cached\nruntime: yaml\n${PROGRAM}`);
    await lifecycle(project, env);
  });
});

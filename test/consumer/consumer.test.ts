// The package as users get it: `npm pack`, installed from the tarball into a fresh Pulumi program
// outside the repository with an explicit @pulumi/pulumi (the lowest supported and the newest on
// npm), compiled with the stock `pulumi new typescript` tsconfig, and run through the plain CLI
// against the simulator: preview, up, refresh, destroy.
import { strict as assert } from "node:assert";
import { lstatSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator } from "../../simulator";
import { REPO_ROOT } from "../../scripts/engine/pulumi-cli";
import {
  createProgram,
  lowestSupportedSdk,
  newestSdk,
  npmEnv,
  packTarball,
  pulumiSdkCopies,
  run,
  userCliEnv,
  type ProgramFiles,
} from "./consumer-program";

const TOKEN = "consumer-api-token-0123";
const ZONE = "consumer.test";

const ADMINISTRATOR = `{
  firstName: "Ada", lastName: "Lovelace", job: "Engineer", email: "ada@${ZONE}", mobile: "+44 20 7946 0000",
  address: "1 Analytical Way", city: "London", state: "London", postCode: "N1 9GU", country: "GB", organization: "Example Ltd",
}`;

const TS_PROGRAM: ProgramFiles = {
  "Pulumi.yaml": "name: consumer-ts\ndescription: a user's TypeScript program\nruntime: nodejs\n",
  "index.ts": `import * as pulumi from "@pulumi/pulumi";
import { Certificate, CertificateValidation } from "pulumi-nicsrs";

interface SiteArgs {
    domains: string[];
}

/** The usual shape: a component that groups a site's certificate and its validation. */
class Site extends pulumi.ComponentResource {
    public readonly certId: pulumi.Output<string>;
    public readonly certificatePem: pulumi.Output<string>;

    constructor(name: string, args: SiteArgs, opts?: pulumi.ComponentResourceOptions) {
        super("consumer:site:Site", name, {}, opts);
        const cert = new Certificate(\`\${name}-cert\`, {
            productCode: "positivessl-multi-domain",
            years: 1,
            domains: args.domains,
            dcvMethod: "CNAME_CSR_HASH",
            administrator: ${ADMINISTRATOR},
        }, { parent: this });
        const validation = new CertificateValidation(\`\${name}-validation\`, { certificate: cert, timeoutMinutes: 2 }, { parent: this });
        this.certId = cert.certId;
        this.certificatePem = validation.certificatePem;
        this.registerOutputs({ certId: this.certId, certificatePem: this.certificatePem });
    }
}

const site = new Site("site", { domains: ["www.${ZONE}", "api.${ZONE}"] });
export const certId = site.certId;
export const certificatePem = site.certificatePem;
`,
};

const JS_PROGRAM: ProgramFiles = {
  "Pulumi.yaml": "name: consumer-js\ndescription: a user's JavaScript program\nruntime: nodejs\n",
  "index.js": `"use strict";
const { Certificate, CertificateValidation } = require("pulumi-nicsrs");

const cert = new Certificate("plain", {
    productCode: "positivessl",
    years: 1,
    domains: ["plain.${ZONE}"],
    dcvMethod: "CNAME_CSR_HASH",
    administrator: ${ADMINISTRATOR},
});
const validation = new CertificateValidation("plain-validation", { certificate: cert, timeoutMinutes: 2 });

exports.certId = cert.certId;
exports.certificatePem = validation.certificatePem;
`,
};

/** What the offline CLI printed when it could not find the dynamic-provider launcher by itself. */
const LAUNCHER_TROUBLE = /could not find latest version for provider pulumi-nodejs|pulumi-resource-pulumi-nodejs from \$PATH/;

describe("consumer: the packed tarball in a fresh program, through the plain Pulumi CLI", function () {
  this.timeout(20 * 60_000);
  let tarball: string;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  const cleanup: string[] = [];

  before(async function () {
    this.timeout(40 * 60_000); // a first run may build the CLI
    tarball = await packTarball();
    cleanup.push(join(tarball, ".."));
    sim = await startSimulator({ apiToken: TOKEN, autoValidate: { afterCollects: 1 } });
  });
  after(async () => {
    await sim?.close();
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  it("the tarball holds .js and .d.ts files, the LICENSE, and no source maps or build info", async () => {
    const { stdout } = await run("tar", ["-tzf", tarball], { cwd: tmpdir(), env: npmEnv() });
    const files = stdout.split("\n").filter(Boolean);
    assert.ok(files.includes("package/LICENSE"), "LICENSE shipped");
    assert.match(readFileSync(join(REPO_ROOT, "LICENSE"), "utf8"), /Apache License\s+Version 2\.0/);
    assert.ok(files.includes("package/dist/index.js") && files.includes("package/dist/index.d.ts"));
    // The README's links into docs/ resolve inside the installed package too.
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const linkedDocs = [...new Set([...readme.matchAll(/\]\((docs\/[^)#]+\.md)/g)].map((m) => m[1]))];
    assert.ok(linkedDocs.length > 0, "the README links into docs/");
    for (const doc of linkedDocs) assert.ok(files.includes(`package/${doc}`), `${doc} shipped`);
    const stray = files.filter((f) => /\.map$|tsbuildinfo|\.ts$/.test(f) && !f.endsWith(".d.ts"));
    assert.deepEqual(stray, []);
    const { stdout: sample } = await run("tar", ["-xzOf", tarball, "package/dist/provider/certificate.js"], { cwd: tmpdir(), env: npmEnv() });
    assert.doesNotMatch(sample, /sourceMappingURL/);
  });

  async function lifecycle(dir: string, expect: { resources: number; parentType?: string }): Promise<void> {
    const backend = mkdtempSync(join(tmpdir(), "nicsrs-consumer-state-"));
    cleanup.push(backend);
    const env = userCliEnv(backend, { NICSRS_POLL_MIN_MS: "200", NICSRS_POLL_MAX_MS: "1000" });
    const debug = process.env.CONSUMER_DEBUG ? ["--logtostderr", "-v=9"] : [];
    const pulumi = (...args: string[]) => run("pulumi", [...args, "--non-interactive", ...debug], { cwd: dir, env });
    const transcript: string[] = [];
    const step = async (...args: string[]) => {
      const r = await pulumi(...args);
      transcript.push(r.stdout, r.stderr);
      return r;
    };

    await step("stack", "init", "dev");
    await step("config", "set", "nicsrs:endpoint", sim.url);
    await step("config", "set", "--secret", "nicsrs:apiToken", TOKEN);

    await sim.admin.resetCalls();
    const preview = await step("preview");
    assert.match(preview.stdout, new RegExp(`\\+ ${expect.resources + 1} to create`), preview.stdout);
    assert.deepEqual(await sim.admin.calls(), {}, "preview makes no CA call");

    await step("up", "--yes", "--skip-preview");
    const outputs = JSON.parse((await step("stack", "output", "--json", "--show-secrets")).stdout) as { certId: string; certificatePem: string };
    assert.match(outputs.certificatePem, /-----BEGIN CERTIFICATE-----/);
    assert.equal((await sim.admin.order(outputs.certId)).status, "COMPLETE");
    const state = JSON.parse((await step("stack", "export")).stdout) as { deployment: { resources?: { type: string; urn: string; parent?: string }[] } };
    const certificate = state.deployment.resources!.find((r) => r.type.endsWith("nicsrs:Certificate"));
    assert.ok(certificate, "the Certificate is in state");
    if (expect.parentType) assert.ok(certificate.parent?.includes(`::${expect.parentType}::`), `parent: ${certificate.parent}`);

    await sim.admin.resetCalls();
    await step("refresh", "--yes", "--expect-no-changes");
    await step("up", "--yes", "--expect-no-changes");
    const calls = await sim.admin.calls();
    for (const mutating of ["place", "renew", "reissue", "cancel", "revoke"]) assert.equal(calls[mutating] ?? 0, 0, `${mutating} after up`);

    await step("destroy", "--yes");
    const after = JSON.parse((await step("stack", "export")).stdout) as { deployment: { resources?: unknown[] } };
    assert.deepEqual(after.deployment.resources ?? [], []);

    const all = transcript.join("\n");
    assert.doesNotMatch(all, LAUNCHER_TROUBLE);
    assert.ok(!all.includes(TOKEN), "the token never appears in CLI output");
  }

  async function assertOneSdk(dir: string, version: string): Promise<void> {
    const copies = await pulumiSdkCopies(dir);
    assert.deepEqual(copies, [realpathSync(join(dir, "node_modules", "@pulumi", "pulumi"))]);
    const installed = JSON.parse(readFileSync(join(dir, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")) as { version: string };
    assert.equal(installed.version, version);
    assert.equal(lstatSync(join(dir, "node_modules", "pulumi-nicsrs")).isSymbolicLink(), false, "installed from the tarball, not linked");
  }

  it("TypeScript, a component holding a Certificate and a CertificateValidation, with the newest @pulumi/pulumi on npm", async () => {
    const version = await newestSdk();
    const dir = await createProgram({ name: "ts-newest", files: TS_PROGRAM, tarball, sdkVersion: version, typescript: true });
    cleanup.push(dir);
    await assertOneSdk(dir, version);
    await run(join(dir, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "tsconfig.json"], { cwd: dir, env: npmEnv() });
    await lifecycle(dir, { resources: 3, parentType: "consumer:site:Site" });
  });

  it("TypeScript with the lowest supported @pulumi/pulumi compiles with the stock tsconfig and runs", async () => {
    const version = lowestSupportedSdk();
    const dir = await createProgram({ name: "ts-lowest", files: TS_PROGRAM, tarball, sdkVersion: version, typescript: true });
    cleanup.push(dir);
    await assertOneSdk(dir, version);
    await run(join(dir, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "tsconfig.json"], { cwd: dir, env: npmEnv() });
    await lifecycle(dir, { resources: 3, parentType: "consumer:site:Site" });
  });

  for (const which of ["lowest supported", "newest"] as const) {
    it(`plain JavaScript with the ${which} @pulumi/pulumi`, async () => {
      const version = which === "newest" ? await newestSdk() : lowestSupportedSdk();
      const dir = await createProgram({ name: `js-${which.split(" ")[0]}`, files: JS_PROGRAM, tarball, sdkVersion: version, typescript: false });
      cleanup.push(dir);
      await assertOneSdk(dir, version);
      await lifecycle(dir, { resources: 2 });
    });
  }
});

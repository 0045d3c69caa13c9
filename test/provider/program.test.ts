// A mocked Pulumi program: what the resource classes send to the engine — the serialized
// provider (`__provider`), the derived refId seed, and the secret outputs.
import { strict as assert } from "node:assert";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Certificate, CertificateValidation } from "../../index";
import { refIdSeed, urnOf } from "../../provider/certificate";
import { mockPulumiProgram, outputIsSecret, outputValue, type Registered } from "../helpers/pulumi-mocks";
import { administrator } from "./fixtures";
import * as certImpl from "../../provider/cert-impl";

const TOKEN = "sim-token-never-in-state-0123456789";

const registered: Registered[] = [];
const sizes: Record<string, number> = {};

describe("provider: a mocked Pulumi program", function () {
  let cert: Certificate;
  let validation: CertificateValidation;
  const oldToken = process.env.NICSRS_API_TOKEN;

  before(async () => {
    process.env.NICSRS_API_TOKEN = TOKEN;
    await mockPulumiProgram((args) => {
      const state: Record<string, unknown> = { ...args.inputs, certId: "261125abcdefghij", status: "PENDING" };
      state.privateKeyPem = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";
      state.pkcs12 = "MIIKZQIBAzCCCi8=";
      state.pkcs12Password = "pfx-password";
      state.dcvRecords = [{ domain: "www.example.com", method: "CNAME_CSR_HASH", name: "_abc.www.example.com", type: "CNAME", value: "x.y.sectigo.com" }];
      return { id: "261125abcdefghij", state };
    }, registered);

    cert = new Certificate("web", {
      productCode: "positivessl-multi-domain",
      domains: ["www.example.com", "api.example.com"],
      administrator,
    });
    validation = new CertificateValidation("web-validation", { certificate: cert, timeoutMinutes: 5 });
    await outputValue(validation.certId);
    await outputValue(cert.privateKeyPem);
  });
  after(() => {
    console.log(`      serialized __provider bytes: ${JSON.stringify(sizes)}`);
    if (oldToken === undefined) delete process.env.NICSRS_API_TOKEN;
    else process.env.NICSRS_API_TOKEN = oldToken;
  });

  const providerOf = (type: string) => {
    const r = registered.find((x) => x.type === type);
    assert.ok(r, `no ${type} registered: ${registered.map((x) => x.type).join(", ")}`);
    return String(r!.inputs.__provider);
  };

  it("a Certificate adopting an order by certId needs no administrator: registered without it, and check passes", async () => {
    const adopted = new Certificate("adopted", { productCode: "positivessl", domains: ["www.example.com"], certId: "260113vghhracpaw" });
    await outputValue(adopted.certId);
    const r = registered.find((x) => x.name === "adopted" && x.type === "pulumi-nodejs:dynamic/nicsrs:Certificate");
    assert.ok(r);
    assert.equal("administrator" in r!.inputs, false);
    assert.deepEqual((await certImpl.check({}, r!.inputs)).failures, []);
  });

  it("registers the dynamic types", () => {
    assert.ok(registered.some((r) => r.type === "pulumi-nodejs:dynamic/nicsrs:Certificate"));
    assert.ok(registered.some((r) => r.type === "pulumi-nodejs:dynamic/nicsrs:CertificateValidation"));
  });

  for (const [type, module] of [
    ["pulumi-nodejs:dynamic/nicsrs:Certificate", "pulumi-nicsrs/provider/cert-impl"],
    ["pulumi-nodejs:dynamic/nicsrs:CertificateValidation", "pulumi-nicsrs/provider/validation-impl"],
  ] as const) {
    it(`${type.split(":").pop()}: __provider is small, loads the implementation by package name, captures nothing`, () => {
      const text = providerOf(type);
      assert.ok(text.length < 2048, `__provider is ${text.length} bytes:\n${text}`);
      assert.ok(text.includes(`require("${module}")`), text);
      const methods = ["configure", "check", "diff", "create", "read", "update", ...(type.endsWith(":Certificate") ? ["delete"] : [])];
      for (const method of methods) assert.ok(text.includes(`.${method}(`), method);
      sizes[type] = text.length;
      assert.ok(!/zod|undici|Zod/.test(text), "captures a schema or an HTTP client");
      assert.ok(!text.includes(TOKEN), "captures the token");
      assert.ok(!/\.\.\/|\/work\//.test(text), "a relative or absolute path");
    });
  }

  it("the serialized provider loads the implementation from the program's node_modules, as the provider host does (needs dist/)", async function () {
    const root = join(__dirname, "..", "..");
    if (!existsSync(join(root, "dist", "provider", "cert-impl.js"))) this.skip();
    // A user's program directory: node_modules/pulumi-nicsrs is the installed package.
    const program = mkdtempSync(join(tmpdir(), "nicsrs-program-"));
    mkdirSync(join(program, "node_modules"));
    symlinkSync(root, join(program, "node_modules", "pulumi-nicsrs"), "dir");
    const cwd = process.cwd();
    try {
      process.chdir(program); // the host runs with the program's directory as cwd
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const requireFromString = require("require-from-string");
      for (const type of ["pulumi-nodejs:dynamic/nicsrs:Certificate", "pulumi-nodejs:dynamic/nicsrs:CertificateValidation"]) {
        const provider = requireFromString(providerOf(type)).handler(); // no filename, exactly as the host
        const result = await provider.check({}, type.endsWith(":Certificate") ? { productCode: "positivessl", domains: ["bad domain"], administrator } : { certId: "" });
        assert.deepEqual(result.failures.map((f: { property: string }) => f.property), type.endsWith(":Certificate") ? ["domains[0]"] : ["certId"]);
      }
    } finally {
      process.chdir(cwd);
      rmSync(program, { recursive: true, force: true });
    }
  });

  it("passes a refId seed from project, stack and name; no token among the inputs", () => {
    const c = registered.find((r) => r.type.endsWith(":Certificate"))!;
    assert.equal(c.inputs.refIdSeed, "proj/dev/web");
    assert.ok(!JSON.stringify(c.inputs).includes(TOKEN));
  });

  it("asks the engine to keep the key, the PKCS#12 and its password secret", async () => {
    for (const r of registered) {
      for (const k of ["privateKeyPem", "pkcs12", "pkcs12Password"]) assert.ok(r.additionalSecretOutputs.includes(k), `${r.type} ${k}`);
    }
    assert.equal(await outputIsSecret(cert.privateKeyPem), true);
    assert.equal(await outputIsSecret(cert.pkcs12), true);
    assert.equal(await outputIsSecret(cert.pkcs12Password), true);
    assert.equal(await outputIsSecret(validation.privateKeyPem), true);
    assert.equal(await outputIsSecret(cert.certId), false);
    assert.equal(await outputIsSecret(cert.dcvRecords), false);
    assert.equal((await outputValue(cert.dcvRecords))[0].name, "_abc.www.example.com");
  });

  it("user options are merged, not replaced", async () => {
    const c2 = new Certificate("merged", { productCode: "positivessl", domains: ["a.example.com"], administrator }, { additionalSecretOutputs: ["csrPem"], protect: false });
    await outputValue(c2.certId);
    const r = registered.find((x) => x.name === "merged")!;
    assert.deepEqual([...r.additionalSecretOutputs].sort(), ["csrPem", "pkcs12", "pkcs12Password", "privateKeyPem"]);
  });
  it("under a component: the seed names the parent's URN without depending on it (two sites' \"cert\" children differ)", async () => {
    const siteA = new pulumi.ComponentResource("acme:web:Site", "site-a");
    const siteB = new pulumi.ComponentResource("acme:web:Shop", "site-b");
    const a = new Certificate("cert", { productCode: "positivessl", domains: ["a.example.com"], administrator }, { parent: siteA });
    const b = new Certificate("cert", { productCode: "positivessl", domains: ["b.example.com"], administrator }, { parent: siteB });
    await Promise.all([outputValue(a.certId), outputValue(b.certId)]);
    const seeds = registered.filter((r) => r.name === "cert").map((r) => r.inputs.refIdSeed);
    // A plain string (no Output, so no dependency): the parent's URN as the engine computes it.
    assert.deepEqual(seeds, [`proj/dev/${await outputValue(siteA.urn)}/cert`, `proj/dev/${await outputValue(siteB.urn)}/cert`]);
    assert.equal(typeof refIdSeed("cert", { parent: siteA }), "string");
    assert.notEqual(seeds[0], seeds[1]);
    // Two levels deep: the parent types are chained with "$" (the mock monitor only keeps the last one; the e2e suite checks the real engine).
    const inner = new pulumi.ComponentResource("acme:web:Tier", "tier", {}, { parent: siteA });
    assert.equal(urnOf(inner), "urn:pulumi:dev::proj::acme:web:Site$acme:web:Tier::tier");
  });
});

// A mocked Pulumi program with both Sectigo resources: what reaches the engine (the serialized
// provider, the inputs, the secret outputs).
import { strict as assert } from "node:assert";
import { existsSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { SectigoSslCertificate, SmimeCertificate } from "../../index";
import { mockPulumiProgram, outputIsSecret as isSecret, outputValue as value, type Registered } from "../helpers/pulumi-mocks";

const PASSWORD = "sectigo-password-never-in-state-42";

describe("provider: Sectigo resources in a mocked Pulumi program", () => {
  const registered: Registered[] = [];
  let ssl: SectigoSslCertificate;
  let smime: SmimeCertificate;
  const oldPassword = process.env.SECTIGO_LOGIN_PASSWORD;

  before(async () => {
    process.env.SECTIGO_LOGIN_PASSWORD = PASSWORD;
    await mockPulumiProgram(
      (args) => ({
        id: "12345678",
        state: { ...args.inputs, status: "issued", certificatePem: "-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n", privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n" },
      }),
      registered,
    );
    ssl = new SectigoSslCertificate("adopted", { orderNumber: pulumi.output("98765432"), waitForIssuance: true });
    smime = new SmimeCertificate("mail", { orderNumber: "11112222", email: "alice@example.com", key: { algorithm: "ECDSA" } });
    await value(ssl.status);
    await value(smime.privateKeyPem);
  });
  after(() => {
    if (oldPassword === undefined) delete process.env.SECTIGO_LOGIN_PASSWORD;
    else process.env.SECTIGO_LOGIN_PASSWORD = oldPassword;
  });

  const providerOf = (type: string) => {
    const r = registered.find((x) => x.type === type);
    assert.ok(r, `no ${type}: ${registered.map((x) => x.type).join(", ")}`);
    return String(r!.inputs.__provider);
  };

  for (const [type, module] of [
    ["pulumi-nodejs:dynamic/sectigo:SslCertificate", "pulumi-nicsrs/provider/sectigo-ssl-impl"],
    ["pulumi-nodejs:dynamic/sectigo:SmimeCertificate", "pulumi-nicsrs/provider/sectigo-smime-impl"],
  ] as const) {
    it(`${type.split(":").pop()}: __provider is small, loads the implementation by package name, captures nothing`, () => {
      const text = providerOf(type);
      assert.ok(text.length < 2560, `__provider is ${text.length} bytes:\n${text}`);
      assert.ok(text.includes(`require("${module}")`), text);
      for (const m of ["configure", "check", "diff", "create", "read", "update", "delete"]) assert.ok(text.includes(`.${m}(`), m);
      assert.ok(!/zod|undici|forge/i.test(text), "captures a library");
      assert.ok(!text.includes(PASSWORD), "captures the password");
      assert.ok(!/\.\.\/|\/work\//.test(text), "a relative or absolute path");
    });
  }

  it("the serialized providers load their implementation from the package (needs dist/)", async function () {
    const root = join(__dirname, "..", "..");
    if (!existsSync(join(root, "dist", "provider", "sectigo-ssl-impl.js"))) this.skip();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const requireFromString = require("require-from-string");
    const p = requireFromString(providerOf("pulumi-nodejs:dynamic/sectigo:SslCertificate"), join(root, "__provider.js")).handler();
    assert.deepEqual((await p.check({}, {})).failures.map((f: { property: string }) => f.property), ["orderNumber"]);
  });

  it("no credentials among the inputs; the S/MIME key is secret, the certificates are not", async () => {
    for (const r of registered.filter((x) => x.type.includes("sectigo"))) {
      assert.ok(!JSON.stringify(r.inputs).includes(PASSWORD));
      assert.ok(!("loginPassword" in r.inputs) && !("loginName" in r.inputs));
    }
    assert.deepEqual(registered.find((r) => r.name === "mail")!.additionalSecretOutputs, ["privateKeyPem"]);
    assert.equal(await isSecret(smime.privateKeyPem), true);
    assert.equal(await isSecret(smime.certificatePem), false);
    assert.equal(await isSecret(ssl.certificatePem), false);
    assert.equal(await value(ssl.orderNumber), "98765432");
  });
});

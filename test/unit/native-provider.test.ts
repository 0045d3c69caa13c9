// The native provider's host-specific pieces: configuration from the Configure request (args and
// legacy variables) reaching the same credentials the dynamic providers use, the refIdSeed from the
// URN, secrets on the wire, and the schema the plugin serves.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { resolveCredentials, resetCredentials } from "../../provider/credentials";
import { resetSectigoCredentials, sectigoCredentials } from "../../provider/sectigo-credentials";
import { configureFromRequest, configValues } from "../../provider/native/configure";
import { refIdSeedOf, resourceFor, typeOfUrn } from "../../provider/native/resources";
import { isSecret, markSecret, reveal, secret } from "../../provider/native/secrets";
import { nativeProvider } from "../../provider/native/provider";
import { generateSchema } from "../../provider/schema/generate";
import { nativePluginDir } from "../../scripts/engine/native-plugin";
import { ensurePulumiCli } from "../../scripts/engine/pulumi-cli";

function request(args: Record<string, unknown> | undefined, variables: Record<string, string> = {}) {
  return {
    getArgs: () => (args ? { toJavaScript: () => args } : undefined),
    getVariablesMap: () => new Map(Object.entries(variables)),
  };
}

describe("native provider: host pieces", () => {
  afterEach(async () => {
    await resetCredentials();
    resetSectigoCredentials();
  });

  it("configure takes a provider resource's args (secrets unwrapped) over the legacy variables", async () => {
    const req = request(
      { apiToken: secret("from-args"), endpoint: "http://127.0.0.1:1", sectigoLoginName: "me", sectigoLoginPassword: secret("pw") },
      { "nicsrs:config:apiToken": "from-variables", "nicsrs:sectigoEndpoint": "http://127.0.0.1:2" },
    );
    assert.deepEqual(configValues(req), {
      apiToken: "from-args",
      endpoint: "http://127.0.0.1:1",
      sectigoLoginName: "me",
      sectigoLoginPassword: "pw",
      sectigoEndpoint: "http://127.0.0.1:2",
    });
    await configureFromRequest(req);
    assert.deepEqual(resolveCredentials({}), { apiToken: "from-args", endpoint: "http://127.0.0.1:1" });
    assert.deepEqual(sectigoCredentials({}), { loginName: "me", loginPassword: "pw", endpoint: "http://127.0.0.1:2" });
  });

  it("with nothing configured the environment fallbacks apply, as for the dynamic providers", async () => {
    await configureFromRequest(request(undefined));
    assert.deepEqual(resolveCredentials({ NICSRS_API_TOKEN: "env-token" }), { apiToken: "env-token" });
    assert.throws(() => resolveCredentials({}), /no NicSRS API token/);
  });

  it("derives the dynamic resource class's refIdSeed from the URN (project/stack/name), the URN under a parent", () => {
    assert.equal(refIdSeedOf("urn:pulumi:dev::proj::nicsrs:index:Certificate::site"), "proj/dev/site");
    const child = "urn:pulumi:dev::proj::my:Comp$nicsrs:index:Certificate::site";
    assert.equal(refIdSeedOf(child), `proj/dev/${child}`);
    assert.equal(typeOfUrn(child), "nicsrs:index:Certificate");
    assert.throws(() => resourceFor("urn:pulumi:dev::proj::nicsrs:index:Nope::x"), /unknown resource type nicsrs:index:Nope/);
  });

  it("check adds the refIdSeed and keeps secret inputs secret; validation sees plain values", async () => {
    const p = nativeProvider("1.2.3");
    const urn = "urn:pulumi:dev::proj::nicsrs:index:Certificate::site";
    const r = await p.check!(urn, {}, { productCode: "positivessl", domains: ["a.example.com"], csr: secret("not a csr") });
    assert.equal(r.inputs.refIdSeed, "proj/dev/site");
    assert.ok(isSecret(r.inputs.csr));
    const props = (r.failures ?? []).map((f) => f.property);
    assert.ok(props.includes("administrator") && props.includes("csr"), JSON.stringify(r.failures));
  });

  it("secret outputs are marked on the wire and revealed on the way in", () => {
    const outs = markSecret({ privateKeyPem: "k", certificatePem: "c" }, ["privateKeyPem", "pkcs12"]);
    assert.ok(isSecret(outs.privateKeyPem));
    assert.equal(outs.certificatePem, "c");
    assert.equal("pkcs12" in outs, false);
    assert.deepEqual(reveal({ a: [secret({ b: secret(1) })] }), { a: [{ b: 1 }] });
  });

  it("the plugin serves the generated schema with its package version (pulumi package get-schema)", function () {
    this.timeout(10 * 60_000);
    const cli = ensurePulumiCli();
    const dir = nativePluginDir();
    const served = JSON.parse(
      execFileSync(`${cli}/pulumi`, ["package", "get-schema", `${dir}/pulumi-resource-nicsrs`], {
        encoding: "utf8",
        env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
      }),
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { version } = require("../../package.json") as { version: string };
    assert.deepEqual(served, generateSchema(version));
  });
});

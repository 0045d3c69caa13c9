// The Python and Go SDKs generated from schema/schema.json (scripts/gen-sdks.sh, Pulumi's own code
// generators): the Python package installs and imports with the resources' arguments, the Go
// package passes `go vet` against the Pulumi Go SDK.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VALIDATION_FIELDS } from "../../provider/schema/validation-fields";
import { REPO_ROOT } from "../../scripts/engine/pulumi-cli";

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const run = (cmd: string, args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) =>
  execFileSync(cmd, args, { encoding: "utf8", cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });

const CHECK_PY = `
import inspect, json
import pulumi_nicsrs as n
import pulumi_nicsrs.sectigo as s
args = lambda cls: [p for p in inspect.signature(cls.__init__).parameters if p != "__self__" and p != "self"]
print(json.dumps({
  "Certificate": args(n.CertificateArgs),
  "CertificateValidation": args(n.CertificateValidationArgs),
  "SslCertificate": args(s.SslCertificateArgs),
  "SmimeCertificate": args(s.SmimeCertificateArgs),
  "Provider": args(n.ProviderArgs),
  "outputs": [name for name in ("cert_id", "private_key_pem", "dcv_records", "full_chain_pem") if isinstance(getattr(n.Certificate, name, None), property)],
}))
`;

describe("e2e: SDKs generated from the native provider's schema", function () {
  this.timeout(20 * 60_000);
  let out: string;
  let pyHost: string;

  before(function () {
    this.timeout(40 * 60_000);
    out = mkdtempSync(join(tmpdir(), "nicsrs-sdks-"));
    run(join(REPO_ROOT, "scripts", "gen-sdks.sh"), [out]);
    pyHost = run(join(REPO_ROOT, "scripts", "ensure-python-host.sh"), []).trim();
  });
  after(() => out && rmSync(out, { recursive: true, force: true }));

  it("Python: the package installs and exposes every resource with its inputs (snake_case) and outputs", () => {
    const python = join(pyHost, "venv", "bin", "python");
    const target = join(out, "site-packages");
    run(python, ["-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--disable-pip-version-check", "--target", target, join(out, "python")]);
    const seen = JSON.parse(run(python, ["-c", CHECK_PY], { env: { PYTHONPATH: target } }));
    for (const name of ["product_code", "domains", "administrator", "key_source", "delete_policy", "cert_id"]) assert.ok(seen.Certificate.includes(name), name);
    assert.deepEqual([...seen.CertificateValidation].sort(), Object.keys(VALIDATION_FIELDS.inputs).map(snakeCase).sort());
    assert.deepEqual([...seen.SslCertificate].sort(), ["certificate_id", "order_number", "wait_for_issuance", "wait_timeout_minutes"]);
    assert.ok(seen.SmimeCertificate.includes("collection_code"));
    assert.ok(seen.Provider.includes("api_token") && seen.Provider.includes("sectigo_login_password"));
    assert.deepEqual(seen.outputs, ["cert_id", "private_key_pem", "dcv_records", "full_chain_pem"]);
  });

  it("Go: the package passes go vet", () => {
    const dir = join(out, "go");
    writeFileSync(join(dir, "go.mod"), "module github.com/pulumi-nicsrs/pulumi-nicsrs/sdk/go\n\ngo 1.24\n\nrequire github.com/pulumi/pulumi/sdk/v3 v3.274.1\n");
    const go = process.env.GO ?? "go";
    run(go, ["vet", "./..."], { cwd: dir, env: { GOFLAGS: "-mod=mod", GOWORK: "off", GOTOOLCHAIN: "local", PATH: `/usr/local/go/bin:${process.env.PATH ?? ""}` } });
    const types = run(go, ["doc", "./nicsrs", "Certificate"], { cwd: dir, env: { GOFLAGS: "-mod=mod", GOWORK: "off", GOTOOLCHAIN: "local", PATH: `/usr/local/go/bin:${process.env.PATH ?? ""}` } });
    assert.match(types, /PrivateKeyPem\s+pulumi\.StringPtrOutput/);
  });
});

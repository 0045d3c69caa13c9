// `pulumi import` of a Certificate through the real engine, and the program Pulumi prints for it:
// an order placed outside Pulumi is adopted by certId with no new order; the printed YAML runs as it
// is with no changes on the next preview and no mutating CA call. Python (where its host builds): the
// import, the program of the imported inputs type-checked (mypy) against the generated SDK, and the
// same clean preview. A renewal of the adopted order, which needs the administrator contact the CA
// does not report, fails in preview, before anything is sent; a free reissue does not need it.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NicSrsClient } from "../../sdk/nicsrs";
import { createCsr, generateKeyPair } from "../../sdk/x509";
import { administrator } from "../provider/fixtures";
import { LAB_TOKEN, LAB_ZONE } from "../../scripts/engine/lab";
import { REPO_ROOT } from "../../scripts/engine/pulumi-cli";
import { MUTATING_ENDPOINTS, sumCalls } from "./stack-harness";
import { pythonHostOrSkip, usePythonSdk } from "./python-setup";
import { YamlHarness } from "./yaml-harness";

const DAY_MS = 86_400_000;

/** `pulumi preview --json`: the engine's plan, step by step. */
interface PreviewJson {
  steps?: { op: string; urn: string }[];
  changeSummary?: Record<string, number>;
}

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A Python literal of a string, number or list of them (what an imported Certificate's inputs hold). */
function pythonLiteral(v: unknown): string {
  if (typeof v === "string" || typeof v === "number") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pythonLiteral).join(", ")}]`;
  throw new Error(`no Python literal for ${JSON.stringify(v)} here`);
}

/**
 * The program Pulumi's Python generator prints for one imported Certificate: a keyword argument per
 * input. With `argsClass`, the same inputs go through `CertificateArgs`, whose signature (unlike the
 * resource's keyword form, which checks required inputs at run time) makes the required ones required.
 */
function pythonProgram(name: string, inputs: Record<string, unknown>, argsClass = false): string {
  const args = Object.keys(inputs)
    .sort()
    .map((k) => `    ${snakeCase(k)}=${pythonLiteral(inputs[k])}`)
    .join(",\n");
  const call = argsClass ? `"${name}", nicsrs.CertificateArgs(\n${args})` : `"${name}",\n${args}`;
  return `import pulumi\nimport pulumi_nicsrs as nicsrs\n\n${name} = nicsrs.Certificate(${call})\n`;
}

/** The messages of `pulumi preview --json` (the plan lines the provider logs under the resource among them). */
function messagesOf(json: string): string[] {
  const plan = JSON.parse(json) as { diagnostics?: { message: string }[] };
  return (plan.diagnostics ?? []).map((d) => d.message.trim());
}

/** The steps of the preview that are not "same", and the summary's counts other than "same". */
function changesIn(json: string): { steps: string[]; summary: Record<string, number> } {
  const plan = JSON.parse(json) as PreviewJson;
  const steps = (plan.steps ?? []).filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn}`);
  const summary = Object.fromEntries(Object.entries(plan.changeSummary ?? {}).filter(([op, n]) => op !== "same" && n > 0));
  return { steps, summary };
}

describe("e2e: pulumi import of a Certificate, and the printed program run as it is", function () {
  this.timeout(15 * 60_000);
  const h = new YamlHarness();
  const config = () => ({ "nicsrs:endpoint": { value: h.lab.simulator.url }, "nicsrs:apiToken": { value: LAB_TOKEN, secret: true } });
  /** Ordered outside Pulumi (the SDK client), issued; its domains validate by HTTP, not the default. */
  let certId: string;
  let subscriptionEndsAt: string;
  const domains = [`imported.${LAB_ZONE}`, `imported2.${LAB_ZONE}`];

  /** An issued order placed with the SDK client, as a user outside Pulumi would; HTTP DCV, not the default. */
  async function placeOutsidePulumi(names: string[]): Promise<{ certId: string; subscriptionEndsAt: string }> {
    const client = new NicSrsClient({ apiToken: LAB_TOKEN, baseUrl: h.lab.simulator.url });
    try {
      const { privateKeyPem } = await generateKeyPair({ algorithm: "RSA" });
      const csr = await createCsr({ privateKeyPem, commonName: names[0], sans: names });
      const domainInfo = names.map((d) => ({ domainName: d, dcvMethod: "HTTP_CSR_HASH" as const }));
      const placed = await client.place({ productCode: "positivessl-multi-domain", years: 1, params: { csr, domainInfo, Administrator: administrator } });
      await h.lab.simulator.admin.approveDcv(placed.certId);
      const c = await client.collect(placed.certId);
      assert.equal(c.status, "COMPLETE");
      return { certId: placed.certId, subscriptionEndsAt: String(c.dueDate) };
    } finally {
      await client.close();
    }
  }

  before(async function () {
    this.timeout(40 * 60_000); // a first run may build the CLI and the YAML host from Go modules
    await h.start();
    ({ certId, subscriptionEndsAt } = await placeOutsidePulumi(domains));
  });
  after(() => h.stop());
  beforeEach(() => h.lab?.simulator.admin.resetCalls());

  describe("Pulumi YAML", () => {
    let dir: string;
    let printed: string;

    it("import adopts the order and prints a program with the order's inputs and no administrator", async () => {
      dir = h.project("import-yaml", "resources: {}\n");
      await h.newStack(dir, "dev", config());
      const out = join(dir, "imported.yaml");
      await h.ok(dir, ["import", "nicsrs:index:Certificate", "site", certId, "--yes", "--protect=false", "--out", out]);
      const calls = await h.lab.simulator.admin.calls();
      assert.equal(sumCalls(calls, MUTATING_ENDPOINTS), 0, JSON.stringify(calls));
      printed = readFileSync(out, "utf8");
      assert.match(printed, /type: nicsrs:(index:)?Certificate/);
      assert.match(printed, new RegExp(`certId: ${certId}`));
      assert.match(printed, /productCode: positivessl-multi-domain/);
      for (const d of domains) assert.match(printed, new RegExp(`- ${d.replace(/\./g, "\\.")}`));
      assert.match(printed, /dcvMethod: HTTP_CSR_HASH/, "the order's DCV method, not the default");
      assert.doesNotMatch(printed, /administrator/);
    });

    it("the printed program, run as it is, previews with no changes and no mutating CA call", async () => {
      h.project("import-yaml", printed); // the printed `resources:` block is the whole program
      const json = await h.ok(dir, ["preview", "--expect-no-changes", "--json"]);
      assert.deepEqual(changesIn(json), { steps: [], summary: {} });
      assert.equal((JSON.parse(json) as PreviewJson).changeSummary?.same, 2, json); // the stack and the Certificate
      assert.equal(sumCalls(await h.lab.simulator.admin.calls(), MUTATING_ENDPOINTS), 0);
    });

    it("inside the reissue window the adopted order is reissued (free) with no administrator", async () => {
      const state = (await h.exportState(dir)).deployment.resources!.find((r) => r.type === "nicsrs:index:Certificate")!;
      const notAfter = Date.parse(String(state.outputs!.notAfter));
      h.extraEnv.NICSRS_NOW = new Date(notAfter - 10 * DAY_MS).toISOString();
      try {
        const plan = messagesOf(await h.ok(dir, ["preview", "--json"]));
        assert.ok(plan.some((m) => m.startsWith(`${certId}: plan: free reissue inside the subscription`)), plan.join("\n"));
        await h.ok(dir, ["up", "--yes", "--skip-preview"]);
      } finally {
        delete h.extraEnv.NICSRS_NOW;
      }
      const calls = await h.lab.simulator.admin.calls();
      assert.deepEqual([calls.reissue, calls.place ?? 0, calls.renew ?? 0], [1, 0, 0], JSON.stringify(calls));
    });

    it("when a renewal falls due, preview fails naming administrator, before anything is sent", async () => {
      h.extraEnv.NICSRS_NOW = new Date(Date.parse(subscriptionEndsAt) - 30 * DAY_MS).toISOString();
      try {
        const r = await h.pulumi(dir, ["preview"]);
        assert.notEqual(r.code, 0, r.stdout);
        assert.match(r.stdout + r.stderr, /a renewal is due .* must send administrator, which this Certificate's inputs lack/);
        assert.match(r.stdout + r.stderr, /Add administrator to the Certificate's inputs and run again; nothing was ordered/);
        // With the contact added, the same preview plans the paid renewal.
        h.project("import-yaml", printed.replace(/^( +)certId:/m, `$1administrator: ${JSON.stringify(administrator)}\n$1certId:`));
        const plan = messagesOf(await h.ok(dir, ["preview", "--json"]));
        assert.ok(plan.some((m) => /: plan: renewal \(paid: positivessl-multi-domain, 1 year\)/.test(m)), plan.join("\n"));
      } finally {
        delete h.extraEnv.NICSRS_NOW;
        h.project("import-yaml", printed);
      }
      assert.equal(sumCalls(await h.lab.simulator.admin.calls(), MUTATING_ENDPOINTS), 0);
    });
  });

  describe("Python", () => {
    let dir: string;
    let python: string;
    let mypyPath: string;
    let pyCertId: string;

    before(async function () {
      this.timeout(40 * 60_000);
      const hostDir = pythonHostOrSkip(this);
      const sdk = usePythonSdk(h, hostDir);
      python = sdk.python;
      mypyPath = `${execFileSync(join(REPO_ROOT, "scripts", "ensure-mypy.sh"), [python], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim()}:${sdk.site}`;
      dir = h.project("import-python", "", "python", { "__main__.py": "import pulumi\n" });
      pyCertId = (await placeOutsidePulumi([`py-imported.${LAB_ZONE}`])).certId;
      await h.newStack(dir, "dev", config());
    });

    /** mypy over the program against the generated SDK and the `pulumi` package: exit code and report. */
    const mypy = (file: string): { code: number; out: string } => {
      try {
        const out = execFileSync(python, ["-m", "mypy", "--no-incremental", "--no-error-summary", file], { cwd: dir, encoding: "utf8", env: { ...process.env, PYTHONPATH: mypyPath } });
        return { code: 0, out };
      } catch (err) {
        const e = err as { status?: number; stdout?: string; stderr?: string };
        return { code: e.status ?? 1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
      }
    };

    it("import adopts the order; the program of its inputs type-checks against the generated SDK", async () => {
      // The Python host this machine builds (v3.68) has no GenerateProgram, so the CLI cannot print Python
      // here: the program is written from the imported inputs as Pulumi's Python generator lays it out.
      await h.ok(dir, ["import", "nicsrs:index:Certificate", "site", pyCertId, "--yes", "--protect=false", "--generate-code=false"]);
      assert.equal(sumCalls(await h.lab.simulator.admin.calls(), MUTATING_ENDPOINTS), 0);
      const imported = (await h.exportState(dir)).deployment.resources!.find((r) => r.type === "nicsrs:index:Certificate")!;
      assert.deepEqual(Object.keys(imported.inputs!).sort(), ["certId", "dcvMethod", "domains", "productCode"]);
      const printed = pythonProgram("site", imported.inputs!);
      assert.match(printed, new RegExp(`cert_id="${pyCertId}"`));
      writeFileSync(join(dir, "__main__.py"), printed);
      const checked = mypy("__main__.py");
      assert.equal(checked.code, 0, checked.out);
      // The imported inputs satisfy CertificateArgs's required parameters (no administrator among them) …
      writeFileSync(join(dir, "args_form.py"), pythonProgram("site", imported.inputs!, true));
      const argsForm = mypy("args_form.py");
      assert.equal(argsForm.code, 0, argsForm.out);
      // … and the checker does see them: without product_code the same program fails.
      const { productCode: _dropped, ...withoutProduct } = imported.inputs!;
      writeFileSync(join(dir, "missing_arg.py"), pythonProgram("site", withoutProduct, true));
      const broken = mypy("missing_arg.py");
      assert.notEqual(broken.code, 0, "mypy accepted CertificateArgs without product_code");
      assert.match(broken.out, /Missing named argument "product_code" for "CertificateArgs"/);
    });

    it("that program (the keyword form) previews with no changes and no mutating CA call", async () => {
      const json = await h.ok(dir, ["preview", "--expect-no-changes", "--json"]);
      assert.deepEqual(changesIn(json), { steps: [], summary: {} });
      assert.equal((JSON.parse(json) as PreviewJson).changeSummary?.same, 2, json); // the stack and the Certificate
      assert.equal(sumCalls(await h.lab.simulator.admin.calls(), MUTATING_ENDPOINTS), 0);
    });
  });

  describe("afterwards", () => {
    it("no CLI output carried the API token", () => {
      assert.ok(h.transcript.length > 0);
      assert.equal(h.transcript.join("\n").includes(LAB_TOKEN), false);
    });
  });
});

// The real provider host: the providers serialized by the SDK for a (mocked) program, run by
// `@pulumi/pulumi`'s cmd/dynamic-provider started as the engine starts it, with a user's program
// directory as cwd, and driven over gRPC (Configure/Check/Diff/Create/Read/Update/Delete) against
// the simulator. Needs a current dist/: the program imports the package by name as users do (its
// exports map serves dist/), and the host loads pulumi-nicsrs/provider/* from there.
//
// The steps build on each other (one certificate's life), so they run in order.
import { strict as assert } from "node:assert";
import { Certificate, CertificateValidation } from "pulumi-nicsrs";
import { administrator } from "./fixtures";
import { DAY_MS, useSimulator } from "./harness";
import { DIFF, makeProgramDir, ProviderHost, registerWithMocks, rpcSecret, waitUntil, type HostError, type Props, type Registration } from "./host-harness";

const CERT = { type: "pulumi-nodejs:dynamic/nicsrs:Certificate", name: "web" };
const VALIDATION = { type: "pulumi-nodejs:dynamic/nicsrs:CertificateValidation", name: "web-validation" };
/** In the program's environment while it is serialized: must not reach `__provider`. */
const PROGRAM_TOKEN = "program-env-token-0123456789abcdef";
const POLL_ENV = { NICSRS_POLL_MIN_MS: "50", NICSRS_POLL_MAX_MS: "200" };

describe("provider: the real dynamic-provider host over gRPC", function () {
  this.timeout(60_000);
  const h = useSimulator({ apiToken: "sim-token-host-test-7f3a9c0b" });
  const admin = () => h.sim.admin;
  let program: ReturnType<typeof makeProgramDir>;
  let registrations: Registration[];
  const hosts: ProviderHost[] = [];
  /** The host the steps talk to: the first (real time), from the Update step on the one with NICSRS_NOW. */
  let host: ProviderHost;

  const registration = (type: string) => {
    const r = registrations.find((x) => x.type === type);
    assert.ok(r, `no ${type} registered: ${registrations.map((x) => x.type).join(", ")}`);
    return r;
  };
  const inputsOf = (type: string, over: Props = {}): Props => ({ ...registration(type).inputs, ...over });

  /** A host started as the engine starts it, configured with the stack config. */
  async function startHost(env: Record<string, string> = {}): Promise<ProviderHost> {
    const started = await ProviderHost.start(program.dir, { ...POLL_ENV, ...env });
    hosts.push(started);
    await started.configure({ "nicsrs:apiToken": rpcSecret(h.sim.apiToken), "nicsrs:endpoint": h.sim.url });
    return started;
  }

  before(async () => {
    const saved = process.env.NICSRS_API_TOKEN;
    process.env.NICSRS_API_TOKEN = PROGRAM_TOKEN;
    try {
      registrations = await registerWithMocks(() => {
        const cert = new Certificate(CERT.name, {
          productCode: "positivessl-multi-domain",
          domains: ["www.example.com", "api.example.com"],
          administrator,
          deletePolicy: "cancelPending",
        });
        const validation = new CertificateValidation(VALIDATION.name, { certificate: cert, timeoutMinutes: 1 });
        return [cert.certId, validation.certId];
      });
    } finally {
      if (saved === undefined) delete process.env.NICSRS_API_TOKEN;
      else process.env.NICSRS_API_TOKEN = saved;
    }
    program = makeProgramDir();
    host = await startHost();
  });

  after(async () => {
    await Promise.all(hosts.map((x) => x.stop()));
    program?.remove();
  });

  beforeEach(() => admin().resetCalls());

  // State carried from step to step, as the engine keeps it.
  let certInputs: Props;
  let certId: string;
  let certState: Props;
  let validationState: Props;

  for (const type of [CERT.type, VALIDATION.type]) {
    it(`${type.split(":").pop()}: the serialized __provider is under 2 KB and holds no token`, () => {
      const text = String(registration(type).inputs.__provider);
      assert.ok(text.length > 0 && text.length < 2048, `__provider is ${text.length} bytes`);
      assert.ok(text.includes("exports.handler"), "a serialized function module");
      assert.ok(!text.includes(PROGRAM_TOKEN), "captures the program's token");
      assert.ok(!text.includes(h.sim.apiToken), "captures the simulator's token");
    });
  }

  it("Check: bad input fails naming the field, with no CA call", async () => {
    const r = await host.check(CERT, {}, inputsOf(CERT.type, { years: 9 }));
    assert.deepEqual(r.failures.map((f) => f.property), ["years"], JSON.stringify(r.failures));
    assert.match(r.failures[0].reason, /^9 is not allowed \(an integer from 1 to 6\)/);
    assert.deepEqual(await h.calls(), {});
  });

  it("Check: the program's inputs pass and come back with __provider", async () => {
    const r = await host.check(CERT, {}, inputsOf(CERT.type));
    assert.deepEqual(r.failures, []);
    assert.deepEqual(r.inputs.domains, ["www.example.com", "api.example.com"]);
    assert.equal(r.inputs.__provider, registration(CERT.type).inputs.__provider);
    certInputs = r.inputs;
  });

  it("Create: places exactly one order; the certId is the id; DCV records out", async () => {
    const { id, outs } = await host.create(CERT, certInputs);
    const calls = await h.calls();
    assert.equal(calls.place, 1, JSON.stringify(calls));
    const orders = await admin().orders();
    assert.equal(orders.length, 1);
    assert.equal(id, orders[0].certId);
    assert.equal(outs.certId, id);
    assert.equal(outs.status, "PENDING");
    const records = outs.dcvRecords as { domain: string; name: string; type: string }[];
    assert.deepEqual(records.map((r) => r.domain), ["www.example.com", "api.example.com"]);
    for (const r of records) assert.ok(r.type === "CNAME" && r.name.endsWith(`.${r.domain}`), JSON.stringify(r));
    assert.equal(outs.__provider, certInputs.__provider, "the host keeps __provider in state");
    certId = id;
    certState = outs;
  });

  it("Diff: identical inputs → DIFF_NONE; a changed domain list → replace; no CA call", async () => {
    const same = await host.diff(CERT, certId, certState, certInputs);
    assert.equal(same.changes, DIFF.DIFF_NONE);
    assert.deepEqual(same.replaces, []);
    const moved = await host.diff(CERT, certId, certState, { ...certInputs, domains: ["www.example.com", "shop.example.com"] });
    assert.equal(moved.changes, DIFF.DIFF_SOME);
    assert.deepEqual(moved.replaces, ["domains"]);
    assert.equal(moved.deleteBeforeReplace, false);
    assert.deepEqual(await h.calls(), {});
  });

  it("Read: the CA's status and the inputs", async () => {
    const r = await host.read(CERT, certId, certState, certInputs);
    assert.equal(r.id, certId);
    assert.equal(r.props.status, "PENDING");
    assert.equal(r.props.certId, certId);
    assert.deepEqual(r.inputs.domains, certInputs.domains);
    assert.equal(r.inputs.productCode, "positivessl-multi-domain");
    assert.equal(r.inputs.deletePolicy, "cancelPending");
    assert.equal(r.inputs.__provider, certInputs.__provider);
    assert.equal((await h.calls()).collect, 1);
  });

  it("CertificateValidation Create: polls until the CA issues once DCV passes", async () => {
    const checked = await host.check(VALIDATION, {}, inputsOf(VALIDATION.type, { certId }));
    assert.deepEqual(checked.failures, []);
    const creating = host.create(VALIDATION, checked.inputs);
    // The host's stderr (shown to the user by the engine) says it saw PENDING and waits.
    await waitUntil("the validation reported it is waiting", async () => host.output.includes(`nicsrs: waiting for ${certId} (PENDING)`));
    assert.equal((await admin().order(certId)).status, "PENDING", "not issued before DCV passed");
    await admin().approveDcv(certId);
    const { id, outs } = await creating;
    assert.equal(id, certId);
    assert.equal(outs.status, "COMPLETE");
    assert.match(String(outs.certificatePem), /BEGIN CERTIFICATE/);
    assert.ok(outs.notAfter && outs.serialNumber && outs.sha256Fingerprint);
    assert.ok(((await h.calls()).collect ?? 0) >= 2, "collected again after DCV passed");
    validationState = outs;
  });

  it("CertificateValidation Diff: same certId → DIFF_NONE, a new certId → replace; no Delete at the CA", async () => {
    const news = { ...inputsOf(VALIDATION.type), certId };
    assert.equal((await host.diff(VALIDATION, certId, validationState, news)).changes, DIFF.DIFF_NONE);
    const renewed = await host.diff(VALIDATION, certId, validationState, { ...news, certId: "261201renewedcert" });
    assert.equal(renewed.changes, DIFF.DIFF_SOME);
    assert.deepEqual(renewed.replaces, ["certId"]);
    await host.delete(VALIDATION, certId, validationState);
    assert.deepEqual(await h.calls(), {});
    assert.equal((await admin().order(certId)).status, "COMPLETE");
  });

  it("Read after issuance: the dates from the certificate; nothing to do yet", async () => {
    const r = await host.read(CERT, certId, certState, certInputs);
    assert.equal(r.props.status, "COMPLETE");
    assert.equal(r.props.notAfter, validationState.notAfter);
    assert.equal(r.props.privateKeyPem, certState.privateKeyPem, "refresh keeps the key");
    certState = r.props;
    assert.equal((await host.diff(CERT, certId, certState, certInputs)).changes, DIFF.DIFF_NONE);
  });

  it("Update: 175 days on (a host started with NICSRS_NOW = the simulator's clock) → reissue", async () => {
    const start = Date.parse(await admin().clock());
    const later = await admin().setClock(new Date(start + 175 * DAY_MS).toISOString());
    const moved = await startHost({ NICSRS_NOW: later });
    await admin().resetCalls();
    const d = await moved.diff(CERT, certId, certState, certInputs);
    assert.equal(d.changes, DIFF.DIFF_SOME);
    assert.deepEqual(d.replaces, []);
    assert.deepEqual(await h.calls(), {}, "planning makes no CA call");
    const outs = await moved.update(CERT, certId, certState, certInputs);
    const calls = await h.calls();
    assert.equal(calls.reissue, 1, JSON.stringify(calls));
    assert.equal(calls.renew ?? 0, 0);
    assert.equal(calls.place ?? 0, 0);
    assert.notEqual(outs.certId, certId);
    assert.equal((await admin().order(String(outs.certId))).reissueOf, certId);
    assert.equal(outs.status, "PENDING");
    assert.deepEqual(outs.previousCertIds, [certId]);
    assert.notEqual(outs.privateKeyPem, certState.privateKeyPem, "a fresh key");
    assert.equal(outs.__provider, certInputs.__provider);
    assert.match(moved.output, /nicsrs: \S+: plan: free reissue inside the subscription: /);
    assert.match(String(outs.lastAction), /^free reissue inside the subscription: /);
    certState = outs;
    host = moved;
  });

  it("Delete with deletePolicy cancelPending: the pending order is cancelled", async () => {
    const current = String(certState.certId);
    await host.delete(CERT, certId, certState);
    const calls = await h.calls();
    assert.equal(calls.cancel, 1, JSON.stringify(calls));
    assert.equal((await admin().order(current)).status, "CANCELLED");
    assert.equal((await admin().order(certId)).status, "COMPLETE", "the certificate it reissued is left alone");
    assert.match(host.output, new RegExp(`nicsrs: ${current}: cancelled at the CA before issuance \\(refunded\\) \\(deletePolicy cancelPending\\)`));
  });

  it("Create with waitForIssuance that times out: the placed order is recorded and refresh/destroy work from it", async () => {
    const inputs: Props = { ...certInputs, refIdSeed: "proj/dev/impatient", waitForIssuance: true, waitTimeoutMinutes: 0.005 };
    const err = await host.create(CERT, inputs).then(
      () => assert.fail("expected the create to time out"),
      (e: HostError) => e,
    );
    assert.match(err.details, /was not issued within 0\.005 minutes/);
    assert.ok(err.initFailed, `no ErrorResourceInitFailed in ${err.message}`);
    const placed = (await admin().orders()).filter((o) => o.status === "PENDING");
    assert.equal(placed.length, 1);
    assert.equal(err.initFailed.id, placed[0].certId);
    assert.equal(err.initFailed.properties.certId, placed[0].certId);
    // The engine stores these properties as the resource's state: refresh and destroy load the
    // provider from them, so they must carry it.
    assert.equal(err.initFailed.properties.__provider, inputs.__provider);
    const refreshed = await host.read(CERT, err.initFailed.id, err.initFailed.properties, inputs);
    assert.equal(refreshed.props.status, "PENDING");
    await host.delete(CERT, err.initFailed.id, err.initFailed.properties);
    assert.equal((await admin().order(placed[0].certId)).status, "CANCELLED");
  });

  it("Read with the CA down: one line for the user, no stack trace (issue 8.5)", async () => {
    const down = await ProviderHost.start(program.dir, { ...POLL_ENV, NICSRS_REQUEST_BUDGET_SECONDS: "2" });
    hosts.push(down);
    await down.configure({ "nicsrs:apiToken": rpcSecret(h.sim.apiToken), "nicsrs:endpoint": "http://127.0.0.1:9" });
    const err = await down.read(CERT, certId, certState, certInputs).then(
      () => assert.fail("read succeeded"),
      (e: Error) => e,
    );
    assert.match(err.message, /NicSRS collect: connection refused/);
    assert.doesNotMatch(err.message, /\n\s+at /, "no stack in the error the engine prints");
    assert.doesNotMatch(down.output, /\n\s+at /, `no stack printed by the host:\n${down.output}`);
    assert.doesNotMatch(down.output, /connection refused/, "the host does not print the error a second time");
  });

  it("a host whose engine is gone exits by itself (issue 9.5)", async () => {
    const orphan = await startHost();
    await orphan.check(CERT, {}, inputsOf(CERT.type)); // loads the provider
    await orphan.closeEngine();
    await orphan.exited; // bounded by the test timeout; the watch notices within about 2 s
    assert.match(orphan.output, /nicsrs: the Pulumi engine is gone \(nothing listens at its address 127\.0\.0\.1:\d+\); stopping this provider/);
  });

  it("no token in anything the host printed", () => {
    for (const x of hosts) {
      assert.ok(!x.output.includes(h.sim.apiToken), x.output);
    }
  });
});

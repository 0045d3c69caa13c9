// The native provider object against the simulator: the same lifecycle as the dynamic host, with
// secrets marked on the wire, also in a "created, but failed to initialize" error's outputs.
import { strict as assert } from "node:assert";
import { nativeProvider } from "../../provider/native/provider";
import { isSecret } from "../../provider/native/secrets";
import { baseInputs } from "./fixtures";
import { useSimulator, type Props } from "./harness";

const urn = (name: string) => `urn:pulumi:sim::native::nicsrs:index:Certificate::${name}-${Date.now()}`;

describe("provider: native host against the simulator", function () {
  this.timeout(60_000);
  const h = useSimulator();
  const p = nativeProvider("0.0.0-test");

  it("create places once, with the refIdSeed check derived from the URN; the key is a secret output", async () => {
    await h.sim.admin.resetCalls();
    const u = urn("site");
    const checked = await p.check!(u, {}, baseInputs());
    assert.deepEqual(checked.failures, []);
    const { id, outs } = await p.create!(u, checked.inputs);
    assert.deepEqual(await h.calls(), { getCertByRefId: 1, place: 1 });
    assert.equal(outs.certId, id);
    assert.ok(isSecret(outs.privateKeyPem));
    assert.match(String((outs.privateKeyPem as { value: unknown }).value), /PRIVATE KEY/);
    assert.equal(typeof outs.csrPem, "string");
  });

  it("read with no state (pulumi import) returns the order's inputs and stores them as create does: the same inputs diff clean", async () => {
    const u = urn("imported");
    const { refIdSeed: _shared, ...own } = baseInputs(); // its own refId (derived from the URN), not the other tests'
    const { inputs } = await p.check!(u, {}, { ...own, dcvMethod: "HTTP_CSR_HASH" });
    const { id } = await p.create!(u, inputs);
    await h.sim.admin.approveDcv(id);
    await h.sim.admin.resetCalls();
    const read = await p.read!(id, u, {});
    assert.deepEqual(Object.keys(await h.calls()), ["collect"]);
    assert.deepEqual(read.inputs, { certId: id, productCode: "positivessl-multi-domain", domains: ["www.example.com", "api.example.com"], dcvMethod: "HTTP_CSR_HASH" });
    assert.equal(read.props.adoptedCertId, id);
    assert.deepEqual(read.props.domains, ["www.example.com", "api.example.com"]);
    assert.equal(read.props.status, "COMPLETE");
    // what the engine then does with the printed program: check, then diff against the imported state
    const checked = await p.check!(u, read.inputs!, read.inputs!);
    assert.deepEqual(checked.failures, [], "no administrator needed to adopt");
    const d = await p.diff!(id, u, read.props, checked.inputs);
    assert.equal(d.changes, false, JSON.stringify(d));
  });

  it("read with no state of an order the CA does not know: no resource (the engine says so), no error of ours", async () => {
    assert.deepEqual(await p.read!("000000nosuchorder", urn("missing"), {}), { id: "", props: {} });
  });

  it("a waitForIssuance timeout keeps the order in the error's outputs, with the key marked secret", async () => {
    const u = urn("slow");
    const { inputs } = await p.check!(u, {}, { ...baseInputs(), waitForIssuance: true, waitTimeoutMinutes: 0.005 });
    const err = await p.create!(u, inputs).then(
      () => assert.fail("expected a timeout"),
      (e: Error & { id?: string; properties?: Props }) => e,
    );
    assert.match(err.message, /was not issued within 0.005 minutes/);
    assert.equal(err.properties?.certId, err.id);
    assert.ok(isSecret(err.properties?.privateKeyPem), "privateKeyPem must not reach state in plain text");
  });
});

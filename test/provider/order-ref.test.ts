// The first order's refId and the order generation check computes: the refId follows the resource,
// never inputs a user may edit between a failed run and the next one.
import { strict as assert } from "node:assert";
import { deriveRefId, toSpec } from "../../provider/certificate-inputs";
import { check } from "../../provider/cert-impl";
import { matchesInputs, orderGeneration, placeRefId } from "../../provider/order-ref";
import type { CollectResult } from "../../sdk/nicsrs";
import { baseInputs } from "./fixtures";

const seed = { refIdSeed: "proj/dev/web" };

describe("provider: order refId and generation", () => {
  it("the derived refId depends on the seed and the generation only, not on edited inputs; a user refId wins", () => {
    const a = placeRefId(toSpec({ ...baseInputs(), ...seed }), 1);
    assert.match(a, /^pulumi-[0-9a-f]{24}$/);
    assert.equal(a, placeRefId(toSpec({ ...baseInputs(), ...seed, years: 2, deletePolicy: "retain" }), 1));
    assert.equal(a, placeRefId(toSpec({ ...baseInputs(), ...seed, domains: ["www.example.com", "x.example.com", "y.example.com"] }), 1));
    assert.equal(a, placeRefId(toSpec({ ...baseInputs(), ...seed, key: { algorithm: "ECDSA" } }), 1));
    assert.notEqual(a, placeRefId(toSpec({ ...baseInputs(), ...seed }), 2));
    assert.notEqual(a, placeRefId(toSpec({ ...baseInputs(), refIdSeed: "proj/prod/web" }), 1));
    assert.equal(placeRefId(toSpec({ ...baseInputs(), refId: "mine-1" }), 3), "mine-1");
    assert.equal(deriveRefId("s", "x").length, 31);
  });

  it("generation: 1 without state (new, or a create that failed), kept by in-place edits, +1 when the order is replaced", () => {
    const olds = { ...baseInputs(), ...seed, orderGeneration: 4 };
    assert.equal(orderGeneration(undefined, baseInputs()), 1);
    assert.equal(orderGeneration({}, baseInputs()), 1);
    assert.equal(orderGeneration({ __provider: "x" }, baseInputs()), 1);
    assert.equal(orderGeneration(olds, { ...baseInputs(), ...seed, years: 3, renewBeforeDays: 20 }), 4);
    assert.equal(orderGeneration(olds, { ...baseInputs(), ...seed, domains: ["www.example.com", "new.example.com"] }), 5);
    assert.equal(orderGeneration(olds, { ...baseInputs(), ...seed, productCode: "sectigo-ov" }), 5);
    assert.equal(orderGeneration(olds, { ...baseInputs(), ...seed, key: { algorithm: "ECDSA" } }), 5);
    // State written before generations existed counts as generation 1.
    assert.equal(orderGeneration({ ...baseInputs(), ...seed }, { ...baseInputs(), ...seed, domains: ["a.example.com"] }), 2);
  });

  it("check adds the generation to the inputs it returns, and it passes validation", async () => {
    const fresh = await check({}, { ...baseInputs(), ...seed });
    assert.deepEqual(fresh.failures, []);
    assert.equal(fresh.inputs.orderGeneration, 1);
    const replaced = await check(fresh.inputs, { ...baseInputs(), ...seed, domains: ["only.example.com"] });
    assert.deepEqual(replaced.failures, []);
    assert.equal(replaced.inputs.orderGeneration, 2);
    const again = await check(replaced.inputs, { ...baseInputs(), ...seed, domains: ["only.example.com"] });
    assert.equal(again.inputs.orderGeneration, 2);
  });

  it("an order found under the refId matches when it covers exactly the domains asked for", () => {
    const spec = toSpec({ ...baseInputs(), domains: ["www.example.com", "api.example.com"] });
    const collect = (domains: string[]): CollectResult =>
      ({ certId: "C", status: "PENDING", stillIssuing: false, dcv: { dns: [], files: [], emails: [] }, domains: domains.map((domain) => ({ domain, verified: false })), steps: {} }) as CollectResult;
    assert.equal(matchesInputs(spec, collect(["API.example.com", "www.example.com"])), true);
    assert.equal(matchesInputs(spec, collect(["www.example.com"])), false);
    assert.equal(matchesInputs(spec, collect([])), undefined, "nothing to compare with");
  });
});

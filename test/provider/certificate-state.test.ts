import { strict as assert } from "node:assert";
import { newState, readState, writeState } from "../../provider/certificate-state";
import { DEAD_STATUSES, isDead, isIssued, isOver } from "../../provider/order-status";
import { baseInputs } from "./fixtures";

/** A bag as the engine hands it back after create: inputs echoed, outputs, `__provider`. */
function bag(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...baseInputs(),
    adoptedCertId: "260000adopted000",
    requestedRefId: "my-ref",
    orderGeneration: 2,
    __provider: "serialized provider v1",
    certId: "261201abcdefghij",
    refId: "my-ref",
    status: "COMPLETE",
    dcvRecords: [{ domain: "example.com", method: "CNAME_CSR_HASH", name: "_abc.example.com", type: "CNAME", value: "x.sectigo.com" }],
    dcvFiles: [],
    dcvEmails: [{ domain: "example.com", email: "admin@example.com" }],
    validatedDomains: ["example.com"],
    privateKeyPem: "-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----\n",
    notAfter: "2027-06-19T00:00:00.000Z",
    previousCertIds: ["260101olderorder0"],
    keyMismatch: true,
    lastAction: "collect only (no order, no charge)",
    ...over,
  };
}

describe("provider: Certificate state (read once, written once)", () => {
  it("round-trips a bag unchanged, keys of other versions and __provider included", () => {
    const b = bag({ someFutureOutput: { nested: [1, 2] } });
    assert.deepEqual(writeState(readState(b)), b);
  });

  it("reads the inputs under their input names: certId / refId inputs from adoptedCertId / requestedRefId", () => {
    const s = readState(bag());
    assert.equal(s.inputs.certId, "260000adopted000");
    assert.equal(s.inputs.refId, "my-ref");
    assert.equal(s.inputs.orderGeneration, 2);
    assert.deepEqual(s.inputs.domains, baseInputs().domains);
    assert.equal(s.certId, "261201abcdefghij", "the certId output is the current order, not the adopted one");
    assert.equal(s.dcvRecords?.[0].name, "_abc.example.com");
    assert.deepEqual(s.previousCertIds, ["260101olderorder0"]);
    assert.equal(s.keyMismatch, true);
    assert.deepEqual(s.other, { __provider: "serialized provider v1" });
    assert.equal("adoptedCertId" in s.other, false);
  });

  it("drops a known output of the wrong type, keeps the rest", () => {
    const s = readState(bag({ keyMismatch: "yes", previousCertIds: [1, 2], dcvRecords: [{ domain: "example.com", type: "MX" }], notAfter: 5 }));
    assert.equal(s.keyMismatch, undefined);
    assert.equal(s.previousCertIds, undefined);
    assert.equal(s.dcvRecords, undefined);
    assert.equal(s.notAfter, undefined);
    const out = writeState(s);
    for (const k of ["keyMismatch", "previousCertIds", "dcvRecords", "notAfter"]) assert.equal(k in out, false, k);
    assert.equal(out.status, "COMPLETE");
  });

  it("writes no undefined value (protobuf Structs cannot carry them): an output set to undefined is left out", () => {
    const s = readState(bag());
    s.keyMismatch = undefined;
    const out = writeState({ ...s, status: undefined });
    assert.equal("keyMismatch" in out, false);
    assert.equal("status" in out, false);
    assert.equal(Object.values(out).includes(undefined), false);
  });

  it("a new state from create's inputs: only the inputs, no __provider, certId / refId stored under their state names", () => {
    const out = writeState(newState({ ...baseInputs(), certId: "260000adopted000", refId: "my-ref", __provider: "p" }));
    assert.equal(out.adoptedCertId, "260000adopted000");
    assert.equal(out.requestedRefId, "my-ref");
    assert.equal("certId" in out, false);
    assert.equal("refId" in out, false);
    assert.equal("__provider" in out, false);
  });
});

describe("provider: order statuses", () => {
  it("dead, over and issued", () => {
    for (const s of DEAD_STATUSES) assert.equal(isDead(s) && isOver(s), true, s);
    assert.equal(isDead("EXPIRED"), false);
    assert.equal(isOver("EXPIRED"), true);
    for (const s of ["PENDING", "PROCESSING", "COMPLETE", undefined]) assert.equal(isOver(s), false, String(s));
    assert.equal(isIssued({ status: "COMPLETE", certificatePem: "-----BEGIN CERTIFICATE-----" }), true);
    assert.equal(isIssued({ status: "COMPLETE" }), false);
    assert.equal(isIssued({ status: "PROCESSING", certificatePem: "x" }), false);
  });
});

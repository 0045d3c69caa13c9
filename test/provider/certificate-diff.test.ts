import { strict as assert } from "node:assert";
import { diffCertificate, storedInputs } from "../../provider/certificate-diff";
import { UNKNOWN } from "../../provider/unknowns";
import { baseInputs, issuedState } from "./fixtures";

const now = new Date("2026-12-10T00:00:00Z");

/** State as create leaves it, with the serialized provider and the refId the dynamic host stores. */
function state(over: Record<string, unknown> = {}): Record<string, unknown> {
  return issuedState({ __provider: "serialized provider v1", refId: "pulumi-0123456789abcdef01234567", ...over });
}
const news = (over: Record<string, unknown> = {}) => ({ ...baseInputs(), __provider: "serialized provider v2", ...over });

describe("provider: Certificate diff (state only)", () => {
  it("no change: explicit changes=false, and a new __provider is ignored", () => {
    const d = diffCertificate(state(), news(), now);
    assert.equal(d.changes, false);
    assert.deepEqual(d.replaces, []);
    assert.equal(d.deleteBeforeReplace, false);
    assert.ok(d.stables.includes("domains"));
  });

  it("replaces on product, domain set, common name, key, csr, keySource, uniqueValue, adoption", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ productCode: "positivessl" }, "productCode"],
      [{ domains: ["www.example.com", "new.example.com"] }, "domains"],
      [{ domains: ["api.example.com", "www.example.com"] }, "domains"],
      [{ key: { algorithm: "ECDSA" } }, "key"],
      [{ keySource: "ca" }, "keySource"],
      [{ uniqueValue: "abc123" }, "uniqueValue"],
      [{ certId: "260000otherorder" }, "certId"],
    ];
    for (const [over, key] of cases) {
      const d = diffCertificate(state(), news(over), now);
      assert.equal(d.changes, true, key);
      assert.ok(d.replaces.includes(key), `${key}: ${JSON.stringify(d)}`);
      assert.equal(d.deleteBeforeReplace, false);
    }
  });

  it("same domains in another order (same common name) and default-valued inputs change nothing", () => {
    const s = state({ domains: ["www.example.com", "a.example.com", "b.example.com"] });
    assert.equal(diffCertificate(s, news({ domains: ["WWW.example.com", "b.example.com", "a.example.com"] }), now).changes, false);
    assert.equal(diffCertificate(state(), news({ dcvMethod: "CNAME_CSR_HASH", key: { algorithm: "RSA", rsaBits: 2048 }, keySource: "local" }), now).changes, false);
  });

  it("contacts, years, DCV, deletePolicy, renewBeforeDays: update in place, no replace", () => {
    for (const over of [
      { years: 2 },
      { administrator: { ...(baseInputs().administrator as object), job: "CTO" } },
      { dcvMethod: "HTTP_CSR_HASH" },
      { deletePolicy: "revoke" },
      { renewBeforeDays: 20 },
      { waitForIssuance: true },
    ]) {
      const d = diffCertificate(state(), news(over), now);
      assert.equal(d.changes, true, JSON.stringify(over));
      assert.deepEqual(d.replaces, [], JSON.stringify(over));
    }
  });

  it("refId and refIdSeed only matter at creation", () => {
    assert.equal(diffCertificate(state(), news({ refId: "mine", refIdSeed: "other/seed" }), now).changes, false);
  });

  it("an adopted certificate whose certId moved on (reissue) keeps no diff", () => {
    const s = state({ adoptedCertId: "260000adopted000", certId: "261201reissued00" });
    assert.equal(diffCertificate(s, news({ certId: "260000adopted000" }), now).changes, false);
    assert.deepEqual(storedInputs(s).certId, "260000adopted000");
  });

  it("unknown values (preview): a replacing input that is unknown shows a replace; others an update", () => {
    let d = diffCertificate(state(), news({ domains: UNKNOWN }), now);
    assert.deepEqual(d.replaces, ["domains"]);
    d = diffCertificate(state(), news({ domains: ["www.example.com", UNKNOWN] }), now);
    assert.deepEqual(d.replaces, ["domains"]);
    d = diffCertificate(state(), news({ administrator: UNKNOWN }), now);
    assert.equal(d.changes, true);
    assert.deepEqual(d.replaces, []);
  });

  it("a CA-cancelled or revoked order (seen by refresh) is replaced", () => {
    for (const status of ["CANCELLED", "REVOKED", "FAILED"]) {
      const d = diffCertificate(state({ status }), news(), now);
      assert.deepEqual(d.replaces, ["status"]);
    }
  });

  it("an issued certificate that does not match the key (seen by refresh) is an update: the reissue that fixes it", () => {
    const d = diffCertificate(state({ keyMismatch: true }), news(), now);
    assert.equal(d.changes, true);
    assert.deepEqual(d.replaces, []);
    assert.deepEqual(d.changed, ["keyMismatch"]);
  });

  it("renewal: planned from state with no input change", () => {
    let d = diffCertificate(state(), news(), new Date("2027-05-25T00:00:00Z"));
    assert.equal(d.changes, true);
    assert.deepEqual(d.replaces, []);
    assert.deepEqual(d.changed, ["renewal"]);
    assert.equal(d.renewal?.action, "reissue");
    d = diffCertificate(state({ notAfter: "2027-12-01T00:00:00.000Z", notBefore: "2027-05-25T00:00:00.000Z" }), news(), new Date("2027-11-10T00:00:00Z"));
    assert.equal(d.renewal?.action, "renew");
    // the new renewBeforeDays counts
    d = diffCertificate(state(), news({ renewBeforeDays: 10 }), new Date("2027-05-25T00:00:00Z"));
    assert.deepEqual(d.changed, ["renewBeforeDays"]);
  });

  it("renewal for a certificate created before issuance (no dates in state): estimated from placement", () => {
    const s = state({ status: "PENDING", notBefore: undefined, notAfter: undefined, subscriptionEndsAt: undefined, pendingSeenAt: "2026-12-01T00:00:00.000Z" });
    assert.equal(diffCertificate(s, news(), new Date("2027-05-01T00:00:00Z")).changes, false);
    const d = diffCertificate(s, news(), new Date("2027-05-25T00:00:00Z"));
    assert.equal(d.renewal?.action, "reissue");
    assert.equal(d.renewal?.notAfterEstimated, true);
  });
});

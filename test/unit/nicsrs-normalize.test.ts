import { strict as assert } from "node:assert";
import { wireDateToIso } from "../../sdk/nicsrs/dates";
import { normalizeCertStatus, normalizeStepStatus, toCollectResult } from "../../sdk/nicsrs/normalize";
import { flattenWireErrors } from "../../sdk/nicsrs/errors";
import { makeRedactor } from "../../sdk/http";

describe("nicsrs normalization", () => {
  describe("wireDateToIso", () => {
    it("reads wire dates as UTC+8", () => {
      assert.equal(wireDateToIso("2019-12-21 08:00:00"), "2019-12-21T00:00:00.000Z");
      assert.equal(wireDateToIso("2020-03-22 07:59:58"), "2020-03-21T23:59:58.000Z");
      assert.equal(wireDateToIso("2024-01-01 03:00:00"), "2023-12-31T19:00:00.000Z");
    });
    it("reads a date without time as midnight UTC+8", () => {
      assert.equal(wireDateToIso("2024-05-02"), "2024-05-01T16:00:00.000Z");
    });
    it("accepts already-ISO strings with a zone", () => {
      assert.equal(wireDateToIso("2024-05-02T10:00:00Z"), "2024-05-02T10:00:00.000Z");
      assert.equal(wireDateToIso("2024-05-02T10:00:00+02:00"), "2024-05-02T08:00:00.000Z");
      assert.equal(wireDateToIso("2024-05-02T10:00:00.123Z"), "2024-05-02T10:00:00.123Z");
    });
    it("gives undefined for empty, zero and garbage dates", () => {
      for (const v of [undefined, null, "", "  ", "0000-00-00 00:00:00", "soon", "2024-13-01 00:00:00", "2024-01-01 25:00:00"]) {
        assert.equal(wireDateToIso(v), undefined, String(v));
      }
    });
  });

  describe("normalizeCertStatus", () => {
    it("passes known statuses through, any case", () => {
      assert.deepEqual(normalizeCertStatus("COMPLETE", "PENDING"), { status: "COMPLETE" });
      assert.deepEqual(normalizeCertStatus("pending", "COMPLETE"), { status: "PENDING", rawStatus: "pending" });
    });
    it("maps aliases and unknown values (to PROCESSING), keeping rawStatus", () => {
      assert.deepEqual(normalizeCertStatus("Canceled", "PENDING"), { status: "CANCELLED", rawStatus: "Canceled" });
      assert.deepEqual(normalizeCertStatus("AWAITING_BLESSING", "PENDING"), { status: "PROCESSING", rawStatus: "AWAITING_BLESSING" });
    });
    it("uses the fallback when absent", () => {
      assert.deepEqual(normalizeCertStatus(undefined, "PENDING"), { status: "PENDING" });
    });
  });

  it("normalizeStepStatus reads strings and numbers", () => {
    assert.equal(normalizeStepStatus({ status: "Done" }), "done");
    assert.equal(normalizeStepStatus({ status: "Not done" }), "notdone");
    assert.equal(normalizeStepStatus({ status: "ONGOING" }), "ongoing");
    assert.equal(normalizeStepStatus({ status: 1 }), "done");
    assert.equal(normalizeStepStatus({ status: 9 }), undefined);
    assert.equal(normalizeStepStatus(null), undefined);
  });

  it("toCollectResult maps fields, dates, domains and steps", () => {
    const r = toCollectResult(
      "C1",
      {
        certificate: "-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n",
        caCertificate: "CA",
        beginDate: "2025-01-01 08:00:00",
        endDate: "2025-07-01 07:59:59",
        dueDate: "2026-01-01 07:59:59",
        rsaPrivateKey: "KEY",
        pkcs12: "P12",
        pkcsPass: "pw",
        jks: "JKS",
        jksPass: "jpw",
        vendorId: "V1",
        vendorCertId: "",
        dcvList: [{ domainName: "a.test", dcvMethod: "CNAME_CSR_HASH", is_verify: "verified" }, { domainName: "b.test", dcvMethod: "EMAIL", dcvEmail: "admin@b.test", is_verify: "" }],
        application: { status: "done" },
        issued: { status: 2 },
      },
      "COMPLETE",
      false,
    );
    assert.equal(r.certId, "C1");
    assert.equal(r.status, "COMPLETE");
    assert.equal(r.beginDate, "2025-01-01T00:00:00.000Z");
    assert.equal(r.endDate, "2025-06-30T23:59:59.000Z");
    assert.equal(r.dueDate, "2025-12-31T23:59:59.000Z");
    assert.equal(r.privateKeyPem, "KEY");
    assert.equal(r.pkcs12Password, "pw");
    assert.equal(r.jksPassword, "jpw");
    assert.equal(r.vendorId, "V1");
    assert.equal("vendorCertId" in r, false, "empty strings are left out");
    assert.deepEqual(r.domains, [
      { domain: "a.test", method: "CNAME_CSR_HASH", verified: true },
      { domain: "b.test", method: "EMAIL", email: "admin@b.test", verified: false },
    ]);
    assert.deepEqual(r.steps, { application: "done", issued: "ongoing" });
    assert.deepEqual(r.dcv.emails, [{ domain: "b.test", email: "admin@b.test" }]);
  });

  it("toCollectResult without a status: COMPLETE with a certificate, PENDING without, PROCESSING on code 2", () => {
    assert.equal(toCollectResult("C", { certificate: "PEM" }, undefined, false).status, "COMPLETE");
    assert.equal(toCollectResult("C", {}, undefined, false).status, "PENDING");
    const issuing = toCollectResult("C", {}, undefined, true);
    assert.equal(issuing.status, "PROCESSING");
    assert.equal(issuing.stillIssuing, true);
  });

  describe("flattenWireErrors", () => {
    it("flattens a string, an array and a field map (field-prefixed)", () => {
      assert.deepEqual(flattenWireErrors("bad thing"), ["bad thing"]);
      assert.deepEqual(flattenWireErrors(["one", " two ", ""]), ["one", "two"]);
      assert.deepEqual(flattenWireErrors({ years: ["years is required", "years must be 1-6"], csr: "csr is invalid" }), [
        "years: years is required",
        "years: years must be 1-6",
        "csr: csr is invalid",
      ]);
      assert.deepEqual(flattenWireErrors(null), []);
    });
  });

  it("makeRedactor removes raw, JSON-escaped and URL-encoded forms", () => {
    const r = makeRedactor(['tok"en/+=']);
    assert.equal(r('a tok"en/+= b tok\\"en/+= c tok%22en%2F%2B%3D'), "a [REDACTED] b [REDACTED] c [REDACTED]");
  });
});

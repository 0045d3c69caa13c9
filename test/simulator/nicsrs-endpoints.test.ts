// Every /ssl endpoint over raw HTTP, in both encodings, and every error code the simulator answers.
import assert from "node:assert/strict";
import { useSimulator } from "../helpers/simulator";
import type { PostOptions } from "../helpers/simulator";
import { CONTACT, csrFor, ORGANIZATION, placeFields, uniqueRefId } from "./fixtures";

const ENCODINGS: [string, PostOptions][] = [
  ["JSON body, params as object", { encoding: "json", paramsAsString: false }],
  ["JSON body, params as JSON string", { encoding: "json", paramsAsString: true }],
  ["form body, params as JSON string", { encoding: "form" }],
];

describe("simulator: NicSRS endpoints", () => {
  const sim = useSimulator({ autoValidate: { afterCollects: 1 }, credit: 1000 });

  async function issued(domains = ["shop.example.com"], opts: PostOptions = {}) {
    const placed = await sim.post("place", placeFields({ domains, csr: await csrFor(domains), refId: uniqueRefId() }), opts);
    assert.equal(placed.json.code, 1, placed.text);
    const collected = await sim.post("collect", { certId: placed.json.data.certId }, opts);
    assert.equal(collected.json.status, "COMPLETE", collected.text);
    return placed.json.data.certId as string;
  }

  for (const [label, opts] of ENCODINGS) {
    describe(label, () => {
      it("place answers certId, vendor ids, applyTime (UTC+8 wire date) and the DCV fields", async () => {
        const refId = uniqueRefId();
        const res = await sim.post("place", placeFields({ domains: ["a.example.com"], csr: await csrFor(["a.example.com"]), refId }), opts);
        assert.equal(res.status, 200);
        assert.equal(res.json.code, 1, res.text);
        const d = res.json.data;
        assert.match(d.certId, /^\d{6}[a-z]{10}$/);
        assert.match(d.vendorId, /^\d{10}$/);
        assert.match(d.applyTime, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
        assert.equal(d.DCVdnsType, "CNAME");
        assert.match(d.DCVdnsHost, /^_[0-9A-F]{32}$/);
        assert.equal((await sim.admin.order(d.certId)).refId, refId);
      });

      it("collect: PENDING with dcvList, then COMPLETE with certificate and dates", async () => {
        const placed = await sim.post("place", placeFields({ domains: ["b.example.com"], csr: await csrFor(["b.example.com"]) }), opts);
        const certId = placed.json.data.certId;
        const res = await sim.post("collect", { certId }, opts);
        assert.equal(res.json.code, 1, res.text);
        assert.equal(res.json.status, "COMPLETE");
        assert.deepEqual(res.json.data.dcvList, [{ domainName: "b.example.com", dcvMethod: "CNAME_CSR_HASH", dcvEmail: "", is_verify: "verified" }]);
        assert.match(res.json.data.certificate, /BEGIN CERTIFICATE/);
        assert.match(res.json.data.caCertificate, /BEGIN CERTIFICATE/);
        assert.match(res.json.data.beginDate, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
        assert.equal(res.json.data.issued.status, "Done");
      });

      it("productList lists the catalogue and filters by vendor", async () => {
        const all = await sim.post("productList", {}, opts);
        assert.equal(all.json.code, 1);
        const codes = all.json.data.map((p: { code: string }) => p.code).sort();
        assert.deepEqual(codes, ["positivessl", "positivessl-multi-domain", "positivessl-wildcard", "rapidssl-standard-dv", "sectigo-ev", "sectigo-ov"]);
        const digicert = await sim.post("productList", { vendor: "DigiCert" }, opts);
        assert.deepEqual(digicert.json.data.map((p: { code: string }) => p.code), ["rapidssl-standard-dv"]);
        assert.equal(digicert.json.data[0].dcvStyle, undefined, "internal fields are not on the wire");
      });

      it("validate accepts a good order without creating or debiting anything", async () => {
        const before = { orders: (await sim.admin.orders()).length, credit: await sim.admin.credit() };
        const res = await sim.post("validate", placeFields({ domains: ["c.example.com"] }), opts);
        assert.equal(res.json.code, 1, res.text);
        assert.equal((await sim.admin.orders()).length, before.orders);
        assert.equal(await sim.admin.credit(), before.credit);
      });

      it("getCertByRefId finds an order by refId", async () => {
        const refId = uniqueRefId();
        const placed = await sim.post("place", placeFields({ domains: ["d.example.com"], csr: await csrFor(["d.example.com"]), refId }), opts);
        const res = await sim.post("getCertByRefId", { refId }, opts);
        assert.equal(res.json.code, 1);
        assert.deepEqual(res.json.data, { certId: placed.json.data.certId, refId, status: "PENDING" });
      });

      it("updateDCV switches a pending domain to EMAIL and answers its new fields", async () => {
        const placed = await sim.post("place", placeFields({ domains: ["e.example.com"], csr: await csrFor(["e.example.com"]) }), opts);
        const certId = placed.json.data.certId;
        const res = await sim.post("updateDCV", { certId, domainName: "e.example.com", dcvMethod: "EMAIL", dcvEmail: "hostmaster@example.com" }, opts);
        assert.equal(res.json.code, 1, res.text);
        assert.equal(res.json.data.dcvMethod, "EMAIL");
        assert.equal(res.json.data.dcvEmail, "hostmaster@example.com");
        const order = await sim.admin.order(certId);
        assert.equal(order.domains[0].dcvMethod, "EMAIL");
        assert.equal(order.domains[0].dcvEmail, "hostmaster@example.com");
      });

      it("cancel, revoke, reissue and renew succeed in their windows", async () => {
        const pending = await sim.post("place", placeFields({ domains: ["f.example.com"], csr: await csrFor(["f.example.com"]) }), opts);
        const cancelled = await sim.post("cancel", { certId: pending.json.data.certId, reason: "test" }, opts);
        assert.equal(cancelled.json.code, 1, cancelled.text);

        const certId = await issued(["g.example.com"], opts);
        const reissued = await sim.post("reissue", { certId, reason: "key change", params: { csr: await csrFor(["g.example.com"]) } }, opts);
        assert.equal(reissued.json.code, 1, reissued.text);
        assert.notEqual(reissued.json.data.certId, certId);

        const revoked = await sim.post("revoke", { certId, reason: "superseded" }, opts);
        assert.equal(revoked.json.code, 1, revoked.text);
        assert.equal((await sim.admin.order(certId)).status, "REVOKED");
      });
    });
  }

  describe("errors", () => {
    it("code 400 (HTTP 200) for a missing or wrong api_token, and nothing happens", async () => {
      const calls = (await sim.admin.orders()).length;
      for (const apiToken of [null, "", "wrong-token"]) {
        const res = await sim.post("place", placeFields({ domains: ["x.example.com"] }), { apiToken });
        assert.equal(res.status, 200);
        assert.equal(res.json.code, 400, res.text);
        assert.match(res.json.msg, /permission denied/);
        assert.ok(!res.text.includes("wrong-token"), "the token is not echoed");
      }
      assert.equal((await sim.admin.orders()).length, calls);
    });

    it("code -1 with field → messages for schema violations (params fields without the params. prefix)", async () => {
      const res = await sim.post("place", { productCode: "positivessl", params: { domainInfo: [{ domainName: "x.example.com", dcvMethod: "CARRIER_PIGEON" }], Administrator: { ...CONTACT, email: "nope" } } });
      assert.equal(res.json.code, -1, res.text);
      assert.deepEqual(Object.keys(res.json.errors).sort(), ["Administrator.email", "domainInfo.0.dcvMethod", "years"]);
      assert.deepEqual(res.json.errors.years, ["years is required"]);
    });

    it("code -1 for params that are not JSON", async () => {
      const res = await sim.post("place", { productCode: "positivessl", years: 1, params: "{not json" });
      assert.equal(res.json.code, -1);
      assert.deepEqual(res.json.errors, { params: ["params is not valid JSON"] });
    });

    it("code -1 for product rules: years, domain count, wildcard, OV data, EMAIL and HTTP rules", async () => {
      const cases: [ReturnType<typeof placeFields>, string, RegExp][] = [
        [placeFields({ productCode: "sectigo-ev", years: 3, domains: ["x.example.com"] }), "years", /sold for 1, 2 year/],
        [placeFields({ domains: ["x.example.com", "y.example.com"] }), "domainInfo", /at most 1 domain/],
        [placeFields({ domains: ["*.example.com"] }), "domainInfo.0.domainName", /does not accept wildcard/],
        [placeFields({ domains: ["localhost"] }), "domainInfo.0.domainName", /not a valid domain/],
        [placeFields({ productCode: "positivessl-wildcard", domains: ["*.example.com"], method: "HTTP_CSR_HASH" }), "domainInfo.0.dcvMethod", /cannot validate the wildcard/],
        [placeFields({ domains: ["x.example.com"], method: "EMAIL" }), "domainInfo.0.dcvEmail", /required/],
        [placeFields({ domains: ["x.example.com"], method: "EMAIL", dcvEmail: "ceo@example.com" }), "domainInfo.0.dcvEmail", /not an approver address/],
        [placeFields({ domains: ["x.example.com"], method: "EMAIL", dcvEmail: "admin@com" }), "domainInfo.0.dcvEmail", /not an approver address/],
        [placeFields({ productCode: "sectigo-ov", domains: ["x.example.com"] }), "organizationInfo", /required for OV/],
        [placeFields({ productCode: "sectigo-ev", domains: ["x.example.com"], extra: { organizationInfo: ORGANIZATION } }), "tech", /required for EV/],
        [placeFields({ domains: ["x.example.com"], csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----" }), "csr", /cannot be parsed/],
      ];
      for (const [fields, field, message] of cases) {
        const res = await sim.post("place", fields);
        assert.equal(res.json.code, -1, `${field}: ${res.text}`);
        assert.ok(res.json.errors[field], `${field} expected in ${res.text}`);
        assert.match(res.json.errors[field].join(" "), message);
      }
    });

    it("code -1 when the CSR names a domain that is not ordered", async () => {
      const csr = await csrFor(["x.example.com", "evil.example.net"]);
      const res = await sim.post("place", placeFields({ domains: ["x.example.com"], csr }));
      assert.equal(res.json.code, -1);
      assert.match(res.json.errors.csr[0], /evil\.example\.net/);
    });

    it("code -1 for an unknown certId, and getCertByRefId's documented not-found answer", async () => {
      const res = await sim.post("collect", { certId: "000000nosuchorder" });
      assert.equal(res.json.code, -1);
      assert.ok(res.json.errors.certId);
      const ref = await sim.post("getCertByRefId", { refId: "never-used" });
      assert.deepEqual(ref.json, { code: -1, msg: "refId not found", errors: { refId: ["no order with this refId"] } });
    });

    it("code -3 for an unknown product", async () => {
      const res = await sim.post("place", placeFields({ productCode: "comodo-unicorn", domains: ["x.example.com"] }));
      assert.equal(res.json.code, -3);
      assert.match(res.json.msg, /comodo-unicorn/);
    });

    it("code -4 when the credit does not cover price × years; nothing is debited or ordered", async () => {
      await sim.admin.setCredit(10);
      try {
        const orders = (await sim.admin.orders()).length;
        const res = await sim.post("place", placeFields({ years: 2, domains: ["x.example.com"], csr: await csrFor(["x.example.com"]) }));
        assert.equal(res.json.code, -4, res.text);
        const dry = await sim.post("validate", placeFields({ years: 2, domains: ["x.example.com"] }));
        assert.equal(dry.json.code, -4);
        assert.equal(await sim.admin.credit(), 10);
        assert.equal((await sim.admin.orders()).length, orders);
      } finally {
        await sim.admin.setCredit(1000);
      }
    });

    it("code -6 for operations the CA refuses (revoke pending, updateDCV after issue, renew too early)", async () => {
      const pending = await sim.post("place", placeFields({ domains: ["y.example.com"], csr: await csrFor(["y.example.com"]) }));
      const revoke = await sim.post("revoke", { certId: pending.json.data.certId });
      assert.equal(revoke.json.code, -6);
      assert.match(revoke.json.msg, /only issued certificates can be revoked/);
      const certId = await issued(["z.example.com"]);
      const update = await sim.post("updateDCV", { certId, domainName: "z.example.com", dcvMethod: "HTTP_CSR_HASH" });
      assert.equal(update.json.code, -6);
      const renew = await sim.post("renew", { renewId: certId, years: 1, params: placeFields({ domains: ["z.example.com"] }).params });
      assert.equal(renew.json.code, -6);
      assert.match(renew.json.msg, /renewal opens 90 days before/);
    });

    it("unknown request fields are ignored", async () => {
      const res = await sim.post("productList", { vendor: "Sectigo", flavour: "vanilla" });
      assert.equal(res.json.code, 1);
    });
  });

  describe("refId idempotency", () => {
    it("the same refId twice gives one order, one debit and the same answer", async () => {
      const refId = uniqueRefId("idem");
      const fields = placeFields({ domains: ["idem.example.com"], csr: await csrFor(["idem.example.com"]), refId });
      const credit = await sim.admin.credit();
      const first = await sim.post("place", fields);
      const second = await sim.post("place", fields, { encoding: "form" });
      assert.equal(first.json.code, 1);
      assert.deepEqual(second.json, first.json);
      assert.equal((await sim.admin.orders()).filter((o) => o.refId === refId).length, 1);
      assert.equal(await sim.admin.credit(), Math.round((credit - 7.99) * 100) / 100);
    });

    it("concurrent places with one refId still make one order", async () => {
      const refId = uniqueRefId("race");
      const fields = placeFields({ domains: ["race.example.com"], csr: await csrFor(["race.example.com"]), refId });
      const answers = await Promise.all([sim.post("place", fields), sim.post("place", fields), sim.post("place", fields)]);
      assert.equal(new Set(answers.map((a) => a.json.data.certId)).size, 1);
      assert.equal((await sim.admin.orders()).filter((o) => o.refId === refId).length, 1);
    });

    it("a refId used by a place cannot be reused for a reissue", async () => {
      const refId = uniqueRefId("mixed");
      const certId = await issued(["mixed.example.com"]);
      await sim.post("place", placeFields({ domains: ["other.example.com"], csr: await csrFor(["other.example.com"]), refId }));
      const res = await sim.post("reissue", { certId, refId });
      assert.equal(res.json.code, -1);
      assert.match(res.json.errors.refId[0], /already belongs to place order/);
    });
  });
});

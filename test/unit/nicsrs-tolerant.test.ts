// The tolerant reader (issue 9 point 1): answers written by hand as drifting NicSRS backends send
// them (ids as numbers, flags as "Y"/"1"/1/true, aliases, `[]` for objects, unknown fields) are
// read; a missing essential field is named.
import { strict as assert } from "node:assert";
import { MockAgent } from "undici";
import { NicSrsClient, NicSrsResponseError } from "../../sdk";
import { CollectDataSchema, EnvelopeSchema, GetCertByRefIdDataSchema, PlaceDataSchema, ProductWireSchema } from "../../sdk/nicsrs/wire";
import { blank, flag, optText, readFlag, readNumber, requiredId } from "../../sdk/nicsrs/tolerant";
import { z } from "zod";

function client(answers: Record<string, unknown[]>) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get("https://portal.nicsrs.com");
  for (const [endpoint, list] of Object.entries(answers)) {
    for (const body of list) {
      pool.intercept({ path: `/ssl/${endpoint}`, method: "POST" }).reply(200, JSON.stringify(body), { headers: { "content-type": "application/json" } });
    }
  }
  return new NicSrsClient({ apiToken: "tolerant-test-token-1234", dispatcher: agent, sleep: async () => undefined, generateRefId: () => "ref-1" });
}

describe("tolerant reader helpers", () => {
  it("flags: Y/N, 1/0, true/false, yes/no in any type; anything else is unknown", () => {
    for (const v of ["Y", "y", "1", 1, true, "true", "yes"]) assert.equal(readFlag(v), true, String(v));
    for (const v of ["N", "0", 0, false, "false", "no"]) assert.equal(readFlag(v), false, String(v));
    for (const v of [null, undefined, "maybe", {}]) assert.equal(readFlag(v), undefined, String(v));
    assert.equal(flag.parse("N"), false);
  });

  it("ids and texts: numbers read as strings; null and \"\" are absent; a missing essential id is named", () => {
    assert.equal(requiredId.parse(260113123456), "260113123456");
    assert.equal(requiredId.parse(" C1 "), "C1");
    assert.equal(optText.parse(123456789), "123456789");
    assert.equal(optText.parse(null), undefined);
    assert.equal(optText.parse(""), undefined);
    assert.equal(optText.parse({ nested: true }), undefined);
    const r = z.object({ certId: requiredId }).safeParse({});
    assert.equal(r.success, false);
    assert.deepEqual(r.error!.issues.map((i) => [i.path.join("."), i.message]), [["certId", "missing"]]);
    assert.equal(readNumber("12.5"), 12.5);
    assert.equal(readNumber("x"), undefined);
    assert.equal(blank(z.string().min(3)).parse(""), undefined, "\"\" means not given, not a too-short string");
  });

  it("envelope: code as a string, msg as a number, errors of an unknown shape kept as text", () => {
    const env = EnvelopeSchema.parse({ code: "1", msg: 0, errors: { years: 5 }, extra: true });
    assert.equal(env.code, 1);
    assert.equal(env.msg, "0");
    assert.equal(env.errors, '{"years":5}');
  });

  it("place data: numeric certId/vendorId, `[]` for dcvInfo, unknown fields ignored", () => {
    const d = PlaceDataSchema.parse({ certId: 42, vendorId: 7, dcvInfo: [], whatever: { a: 1 }, DCVdnsHost: null });
    assert.equal(d.certId, "42");
    assert.equal(d.vendorId, "7");
    assert.equal(d.dcvInfo, undefined);
    assert.equal(d.DCVdnsHost, undefined);
  });

  it("collect data: `[]` for data, is_verify 1/true, dcvList entries without a domain dropped, step status as a bare string", () => {
    assert.deepEqual(CollectDataSchema.parse([]).dcvList, undefined);
    const d = CollectDataSchema.parse({
      dcvList: [{ domainName: "a.example.com", is_verify: 1 }, { domainName: "b.example.com", is_verify: true }, { is_verify: "verified" }],
      issued: "done",
      vendorCertId: 99,
    });
    assert.deepEqual(d.dcvList!.map((e) => [e.domainName, e.is_verify]), [["a.example.com", "verified"], ["b.example.com", "verified"]]);
    assert.deepEqual(d.issued, { status: "done" });
    assert.equal(d.vendorCertId, "99");
  });

  it("getCertByRefId data: certId as a number; certStatus read when status is absent", () => {
    const d = GetCertByRefIdDataSchema.parse({ certId: 5, certStatus: "PENDING" });
    assert.equal(d.certId, "5");
    assert.equal(d.certStatus, "PENDING");
  });

  it("product: flags in every form, numbers as strings", () => {
    const p = ProductWireSchema.parse({ code: 12, supportWildcard: 1, supportSan: "N", maxDomain: "250", maxYear: "" });
    assert.equal(p.code, "12");
    assert.equal(p.supportWildcard, true);
    assert.equal(p.supportSan, false);
    assert.equal(p.maxDomain, 250);
    assert.equal(p.maxYear, undefined);
  });
});

describe("tolerant reader through the client", () => {
  it("collect: status under data.certStatus, privateKey alias, numeric ids, unknown fields", async () => {
    const c = client({
      collect: [{ code: 1, data: { certStatus: "complete", certId: 77, vendorId: 123456789, privateKey: "-----BEGIN PRIVATE KEY-----\nK\n-----END PRIVATE KEY-----", surprise: [1] } }],
    });
    const r = await c.collect("77");
    assert.equal(r.status, "COMPLETE");
    assert.equal(r.certId, "77");
    assert.equal(r.vendorId, "123456789");
    assert.match(r.privateKeyPem!, /BEGIN PRIVATE KEY/);
  });

  it("place: an answer without certId fails and says exactly that certId is missing", async () => {
    const c = client({ place: [{ code: 1, data: { vendorId: 1, DCVdnsHost: "_x" } }], getCertByRefId: [{ code: -1, msg: "refId not found" }] });
    const err = await c
      .place({
        productCode: "positivessl",
        years: 1,
        params: {
          domainInfo: [{ domainName: "example.com", dcvMethod: "CNAME_CSR_HASH" }],
          Administrator: { job: "j", city: "c", email: "a@example.com", state: "s", mobile: "1", address: "a", country: "DE", lastName: "l", postCode: "1", firstName: "f", organization: "o" },
        },
      })
      .then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof NicSrsResponseError, String(err));
    assert.match(err.message, /certId: missing/);
  });

  it("getCertByRefId: a numeric certId and a certStatus-only status are read", async () => {
    const c = client({ getCertByRefId: [{ code: 1, data: [{ certId: 260113, certStatus: "processing" }] }] });
    assert.deepEqual(await c.getCertByRefId("r"), { certId: "260113", status: "PROCESSING" });
  });
});

import { strict as assert } from "node:assert";
import * as util from "node:util";
import { MockAgent } from "undici";
import {
  NicSrsApiError,
  NicSrsClient,
  NicSrsError,
  NicSrsResponseError,
  NicSrsTransportError,
  NicSrsValidationError,
  type NicSrsClientOptions,
  type PlaceInput,
} from "../../sdk";

const TOKEN = "tok-S3cr3t-9f8e7d6c5b4a";
const BASE = "https://portal.nicsrs.com";

const admin = {
  job: "CEO",
  city: "Shanghai",
  email: "admin@example.com",
  state: "Shanghai",
  mobile: "18111111111",
  address: "1 Road",
  country: "CN",
  lastName: "Zhang",
  postCode: "401320",
  firstName: "Nick",
  organization: "NicSRS",
};

const placeReq: PlaceInput = {
  productCode: "positivessl",
  years: 1,
  params: {
    csr: "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----",
    server: "other",
    domainInfo: [
      { domainName: "example.com", dcvMethod: "CNAME_CSR_HASH" },
      { domainName: "www.example.com", dcvMethod: "HTTP_CSR_HASH" },
    ],
    Administrator: admin,
  },
};

/** Every error any test saw: checked for the token at the end, and by assertNoToken as we go. */
const seenErrors: unknown[] = [];
const seenLogs: string[] = [];

function assertNoToken(value: unknown): void {
  const texts: string[] = [util.inspect(value, { depth: Infinity, showHidden: true }), JSON.stringify(value) ?? ""];
  if (value instanceof Error) {
    texts.push(String(value.stack), value.message);
    for (const name of Object.getOwnPropertyNames(value)) {
      texts.push(util.inspect((value as unknown as Record<string, unknown>)[name], { depth: Infinity, showHidden: true }));
    }
    if (value.cause !== undefined) assertNoToken(value.cause);
  }
  for (const t of texts) assert.ok(!t.includes(TOKEN), `token leaked in: ${t.slice(0, 400)}`);
}

async function catchError(p: Promise<unknown>): Promise<NicSrsError> {
  try {
    await p;
  } catch (err) {
    seenErrors.push(err);
    assertNoToken(err);
    assert.ok(err instanceof NicSrsError, `expected a NicSrsError, got ${String(err)}`);
    return err;
  }
  assert.fail("expected the call to fail");
}

function setup(extra: Partial<NicSrsClientOptions> = {}, origin = BASE) {
  const agent = new MockAgent({ enableCallHistory: true });
  agent.disableNetConnect();
  const pool = agent.get(origin);
  const sleeps: number[] = [];
  const logs: string[] = [];
  const client = new NicSrsClient({
    apiToken: TOKEN,
    dispatcher: agent,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0,
    logger: (l) => {
      logs.push(l);
      seenLogs.push(l);
    },
    generateRefId: () => "nicsrs-generated1",
    ...extra,
  });
  const calls = () =>
    agent
      .getCallHistory()!
      .calls()
      .map((c) => ({ path: c.path, endpoint: c.path.split("/").pop()!, body: JSON.parse(String(c.body)) as Record<string, unknown>, headers: c.headers }));
  const count = (endpoint: string) => calls().filter((c) => c.endpoint === endpoint).length;
  const reply = (endpoint: string, status: number, body: unknown, headers: Record<string, string> = {}) =>
    pool
      .intercept({ path: (p) => p.endsWith(`/ssl/${endpoint}`), method: "POST" })
      .reply(status, typeof body === "string" ? body : JSON.stringify(body), { headers: { "content-type": "application/json", ...headers } });
  const fail = (endpoint: string, err: Error) => pool.intercept({ path: `/ssl/${endpoint}`, method: "POST" }).replyWithError(err);
  return { agent, pool, client, sleeps, logs, calls, count, reply, fail };
}

const sysError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("NicSrsClient (MockAgent)", () => {
  describe("requests", () => {
    it("POSTs JSON with api_token, top-level fields and params as a JSON string; generates a refId", async () => {
      const t = setup();
      t.reply("place", 200, { code: 1, data: { certId: "C1" } });
      const r = await t.client.place(placeReq);
      const [call] = t.calls();
      assert.equal(call!.path, "/ssl/place");
      assert.equal(call!.headers?.["content-type"], "application/json");
      assert.equal(call!.body.api_token, TOKEN);
      assert.equal(call!.body.productCode, "positivessl");
      assert.equal(call!.body.years, 1);
      assert.equal(call!.body.refId, "nicsrs-generated1");
      assert.equal(typeof call!.body.params, "string");
      assert.deepEqual(JSON.parse(call!.body.params as string).domainInfo, placeReq.params.domainInfo);
      assert.equal(r.refId, "nicsrs-generated1");
    });

    it("the default refId generator gives nicsrs-<random>", async () => {
      const t = setup({ generateRefId: undefined });
      t.reply("place", 200, { code: 1, data: { certId: "C1" } });
      t.reply("place", 200, { code: 1, data: { certId: "C2" } });
      const a = await t.client.place(placeReq);
      const b = await t.client.place(placeReq);
      assert.match(a.refId, /^nicsrs-[0-9a-f]{24}$/);
      assert.notEqual(a.refId, b.refId);
    });

    it("keeps the caller's refId", async () => {
      const t = setup();
      t.reply("renew", 200, { code: 1, data: { certId: "C2" } });
      const r = await t.client.renew({ renewId: "C1", years: "2", refId: "mine-1", params: placeReq.params });
      assert.equal(t.calls()[0]!.body.refId, "mine-1");
      assert.equal(t.calls()[0]!.body.years, 2, "years coerced to a number");
      assert.equal(r.refId, "mine-1");
    });

    for (const [baseUrl, origin, path] of [
      ["https://portal.nicsrs.com/", BASE, "/ssl/collect"],
      ["https://api.example.test/prefix", "https://api.example.test", "/prefix/ssl/collect"],
      ["https://api.example.test/prefix/", "https://api.example.test", "/prefix/ssl/collect"],
    ] as const) {
      it(`baseUrl ${baseUrl} → ${path}`, async () => {
        const t = setup({ baseUrl }, origin);
        t.reply("collect", 200, { code: 1, status: "PENDING", data: {} });
        await t.client.collect("C1");
        assert.equal(t.calls()[0]!.path, path);
      });
    }

    it("a bad request throws NicSrsValidationError (code -1, field named) and sends nothing", async () => {
      const t = setup();
      const bad = { ...placeReq, years: 9, params: { ...placeReq.params, Administrator: { ...admin, email: "nope" } } };
      const err = await catchError(t.client.place(bad));
      assert.ok(err instanceof NicSrsValidationError);
      assert.ok(err instanceof NicSrsApiError);
      assert.equal(err.code, -1);
      assert.equal(err.endpoint, "place");
      assert.ok(err.fields.includes("params.Administrator.email"), err.fields.join());
      assert.ok(err.fields.includes("years"));
      assert.match(err.message, /params\.Administrator\.email/);
      assert.equal(t.calls().length, 0);
      const e2 = await catchError(t.client.collect(""));
      assert.ok(e2 instanceof NicSrsValidationError && e2.fields.includes("certId"));
      assert.equal(t.calls().length, 0);
    });
  });

  describe("responses", () => {
    it("place: normalizes certId, vendor ids, applyTime and DCV from dcvInfo", async () => {
      const t = setup();
      t.reply("place", 200, {
        code: 1,
        msg: "ok",
        data: {
          certId: "260113vghhracpaw",
          vendorId: "V-1",
          vendorCertId: "VC-1",
          applyTime: "2026-01-13 10:00:00",
          dcvInfo: {
            "example.com": { DCVdnsHost: "_ABC", DCVdnsValue: "abc.def.sectigo.com", DCVdnsType: "CNAME" },
            "www.example.com": { DCVfileName: "ABC.txt", DCVfileContent: "HASH\nsectigo.com", DCVfilePath: "/.well-known/pki-validation/" },
          },
        },
      });
      const r = await t.client.place(placeReq);
      assert.deepEqual(r, {
        certId: "260113vghhracpaw",
        refId: "nicsrs-generated1",
        vendorId: "V-1",
        vendorCertId: "VC-1",
        appliedAt: "2026-01-13T02:00:00.000Z",
        recovered: false,
        dcv: {
          dns: [{ domain: "example.com", method: "CNAME_CSR_HASH", name: "_ABC.example.com", type: "CNAME", value: "abc.def.sectigo.com" }],
          files: [
            {
              domain: "www.example.com",
              method: "HTTP_CSR_HASH",
              url: "http://www.example.com/.well-known/pki-validation/ABC.txt",
              path: "/.well-known/pki-validation/ABC.txt",
              content: "HASH\nsectigo.com",
            },
          ],
          emails: [],
        },
      });
    });

    it("place: single DCV fields apply to the requested domains of the matching method", async () => {
      const t = setup();
      t.reply("place", 200, { code: 1, data: { certId: "C1", DCVdnsHost: "_dnsauth", DCVdnsValue: "tok", DCVdnsType: "txt" } });
      const r = await t.client.place(placeReq);
      assert.deepEqual(r.dcv.dns, [{ domain: "example.com", method: "CNAME_CSR_HASH", name: "_dnsauth.example.com", type: "TXT", value: "tok" }]);
      assert.deepEqual(r.dcv.files, []);
    });

    it("reissue without domainInfo: the reply's single DCV fields name no domain, so collect supplies the domains", async () => {
      const t = setup();
      t.reply("reissue", 200, { code: 1, data: { certId: "C2", dcvMethod: "CNAME_CSR_HASH", DCVdnsHost: "_R", DCVdnsValue: "r.sectigo.com", DCVdnsType: "CNAME" } });
      t.reply("collect", 200, {
        code: 1,
        status: "PENDING",
        data: { DCVdnsHost: "_R", DCVdnsValue: "r.sectigo.com", DCVdnsType: "CNAME", dcvList: [{ domainName: "r.test", dcvMethod: "CNAME_CSR_HASH" }] },
      });
      const r = await t.client.reissue({ certId: "C1" });
      assert.equal(r.recovered, false);
      assert.deepEqual(r.dcv.dns, [{ domain: "r.test", method: "CNAME_CSR_HASH", name: "_R.r.test", type: "CNAME", value: "r.sectigo.com" }]);
      assert.deepEqual(t.calls().map((c) => [c.endpoint, c.body.certId]), [["reissue", "C1"], ["collect", "C2"]]);
    });

    it("collect: status, PEMs, ISO dates, dcvList domains; unknown fields ignored", async () => {
      const t = setup();
      t.reply("collect", 200, {
        code: "1",
        status: "COMPLETE",
        somethingNew: { nested: true },
        data: {
          certificate: "CERT",
          caCertificate: "CA",
          beginDate: "2025-03-01 08:00:00",
          endDate: "2025-09-17 07:59:59",
          dueDate: "2026-03-01 07:59:59",
          futureField: [1, 2, 3],
          dcvList: [{ domainName: "example.com", dcvMethod: "EMAIL", dcvEmail: "admin@example.com", is_verify: "verified", extra: 1 }],
          application: { status: "done" },
        },
      });
      const r = await t.client.collect("C1");
      assert.equal(r.status, "COMPLETE");
      assert.equal(r.stillIssuing, false);
      assert.equal(r.certificatePem, "CERT");
      assert.equal(r.caCertificatePem, "CA");
      assert.equal(r.beginDate, "2025-03-01T00:00:00.000Z");
      assert.equal(r.endDate, "2025-09-16T23:59:59.000Z");
      assert.equal(r.dueDate, "2026-02-28T23:59:59.000Z");
      assert.deepEqual(r.domains, [{ domain: "example.com", method: "EMAIL", email: "admin@example.com", verified: true }]);
      assert.deepEqual(r.dcv.emails, [{ domain: "example.com", email: "admin@example.com" }]);
      assert.deepEqual(r.steps, { application: "done" });
      assert.equal(r.certId, "C1");
    });

    it("collect: code 2 is not an error (stillIssuing), and `data: []` is read as empty", async () => {
      const t = setup();
      t.reply("collect", 200, { code: 2, msg: "still being issued", data: [] });
      const r = await t.client.collect("C1");
      assert.equal(r.stillIssuing, true);
      assert.equal(r.status, "PROCESSING");
    });

    it("collect: an unknown status maps to PROCESSING with rawStatus; certStatus is used when status is absent", async () => {
      const t = setup();
      t.reply("collect", 200, { code: 1, status: "WAITING_FOR_GODOT", data: {} });
      t.reply("collect", 200, { code: 1, certStatus: "cancelled", data: {} });
      const a = await t.client.collect("C1");
      assert.equal(a.status, "PROCESSING");
      assert.equal(a.rawStatus, "WAITING_FOR_GODOT");
      const b = await t.client.collect("C1");
      assert.equal(b.status, "CANCELLED");
    });

    for (const [label, errors, expected] of [
      ["a string", "years is required", ["years is required", "validation failed"]],
      ["an array", ["years is required", "csr is invalid"], ["years is required", "csr is invalid", "validation failed"]],
      [
        "a field map",
        { years: ["years is required", "years must be 1-6"], csr: "csr is invalid" },
        ["years: years is required", "years: years must be 1-6", "csr: csr is invalid", "validation failed"],
      ],
    ] as const) {
      it(`API errors: \`errors\` as ${label} is flattened into messages (plus msg)`, async () => {
        const t = setup();
        t.reply("validate", 200, { code: -1, msg: "validation failed", errors });
        const err = await catchError(t.client.validate(placeReq));
        assert.ok(err instanceof NicSrsApiError);
        assert.equal(err.code, -1);
        assert.equal(err.codeMeaning, "parameter validation failed");
        assert.equal(err.endpoint, "validate");
        assert.deepEqual(err.messages, expected);
        assert.equal(err.msg, "validation failed");
        for (const m of expected) assert.ok(err.message.includes(m));
      });
    }

    it("code 400 (bad token) is an API error with its meaning; an unknown code says so", async () => {
      const t = setup();
      t.reply("productList", 200, { code: 400, msg: `token ${TOKEN} is not allowed from this IP` });
      t.reply("cancel", 200, { code: -99 });
      const err = await catchError(t.client.productList());
      assert.ok(err instanceof NicSrsApiError);
      assert.equal(err.code, 400);
      assert.match(err.codeMeaning, /permission denied/);
      assert.match(err.message, /\[REDACTED\]/, "a token echoed by the server is redacted");
      const e2 = await catchError(t.client.cancel("C1"));
      assert.ok(e2 instanceof NicSrsApiError);
      assert.equal(e2.codeMeaning, "unknown response code -99");
    });

    it("a non-JSON body → NicSrsResponseError with a short, token-free excerpt", async () => {
      const t = setup();
      const html = `<html><body>Bad gateway-ish page echoing api_token=${TOKEN} ${"x".repeat(1000)}</body></html>`;
      t.reply("collect", 200, html, { "content-type": "text/html" });
      const err = await catchError(t.client.collect("C1"));
      assert.ok(err instanceof NicSrsResponseError);
      assert.equal(err.httpStatus, 200);
      assert.ok(err.excerpt.length <= 300, String(err.excerpt.length));
      assert.match(err.excerpt, /^<html><body>Bad gateway-ish page echoing api_token=\[REDACTED\]/);
      assert.match(err.message, /not JSON/);
      assert.equal(t.count("collect"), 1, "a malformed 200 is not retried");
    });

    it("JSON that is not an envelope, or data of the wrong shape → NicSrsResponseError", async () => {
      const t = setup();
      t.reply("collect", 200, { hello: "world" });
      t.reply("getCertByRefId", 200, { code: 1, data: { refId: "r" } });
      const a = await catchError(t.client.collect("C1"));
      assert.ok(a instanceof NicSrsResponseError && /envelope/.test(a.message));
      const b = await catchError(t.client.getCertByRefId("r"));
      assert.ok(b instanceof NicSrsResponseError && /certId/.test(b.message), b.message);
    });

    it("a 4xx with an error envelope is the API's answer", async () => {
      const t = setup();
      t.reply("revoke", 403, { code: 400, msg: "permission denied" });
      const err = await catchError(t.client.revoke("C1", "keyCompromise"));
      assert.ok(err instanceof NicSrsApiError && err.code === 400);
    });

    it("getCertByRefId: found → { certId, status }, not found → null, other -1 → error", async () => {
      const t = setup();
      t.reply("getCertByRefId", 200, { code: 1, data: { certId: "C7", refId: "r1", status: "pending" } });
      t.reply("getCertByRefId", 200, { code: -1, msg: "refId not found", errors: { refId: ["no order with this refId"] } });
      t.reply("getCertByRefId", 200, { code: -1, msg: "database on fire" });
      assert.deepEqual(await t.client.getCertByRefId("r1"), { certId: "C7", status: "PENDING" });
      assert.equal(await t.client.getCertByRefId("r2"), null);
      const err = await catchError(t.client.getCertByRefId("r3"));
      assert.ok(err instanceof NicSrsApiError && err.code === -1);
    });

    it("productList reads the real shape (productName, Y/N flags, maxDomain, price.basePrice.priceNNN) and skips entries without a code", async () => {
      const t = setup();
      // Shape from the public clients (hvngroup/whmcs_nicsrs_ssl ProductService, racentssl/php-sdk); written by hand.
      const p = {
        code: "positivessl",
        productName: "PositiveSSL",
        vendor: "Sectigo",
        supportWildcard: "N",
        supportSan: "N",
        supportStandard: "Y",
        supportIp: "N",
        maxDomain: "1",
        maxYear: 2,
        defaultProtectDomain: 1,
        price: { basePrice: { price012: "9.50", price024: 18 } },
      };
      t.reply("productList", 200, { code: 1, data: [p, { productName: "no code" }] });
      const list = await t.client.productList("Sectigo");
      assert.deepEqual(list, [
        {
          code: "positivessl",
          name: "PositiveSSL",
          vendor: "Sectigo",
          maxDomains: 1,
          years: [1, 2],
          wildcard: false,
          san: false,
          ip: false,
          standard: true,
          includedDomains: 1,
          prices: [
            { months: 12, price: 9.5 },
            { months: 24, price: 18 },
          ],
        },
      ]);
      assert.equal(t.calls()[0]!.body.vendor, "Sectigo");
    });

    it("updateDcv returns the new records of that domain; cancel/revoke/validate resolve on code 1", async () => {
      const t = setup();
      t.reply("updateDCV", 200, { code: 1, data: { DCVfileName: "N.txt", DCVfileContent: "c", DCVfilePath: "/.well-known/pki-validation/" } });
      t.reply("updateDCV", 200, { code: 1 });
      t.reply("cancel", 200, { code: 1, data: { refund: true } });
      t.reply("revoke", 200, { code: 1 });
      t.reply("validate", 200, { code: 1 });
      const files = await t.client.updateDcv({ certId: "C1", domainName: "*.w.test", dcvMethod: "HTTPS_CSR_HASH" });
      assert.deepEqual(files.files.map((f) => f.url), ["https://w.test/.well-known/pki-validation/N.txt"]);
      const email = await t.client.updateDcv({ certId: "C1", domainName: "w.test", dcvMethod: "EMAIL", dcvEmail: "admin@w.test" });
      assert.deepEqual(email, { dns: [], files: [], emails: [{ domain: "w.test", email: "admin@w.test" }] });
      await t.client.cancel("C1", "no longer needed");
      await t.client.revoke("C1");
      await t.client.validate(placeReq);
      assert.deepEqual(
        t.calls().map((c) => c.endpoint),
        ["updateDCV", "updateDCV", "cancel", "revoke", "validate"],
      );
      assert.equal(t.calls()[2]!.body.reason, "no longer needed");
      assert.equal("refId" in t.calls()[4]!.body, false, "validate does not invent a refId");
    });
  });

  describe("retries", () => {
    it("collect: 2 × 503 then ok → succeeds after 2 backoff sleeps", async () => {
      const t = setup({ random: () => 1 });
      t.reply("collect", 503, "Service Unavailable", { "content-type": "text/plain" });
      t.reply("collect", 503, "Service Unavailable", { "content-type": "text/plain" });
      t.reply("collect", 200, { code: 1, status: "COMPLETE", data: { certificate: "PEM" } });
      const r = await t.client.collect("C1");
      assert.equal(r.certificatePem, "PEM");
      assert.equal(t.count("collect"), 3);
      assert.deepEqual(t.sleeps, [1000, 2000], "full-jitter ceilings 1 s then 2 s with random()=1");
    });

    it("429 with Retry-After (seconds) is honoured", async () => {
      const t = setup();
      t.reply("getCertByRefId", 429, { code: -2, msg: "slow down" }, { "retry-after": "3" });
      t.reply("getCertByRefId", 200, { code: 1, data: { certId: "C1" } });
      assert.deepEqual(await t.client.getCertByRefId("r"), { certId: "C1" });
      assert.deepEqual(t.sleeps, [3000]);
    });

    it("429 with Retry-After as an HTTP date is honoured relative to now(), capped at maxDelayMs", async () => {
      const now = Date.parse("2025-06-01T12:00:00Z");
      const t = setup({ now: () => now, retry: { maxDelayMs: 5000 } });
      t.reply("productList", 429, "", { "retry-after": "Sun, 01 Jun 2025 12:00:04 GMT" });
      t.reply("productList", 429, "", { "retry-after": "120" });
      t.reply("productList", 200, { code: 1, data: [] });
      assert.deepEqual(await t.client.productList(), []);
      assert.deepEqual(t.sleeps, [4000, 5000]);
    });

    it("gives up after `retries` and reports the last failure", async () => {
      const t = setup({ retry: { retries: 2 } });
      for (let i = 0; i < 3; i++) t.reply("collect", 502, "bad gateway", { "content-type": "text/plain" });
      const err = await catchError(t.client.collect("C1"));
      assert.ok(err instanceof NicSrsResponseError && err.httpStatus === 502);
      assert.match(err.message, /gave up after 3 attempts/);
      assert.equal(t.count("collect"), 3);
    });

    it("network errors on reads are retried", async () => {
      const t = setup();
      t.fail("collect", sysError("ECONNRESET", "socket hang up"));
      t.reply("collect", 200, { code: 1, status: "PENDING", data: {} });
      assert.equal((await t.client.collect("C1")).status, "PENDING");
      assert.equal(t.count("collect"), 2);
    });

    it("mutations are never retried: cancel/revoke/updateDCV/validate on 503 or a reset", async () => {
      const t = setup();
      t.reply("cancel", 503, "unavailable");
      t.fail("revoke", sysError("ECONNRESET", "socket hang up"));
      t.reply("updateDCV", 500, "oops");
      t.reply("validate", 429, "", { "retry-after": "1" });
      await catchError(t.client.cancel("C1"));
      await catchError(t.client.revoke("C1"));
      await catchError(t.client.updateDcv({ certId: "C1", domainName: "a.test", dcvMethod: "CNAME_CSR_HASH" }));
      await catchError(t.client.validate(placeReq));
      assert.deepEqual(
        t.calls().map((c) => c.endpoint),
        ["cancel", "revoke", "updateDCV", "validate"],
      );
      assert.deepEqual(t.sleeps, []);
    });
  });

  describe("idempotent orders (refId recovery)", () => {
    it("place facing a 503 is uncertain: not retried, looked up by refId over the recovery window, then 'outcome unknown' (never 'not placed')", async () => {
      const t = setup({ recoveryWindowMs: 4000 });
      t.reply("place", 503, "Service Unavailable", { "content-type": "text/plain" });
      const notFound = { code: -1, msg: "refId not found", errors: { refId: ["no order with this refId"] } };
      for (let i = 0; i < 5; i++) t.reply("getCertByRefId", 200, notFound);
      const err = await catchError(t.client.place({ ...placeReq, refId: "order-42" }));
      assert.ok(err instanceof NicSrsResponseError);
      assert.equal(err.httpStatus, 503);
      assert.equal(err.refId, "order-42");
      assert.equal(err.orderOutcome, "unknown");
      assert.match(err.message, /HTTP 503/);
      assert.doesNotMatch(err.message, /not placed/);
      assert.match(err.message, /outcome is unknown: NicSRS may have taken the place/);
      assert.match(err.message, /No order had refId "order-42" in 5 lookups over 4 s, but the CA may still be processing/);
      assert.match(err.message, /Retry only with the same refId "order-42"/);
      assert.equal(t.count("place"), 1);
      assert.equal(t.count("getCertByRefId"), 5);
      assert.deepEqual(t.sleeps, [500, 1000, 2000, 500], "lookups spread over the 4 s window");
    });

    it("an order that shows up late (the CA was still processing) is found by a later lookup", async () => {
      const t = setup({ recoveryWindowMs: 4000 });
      t.fail("place", sysError("UND_ERR_HEADERS_TIMEOUT", "Headers Timeout Error"));
      t.reply("getCertByRefId", 200, { code: -1, msg: "refId not found" });
      t.reply("getCertByRefId", 200, { code: -1, msg: "refId not found" });
      t.reply("getCertByRefId", 200, { code: 1, data: { certId: "C77", status: "PENDING" } });
      t.reply("collect", 200, { code: 1, status: "PENDING", data: {} });
      const r = await t.client.place({ ...placeReq, refId: "late-1" });
      assert.equal(r.certId, "C77");
      assert.equal(r.recovered, true);
      assert.equal(t.count("place"), 1);
      assert.equal(t.count("getCertByRefId"), 3);
    });

    it("code -2 (unknown error) on place is uncertain too: looked up, and a found order is returned", async () => {
      const t = setup();
      t.reply("place", 200, { code: -2, msg: "unknown error" });
      t.reply("getCertByRefId", 200, { code: 1, data: { certId: "C78", status: "PENDING" } });
      t.reply("collect", 200, { code: 1, status: "PENDING", data: {} });
      const r = await t.client.place({ ...placeReq, refId: "minus-two" });
      assert.equal(r.certId, "C78");
      assert.equal(r.recovered, true);
    });

    it("lost answer (reset after sending) → finds the order by refId, collects its DCV, recovered: true", async () => {
      const t = setup();
      t.fail("place", sysError("ECONNRESET", "read ECONNRESET"));
      t.reply("getCertByRefId", 503, "busy");
      t.reply("getCertByRefId", 200, { code: 1, data: { certId: "C9", refId: "nicsrs-generated1", status: "PENDING" } });
      t.reply("collect", 200, {
        code: 1,
        status: "PENDING",
        data: {
          vendorId: "V9",
          DCVdnsHost: "_H",
          DCVdnsValue: "h.sectigo.com",
          DCVdnsType: "CNAME",
          dcvList: [{ domainName: "example.com", dcvMethod: "CNAME_CSR_HASH" }],
        },
      });
      const r = await t.client.place(placeReq);
      assert.equal(r.recovered, true);
      assert.equal(r.certId, "C9");
      assert.equal(r.refId, "nicsrs-generated1");
      assert.equal(r.vendorId, "V9");
      assert.deepEqual(r.dcv.dns, [{ domain: "example.com", method: "CNAME_CSR_HASH", name: "_H.example.com", type: "CNAME", value: "h.sectigo.com" }]);
      assert.deepEqual(
        t.calls().map((c) => c.endpoint),
        ["place", "getCertByRefId", "getCertByRefId", "collect"],
        "one place; the lookup is retried as a read",
      );
    });

    it("a malformed success body on renew is recovered the same way", async () => {
      const t = setup();
      t.reply("renew", 200, "<html>proxy error</html>", { "content-type": "text/html" });
      t.reply("getCertByRefId", 200, { code: 1, data: { certId: "C10" } });
      t.reply("collect", 200, { code: 1, status: "PENDING", data: {} });
      const r = await t.client.renew({ renewId: "C1", years: 1, refId: "renew-1", params: placeReq.params });
      assert.deepEqual(r, { certId: "C10", refId: "renew-1", dcv: { dns: [], files: [], emails: [] }, recovered: true });
    });

    it("recovery still returns the order when the follow-up collect fails (the certId must not be lost)", async () => {
      const t = setup({ retry: { retries: 0 } });
      t.fail("reissue", sysError("UND_ERR_SOCKET", "other side closed"));
      t.reply("getCertByRefId", 200, { code: 1, data: { certId: "C11" } });
      t.reply("collect", 500, "oops");
      const r = await t.client.reissue({ certId: "C1", refId: "re-1" });
      assert.equal(r.certId, "C11");
      assert.equal(r.recovered, true);
    });

    it("connection refused on place: not sent, no lookup, error says refused and nothing ordered", async () => {
      const t = setup();
      t.fail("place", sysError("ECONNREFUSED", "connect ECONNREFUSED 203.0.113.1:443"));
      const err = await catchError(t.client.place(placeReq));
      assert.ok(err instanceof NicSrsTransportError);
      assert.equal(err.mayHaveReachedServer, false);
      assert.equal(err.errorCode, "ECONNREFUSED");
      assert.equal(err.orderOutcome, "refused");
      assert.match(err.message, /nothing was ordered\. Retrying with the same refId "nicsrs-generated1" is safe/);
      assert.deepEqual(t.calls().map((c) => c.endpoint), ["place"]);
    });

    it("a 4xx without an envelope (wrong URL, proxy refusal) on place: refused, no lookup", async () => {
      const t = setup();
      t.reply("place", 404, "<html>Not Found</html>", { "content-type": "text/html" });
      const err = await catchError(t.client.place(placeReq));
      assert.ok(err instanceof NicSrsResponseError && err.httpStatus === 404);
      assert.equal(err.orderOutcome, "refused");
      assert.match(err.message, /nothing was ordered/);
      assert.deepEqual(t.calls().map((c) => c.endpoint), ["place"]);
    });

    it("a refusing API code on place is thrown as is (no lookup), annotated as refused", async () => {
      const t = setup();
      t.reply("place", 200, { code: -4, msg: "insufficient credit" });
      const err = await catchError(t.client.place(placeReq));
      assert.ok(err instanceof NicSrsApiError);
      assert.equal(err.code, -4);
      assert.equal(err.orderOutcome, "refused");
      assert.match(err.message, /insufficient credit.*NicSRS refused the place: nothing was ordered/);
      assert.deepEqual(t.calls().map((c) => c.endpoint), ["place"]);
    });

    it("when the lookup fails too, the error says the outcome is unknown and how to check", async () => {
      const t = setup({ retry: { retries: 1 } });
      t.fail("place", sysError("UND_ERR_HEADERS_TIMEOUT", "Headers Timeout Error"));
      t.fail("getCertByRefId", sysError("ECONNREFUSED", "connect ECONNREFUSED"));
      t.fail("getCertByRefId", sysError("ECONNREFUSED", "connect ECONNREFUSED"));
      const err = await catchError(t.client.place({ ...placeReq, refId: "r-unknown" }));
      assert.ok(err instanceof NicSrsTransportError);
      assert.equal(err.mayHaveReachedServer, true);
      assert.equal(err.orderOutcome, "unknown");
      assert.match(err.message, /outcome is unknown: NicSRS may have taken the place \(and charged it\)\. Looking it up by refId failed too/);
      assert.match(err.message, /getCertByRefId\("r-unknown"\)/);
      assert.equal(t.count("place"), 1);
    });
  });

  describe("the token never leaks", () => {
    it("a network error whose message embeds the request body is scrubbed (message, cause, stack)", async () => {
      const t = setup();
      t.fail("cancel", sysError("ECONNRESET", `socket hang up while sending {"api_token":"${TOKEN}","certId":"C1"}`));
      const err = await catchError(t.client.cancel("C1"));
      assert.ok(err instanceof NicSrsTransportError);
      assert.equal(err.mayHaveReachedServer, true);
      assert.match(err.message, /\[REDACTED\]/);
      assert.ok(err.cause instanceof Error && /\[REDACTED\]/.test(err.cause.message));
    });

    it("the client object does not show its token", () => {
      const t = setup();
      assert.ok(!util.inspect(t.client, { depth: Infinity, showHidden: true }).includes(TOKEN));
      assert.ok(!JSON.stringify(t.client).includes(TOKEN));
    });

    it("a missing token is refused without echoing options", () => {
      assert.throws(() => new NicSrsClient({ apiToken: "" }), /apiToken is required/);
    });

    it("logs: one line per attempt with endpoint, status, duration and attempt; no token, no body", async () => {
      const t = setup();
      t.reply("collect", 503, "x");
      t.reply("collect", 200, { code: 1, status: "PENDING", data: { certificate: "SECRET-PEM-BODY" } });
      await t.client.collect("C1");
      assert.equal(t.logs.length, 2);
      assert.match(t.logs[0]!, /^nicsrs collect status=503 duration=\d+ms attempt=1$/);
      assert.match(t.logs[1]!, /^nicsrs collect status=200 duration=\d+ms attempt=2$/);
    });

    it("no error or log line seen in this suite contains the token", () => {
      assert.ok(seenErrors.length >= 20, `only ${seenErrors.length} errors seen`);
      for (const e of seenErrors) assertNoToken(e);
      for (const l of seenLogs) {
        assert.ok(!l.includes(TOKEN));
        assert.ok(!l.includes("SECRET-PEM-BODY") && !l.includes("api_token"));
      }
    });
  });
});

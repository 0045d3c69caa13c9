// NicSrsClient against the real simulator over loopback: every endpoint, and the failure modes
// the client exists to survive (lost answers, 503s, 429 with Retry-After).
import { strict as assert } from "node:assert";
import * as util from "node:util";
import { startSimulator, type RunningSimulator } from "../../simulator";
import { createCsr, generateKeyPair } from "../../sdk/x509";
import {
  NicSrsApiError,
  NicSrsClient,
  NicSrsError,
  NicSrsResponseError,
  NicSrsTransportError,
  NicSrsValidationError,
  type PlaceInput,
} from "../../sdk";

const TOKEN = "sim-TOKEN-7c1f0e9d2b";

const admin = {
  job: "CTO",
  city: "Berlin",
  email: "admin@example.com",
  state: "Berlin",
  mobile: "+49301234567",
  address: "Alexanderplatz 1",
  country: "DE",
  lastName: "Muster",
  postCode: "10178",
  firstName: "Erika",
  organization: "Example GmbH",
};

describe("NicSrsClient against the simulator", function () {
  this.timeout(60_000);
  let sim: RunningSimulator;
  let client: NicSrsClient;
  const logs: string[] = [];
  const errors: unknown[] = [];
  let seq = 0;

  async function csrFor(domains: string[]): Promise<string> {
    const { privateKeyPem } = await generateKeyPair({ algorithm: "ECDSA", curve: "P-256" });
    return createCsr({ privateKeyPem, commonName: domains[0]!, sans: domains });
  }

  async function orderFor(domains: { domainName: string; dcvMethod: PlaceInput["params"]["domainInfo"][number]["dcvMethod"]; dcvEmail?: string }[], productCode = "positivessl"): Promise<PlaceInput> {
    return {
      productCode,
      years: 1,
      refId: `it-${process.pid}-${++seq}`,
      params: { csr: await csrFor(domains.map((d) => d.domainName)), server: "other", domainInfo: domains, Administrator: admin },
    };
  }

  async function failure(p: Promise<unknown>): Promise<NicSrsError> {
    try {
      await p;
    } catch (err) {
      errors.push(err);
      assert.ok(err instanceof NicSrsError, String(err));
      return err;
    }
    assert.fail("expected a failure");
  }

  before(async () => {
    // DNS checks go to a closed port so an unapproved CNAME domain fails fast instead of hitting the internet.
    sim = await startSimulator({ apiToken: TOKEN, dns: "127.0.0.1:1" });
    client = new NicSrsClient({
      apiToken: sim.apiToken,
      baseUrl: `${sim.url}/`,
      timeoutMs: 10_000,
      recoveryWindowMs: 1_000,
      retry: { retries: 4, minDelayMs: 20, maxDelayMs: 3_000 },
      logger: (line) => logs.push(line),
    });
  });

  after(async () => {
    await client?.close();
    await sim?.close();
  });

  beforeEach(async () => {
    await sim.admin.clearFaults();
    await sim.admin.resetCalls();
  });

  it("productList returns the catalogue, filtered by vendor", async () => {
    const all = await client.productList();
    const positive = all.find((p) => p.code === "positivessl");
    assert.ok(positive, "positivessl is sold");
    assert.equal(positive.validationType, "DV");
    assert.equal(positive.maxDomains, 1);
    const digicert = await client.productList("DigiCert");
    assert.deepEqual(digicert.map((p) => p.code), ["rapidssl-standard-dv"]);
  });

  it("validate accepts a good request and reports the simulator's field errors", async () => {
    await client.validate(await orderFor([{ domainName: "valid.example.com", dcvMethod: "CNAME_CSR_HASH" }]));
    const two = await orderFor([
      { domainName: "a.example.com", dcvMethod: "CNAME_CSR_HASH" },
      { domainName: "b.example.com", dcvMethod: "CNAME_CSR_HASH" },
    ]);
    const err = await failure(client.validate(two));
    assert.ok(err instanceof NicSrsApiError && !(err instanceof NicSrsValidationError));
    assert.equal(err.code, -1);
    assert.ok(err.messages.some((m) => /^domainInfo: .*at most 1/.test(m)), err.messages.join(" | "));
  });

  it("a request the wire schema rejects never reaches the simulator", async () => {
    const bad = await orderFor([{ domainName: "x.example.com", dcvMethod: "CNAME_CSR_HASH" }]);
    const err = await failure(client.place({ ...bad, years: 0 }));
    assert.ok(err instanceof NicSrsValidationError);
    assert.deepEqual(err.fields, ["years"]);
    assert.deepEqual(await sim.admin.calls(), {});
  });

  it("place → collect → approve → collect (COMPLETE) with DNS DCV records and ISO dates", async () => {
    const req = await orderFor([{ domainName: "www.example.com", dcvMethod: "CNAME_CSR_HASH" }]);
    const placed = await client.place(req);
    assert.equal(placed.recovered, false);
    assert.equal(placed.refId, req.refId);
    assert.match(placed.appliedAt ?? "", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
    assert.equal(placed.dcv.dns.length, 1);
    const rec = placed.dcv.dns[0]!;
    assert.equal(rec.domain, "www.example.com");
    assert.equal(rec.type, "CNAME");
    assert.match(rec.name, /^_[0-9A-F]{32}\.www\.example\.com$/i);
    assert.match(rec.value, /sectigo\.com$/);

    const stored = await sim.admin.order(placed.certId);
    assert.equal(stored.refId, req.refId);
    assert.equal(Date.parse(placed.appliedAt!), Date.parse(stored.createdAt) - (Date.parse(stored.createdAt) % 1000));

    await sim.admin.approveDcv(placed.certId);
    const done = await client.collect(placed.certId);
    assert.equal(done.status, "COMPLETE");
    assert.equal(done.stillIssuing, false);
    assert.match(done.certificatePem ?? "", /BEGIN CERTIFICATE/);
    assert.match(done.caCertificatePem ?? "", /BEGIN CERTIFICATE/);
    assert.deepEqual(done.dcv.dns, placed.dcv.dns);
    assert.deepEqual(done.domains, [{ domain: "www.example.com", method: "CNAME_CSR_HASH", verified: true }]);
    const after = await sim.admin.order(placed.certId);
    assert.equal(done.beginDate, new Date(Math.floor(Date.parse(after.beginDate!) / 1000) * 1000).toISOString());
    assert.equal(done.dueDate, new Date(Math.floor(Date.parse(after.dueDate) / 1000) * 1000).toISOString());
    assert.deepEqual(done.steps, { application: "done", dcv: "done", ov: "done", issued: "done" });
    assert.deepEqual(await client.getCertByRefId(req.refId!), { certId: placed.certId, status: "COMPLETE" });
  });

  it("multi-domain place: per-domain DCV (dcvInfo) for DNS, HTTP, HTTPS and EMAIL; updateDcv switches one", async () => {
    const req = await orderFor(
      [
        { domainName: "example.org", dcvMethod: "CNAME_CSR_HASH" },
        { domainName: "www.example.org", dcvMethod: "HTTP_CSR_HASH" },
        { domainName: "shop.example.org", dcvMethod: "HTTPS_CSR_HASH" },
        { domainName: "mail.example.org", dcvMethod: "EMAIL", dcvEmail: "postmaster@example.org" },
      ],
      "positivessl-multi-domain",
    );
    const placed = await client.place(req);
    assert.deepEqual(placed.dcv.dns.map((r) => r.domain), ["example.org"]);
    assert.match(placed.dcv.dns[0]!.name, /^_[0-9A-F]{32}\.example\.org$/i);
    assert.deepEqual(
      placed.dcv.files.map((f) => [f.domain, f.method, f.url.replace(/[0-9A-F]{32}/i, "<md5>")]),
      [
        ["www.example.org", "HTTP_CSR_HASH", "http://www.example.org/.well-known/pki-validation/<md5>.txt"],
        ["shop.example.org", "HTTPS_CSR_HASH", "https://shop.example.org/.well-known/pki-validation/<md5>.txt"],
      ],
    );
    assert.match(placed.dcv.files[0]!.content, /sectigo\.com/);
    assert.deepEqual(placed.dcv.emails, [{ domain: "mail.example.org", email: "postmaster@example.org" }]);

    const updated = await client.updateDcv({ certId: placed.certId, domainName: "www.example.org", dcvMethod: "EMAIL", dcvEmail: "admin@example.org" });
    assert.deepEqual(updated, { dns: [], files: [], emails: [{ domain: "www.example.org", email: "admin@example.org" }] });
    assert.equal((await sim.admin.order(placed.certId)).domains[1]!.dcvMethod, "EMAIL");
  });

  it("cancel a pending order; revoke an issued one; reissue gives a new certId", async () => {
    const pending = await client.place(await orderFor([{ domainName: "cancel.example.com", dcvMethod: "EMAIL", dcvEmail: "admin@example.com" }]));
    await client.cancel(pending.certId, "changed my mind");
    assert.equal((await client.collect(pending.certId)).status, "CANCELLED");

    const issued = await client.place(await orderFor([{ domainName: "revoke.example.com", dcvMethod: "CNAME_CSR_HASH" }]));
    await sim.admin.approveDcv(issued.certId);
    assert.equal((await client.collect(issued.certId)).status, "COMPLETE");

    const reissueRefId = `it-reissue-${process.pid}`;
    const reissued = await client.reissue({
      certId: issued.certId,
      refId: reissueRefId,
      params: { csr: await csrFor(["revoke.example.com"]) },
    });
    assert.notEqual(reissued.certId, issued.certId);
    assert.equal(reissued.recovered, false);
    assert.equal((await sim.admin.order(reissued.certId)).reissueOf, issued.certId);
    assert.equal(reissued.dcv.dns.length, 1, "DCV of the reissue's domain (no domainInfo sent: the client collects to learn the domains)");

    await client.revoke(issued.certId, "keyCompromise");
    assert.equal((await client.collect(issued.certId)).status, "REVOKED");
    const err = await failure(client.revoke(issued.certId));
    assert.ok(err instanceof NicSrsApiError && err.code === -6, String(err));
  });

  it("a lost answer after place (drop after) → exactly one order, returned with recovered: true", async () => {
    const req = await orderFor([{ domainName: "lost.example.com", dcvMethod: "EMAIL", dcvEmail: "hostmaster@example.com" }]);
    await sim.admin.injectFault({ endpoint: "place", drop: "after" });
    const before = (await sim.admin.orders()).length;
    const r = await client.place(req);
    assert.equal(r.recovered, true);
    assert.equal(r.refId, req.refId);
    const orders = await sim.admin.orders();
    assert.equal(orders.length, before + 1, "one order was created, not two");
    const mine = orders.filter((o) => o.refId === req.refId);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.certId, r.certId);
    assert.deepEqual(r.dcv.emails, [{ domain: "lost.example.com", email: "hostmaster@example.com" }], "DCV filled in by collect");
    assert.equal(r.vendorId, mine[0]!.vendorId);
    const calls = await sim.admin.calls();
    assert.equal(calls.place, 1, "place was not retried");
    assert.equal(calls.getCertByRefId, 1);
  });

  it("a connection dropped before processing → no order; the client cannot know that: 'outcome unknown', retry with the same refId", async () => {
    const req = await orderFor([{ domainName: "dropped.example.com", dcvMethod: "EMAIL", dcvEmail: "admin@example.com" }]);
    await sim.admin.injectFault({ endpoint: "place", drop: "before" });
    const err = await failure(client.place(req));
    assert.ok(err instanceof NicSrsTransportError);
    assert.equal(err.mayHaveReachedServer, true);
    assert.equal(err.orderOutcome, "unknown");
    assert.doesNotMatch(err.message, /not placed/);
    assert.match(err.message, /No order had refId "[^"]+" in \d+ lookups .* Retry only with the same refId/);
    assert.equal((await sim.admin.orders()).filter((o) => o.refId === req.refId).length, 0);
    // …and the advice holds: the retry places it once.
    const again = await client.place(req);
    assert.equal(again.recovered, false);
    assert.equal((await sim.admin.orders()).filter((o) => o.refId === req.refId).length, 1);
  });

  it("collect survives 2 × 503 and a 429 with Retry-After", async () => {
    const placed = await client.place(await orderFor([{ domainName: "flaky.example.com", dcvMethod: "EMAIL", dcvEmail: "admin@example.com" }]));
    await sim.admin.resetCalls();
    await sim.admin.injectFault({ endpoint: "collect", status: 503, times: 2 });
    await sim.admin.injectFault({ endpoint: "collect", status: 429, retryAfter: 1 });
    logs.length = 0;
    const started = Date.now();
    const r = await client.collect(placed.certId);
    const elapsed = Date.now() - started;
    assert.equal(r.status, "PENDING");
    assert.equal((await sim.admin.calls()).collect, 4);
    assert.ok(elapsed >= 950, `Retry-After: 1 was honoured (${elapsed} ms)`);
    assert.deepEqual(
      logs.map((l) => l.replace(/duration=\d+ms/, "duration=Nms")),
      [
        "nicsrs collect status=503 duration=Nms attempt=1",
        "nicsrs collect status=503 duration=Nms attempt=2",
        "nicsrs collect status=429 duration=Nms attempt=3",
        "nicsrs collect status=200 duration=Nms attempt=4",
      ],
    );
  });

  it("place facing a 503 is not retried; nothing found by refId → 'outcome unknown', never 'not placed'", async () => {
    const req = await orderFor([{ domainName: "busy.example.com", dcvMethod: "EMAIL", dcvEmail: "admin@example.com" }]);
    await sim.admin.injectFault({ endpoint: "place", status: 503 });
    const err = await failure(client.place(req));
    assert.ok(err instanceof NicSrsResponseError);
    assert.equal(err.httpStatus, 503);
    assert.equal(err.refId, req.refId);
    assert.match(err.message, /HTTP 503/);
    assert.equal(err.orderOutcome, "unknown");
    assert.match(err.message, /outcome is unknown: NicSRS may have taken the place/);
    const calls = await sim.admin.calls();
    assert.equal(calls.place, 1);
    assert.equal((await sim.admin.orders()).filter((o) => o.refId === req.refId).length, 0);
  });

  it("a malformed answer to renew is recovered by refId (the renewal exists once)", async () => {
    const first = await client.place(await orderFor([{ domainName: "renew.example.com", dcvMethod: "CNAME_CSR_HASH" }]));
    await sim.admin.approveDcv(first.certId);
    await client.collect(first.certId);
    await sim.admin.advanceClock({ days: 300 });
    const renewReq = await orderFor([{ domainName: "renew.example.com", dcvMethod: "CNAME_CSR_HASH" }]);
    await sim.admin.injectFault({ endpoint: "renew", malformed: true });
    // The malformed fault answers without processing: nothing to recover; an unreadable 2xx proves nothing, so the client says so…
    const err = await failure(client.renew({ renewId: first.certId, years: 1, refId: renewReq.refId, params: renewReq.params }));
    assert.ok(err instanceof NicSrsResponseError && /not JSON/.test(err.message) && err.orderOutcome === "unknown", err.message);
    // …and the same request then goes through, once.
    const renewed = await client.renew({ renewId: first.certId, years: 1, refId: renewReq.refId, params: renewReq.params });
    assert.notEqual(renewed.certId, first.certId);
    assert.equal((await sim.admin.order(first.certId)).renewedBy, renewed.certId);
    await sim.admin.injectFault({ endpoint: "renew", drop: "after" });
    const replay = await client.renew({ renewId: first.certId, years: 1, refId: renewReq.refId, params: renewReq.params });
    assert.equal(replay.certId, renewed.certId, "a replay with the same refId is the same renewal");
    assert.equal((await sim.admin.orders()).filter((o) => o.renewOf === first.certId).length, 1);
  });

  it("getCertByRefId answers null for an unknown refId", async () => {
    assert.equal(await client.getCertByRefId("never-used-ref"), null);
  });

  it("a wrong token is an API error (code 400) without the token in it", async () => {
    const wrong = new NicSrsClient({ apiToken: `${TOKEN}-wrong`, baseUrl: sim.url });
    try {
      const err = await failure(wrong.productList());
      assert.ok(err instanceof NicSrsApiError, String(err));
      assert.equal(err.code, 400);
      const text = util.inspect(err, { depth: Infinity, showHidden: true }) + JSON.stringify(err);
      assert.ok(!text.includes(`${TOKEN}-wrong`));
    } finally {
      await wrong.close();
    }
  });

  it("the token appears in no error and no log line of this suite", () => {
    assert.ok(errors.length >= 6, `${errors.length} errors captured`);
    assert.ok(logs.length > 0);
    for (const err of errors) {
      const e = err as Error;
      const texts = [
        util.inspect(err, { depth: Infinity, showHidden: true }),
        JSON.stringify(err),
        String(e.stack),
        ...Object.getOwnPropertyNames(err).map((k) => util.inspect((err as Record<string, unknown>)[k], { depth: Infinity, showHidden: true })),
      ];
      for (const t of texts) assert.ok(!t.includes(TOKEN), t.slice(0, 300));
    }
    for (const l of logs) assert.ok(!l.includes(TOKEN) && !l.includes("api_token"), l);
  });
});

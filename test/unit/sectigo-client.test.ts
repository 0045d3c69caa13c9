import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SectigoApiError, SectigoArgumentError, SectigoClient, SectigoResponseError, SectigoTransportError } from "../../sdk/sectigo";
import { fixtures } from "./sectigo-fixtures";

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void | Promise<void>;

interface Fake {
  url: string;
  requests: { path: string; form: URLSearchParams; contentType?: string }[];
  inFlight: Map<string, number>;
  maxInFlight: Map<string, number>;
  close(): Promise<void>;
}

async function fakeServer(handler: Handler): Promise<Fake> {
  const fake: Omit<Fake, "url" | "close"> = { requests: [], inFlight: new Map(), maxInFlight: new Map() };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      const form = new URLSearchParams(body);
      const account = form.get("loginName") ?? "";
      fake.requests.push({ path: req.url ?? "", form, contentType: req.headers["content-type"] });
      const n = (fake.inFlight.get(account) ?? 0) + 1;
      fake.inFlight.set(account, n);
      fake.maxInFlight.set(account, Math.max(n, fake.maxInFlight.get(account) ?? 0));
      res.on("close", () => fake.inFlight.set(account, (fake.inFlight.get(account) ?? 1) - 1));
      await handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    ...fake,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  } as Fake;
}

const text = (res: ServerResponse, body: string, status = 200) => {
  res.writeHead(status, { "content-type": "text/plain" });
  res.end(body);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PASSWORD = "s3cr3t+P@ss/word&=";
const quickRetry = { retries: 3, minDelayMs: 5, maxDelayMs: 20 };

describe("SectigoClient", () => {
  let fake: Fake | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it("posts a form with the credentials, identifiers and Y/N flags to the documented path", async () => {
    fake = await fakeServer((_req, _body, res) => text(res, "0\n"));
    const c = new SectigoClient({ loginName: "acct", loginPassword: PASSWORD, baseUrl: fake.url + "/" });
    const r = await c.collectSsl({ certificateID: 1234567890123456n.toString(), queryType: 1, showExtStatus: false, showFQDN: true });
    assert.equal(r.processing, true);
    const req = fake.requests[0];
    assert.equal(req.path, "/products/download/CollectSSL");
    assert.equal(req.contentType, "application/x-www-form-urlencoded");
    assert.equal(req.form.get("loginName"), "acct");
    assert.equal(req.form.get("loginPassword"), PASSWORD);
    assert.equal(req.form.get("certificateID"), "1234567890123456");
    assert.equal(req.form.get("showFQDN"), "Y");
    assert.equal(req.form.get("showExtStatus"), "N");
    assert.equal(req.form.get("queryType"), "1");
  });

  describe("rejects invalid combinations before sending", () => {
    const bad: [string, (c: SectigoClient) => Promise<unknown>][] = [
      ["no identifier", (c) => c.collectSsl({ queryType: 1 })],
      ["two identifiers", (c) => c.collectSsl({ orderNumber: "1", certificateID: "2" })],
      ["ZIP with queryType 2", (c) => c.collectSsl({ orderNumber: "1", queryType: 2, responseType: 0 })],
      ["Netscape with queryType 0", (c) => c.collectSsl({ orderNumber: "1", queryType: 0, responseType: 1 })],
      ["binary with individually encoded", (c) => c.collectSsl({ orderNumber: "1", responseType: 3, responseEncoding: 1 })],
      ["binary with queryType 3", (c) => c.collectSsl({ orderNumber: "1", queryType: 3, responseType: 2, responseEncoding: 1 })],
      ["certificateID not an integer", (c) => c.collectSsl({ certificateID: "12a" })],
      ["unknown argument", (c) => c.collectSsl({ orderNumber: "1", bogus: 1 } as never)],
      ["S/MIME without identifier", (c) => c.requestAndCollectSmime({})],
      ["S/MIME with both identifiers", (c) => c.requestAndCollectSmime({ orderNumber: "1", collectionCode: "abc" })],
      ["S/MIME binary with responseType 3", (c) => c.requestAndCollectSmime({ orderNumber: "1", responseEncoding: 1 })],
      ["S/MIME CMMF with queryType 2", (c) => c.requestAndCollectSmime({ orderNumber: "1", queryType: 2, responseType: 4 })],
      ["S/MIME ZIP", (c) => c.requestAndCollectSmime({ orderNumber: "1", responseType: 0 as never })],
      ["S/MIME validity with JavaScript encoding", (c) => c.requestAndCollectSmime({ orderNumber: "1", responseEncoding: 2, showValidityPeriod: true })],
      ["S/MIME CSR that is not Base64", (c) => c.requestAndCollectSmime({ orderNumber: "1", csr: "<not a csr>" })],
      ["collection code longer than 16", (c) => c.requestAndCollectSmime({ collectionCode: "x".repeat(17) })],
    ];
    for (const [name, call] of bad)
      it(name, async () => {
        fake = await fakeServer((_req, _body, res) => text(res, "0\n"));
        await assert.rejects(call(new SectigoClient({ loginName: "acct", loginPassword: PASSWORD, baseUrl: fake.url })), SectigoArgumentError);
        assert.equal(fake.requests.length, 0);
      });
    it("orderNumber without credentials", async () => {
      await assert.rejects(new SectigoClient({ baseUrl: "http://127.0.0.1:9" }).requestAndCollectSmime({ orderNumber: "1" }), SectigoArgumentError);
    });
  });

  it("a collection code works without an account and sends no credentials", async () => {
    fake = await fakeServer((_req, _body, res) => text(res, "0\n"));
    await new SectigoClient({ baseUrl: fake.url }).requestAndCollectSmime({ collectionCode: "ABCDEF" });
    assert.equal(fake.requests[0].form.get("loginName"), null);
    assert.equal(fake.requests[0].form.get("collectionCode"), "ABCDEF");
  });

  it("retries a read after HTTP 503 and a dropped connection, then succeeds", async () => {
    let n = 0;
    fake = await fakeServer((req, _body, res) => {
      n++;
      if (n === 1) return text(res, "busy", 503);
      if (n === 2) return void req.socket.destroy();
      text(res, "0\n");
    });
    const r = await new SectigoClient({ loginName: "acct", loginPassword: PASSWORD, baseUrl: fake.url, retry: quickRetry }).collectSsl({ orderNumber: "1" });
    assert.equal(r.statusCode, 0);
    assert.equal(n, 3);
  });

  it("gives up after the configured retries with the last error", async () => {
    fake = await fakeServer((_req, _body, res) => text(res, "busy", 502));
    await assert.rejects(
      new SectigoClient({ loginName: "acct", loginPassword: PASSWORD, baseUrl: fake.url, retry: { ...quickRetry, retries: 2 } }).collectSsl({ orderNumber: "1" }),
      (e: unknown) => e instanceof SectigoResponseError && e.httpStatus === 502,
    );
    assert.equal(fake.requests.length, 3);
  });

  it("never repeats a CSR submission whose connection dropped after sending", async () => {
    fake = await fakeServer((req) => void req.socket.destroy());
    await assert.rejects(
      new SectigoClient({ loginName: "acct", loginPassword: PASSWORD, baseUrl: fake.url, retry: quickRetry }).requestAndCollectSmime({ orderNumber: "1", csr: "MIIBAAAA" }),
      (e: unknown) => e instanceof SectigoTransportError && e.mayHaveReachedServer,
    );
    assert.equal(fake.requests.length, 1);
  });

  it("does not retry API errors (-18 after a CSR was already given)", async () => {
    fake = await fakeServer((_req, _body, res) => text(res, "-18\nA CSR has already been provided.\n"));
    await assert.rejects(
      new SectigoClient({ loginName: "acct", loginPassword: PASSWORD, baseUrl: fake.url, retry: quickRetry }).requestAndCollectSmime({ orderNumber: "1", csr: "MIIBAAAA" }),
      (e: unknown) => e instanceof SectigoApiError && e.code === -18,
    );
    assert.equal(fake.requests.length, 1);
  });

  it("reports a Sectigo status line sent with a non-2xx HTTP status as the API error", async () => {
    fake = await fakeServer((_req, _body, res) => text(res, "-17\nRequest used GET rather than POST!\n", 405));
    await assert.rejects(new SectigoClient({ loginName: "acct", loginPassword: PASSWORD, baseUrl: fake.url, retry: quickRetry }).collectSsl({ orderNumber: "1" }), (e: unknown) => e instanceof SectigoApiError && e.code === -17);
  });

  it("times out every attempt", async () => {
    fake = await fakeServer(async () => { await sleep(5_000); });
    const started = Date.now();
    await assert.rejects(
      new SectigoClient({ loginName: "acct", loginPassword: PASSWORD, baseUrl: fake.url, timeoutMs: 150, retry: { retries: 1, minDelayMs: 5, maxDelayMs: 5 } }).collectSsl({ orderNumber: "1" }),
      (e: unknown) => e instanceof SectigoTransportError && e.timedOut,
    );
    assert.ok(Date.now() - started < 2_000);
    assert.equal(fake.requests.length, 2);
  });

  it("keeps the password out of errors and logs, even when the server echoes it", async () => {
    fake = await fakeServer((_req, body, res) => {
      const pw = new URLSearchParams(body).get("loginPassword")!;
      if (fake!.requests.length === 1) return text(res, `<html>bad login ${pw} ${encodeURIComponent(pw)}</html>`, 500);
      text(res, `-16\nPermission denied for ${pw}!\n`);
    });
    const lines: string[] = [];
    const c = new SectigoClient({ loginName: "acct", loginPassword: PASSWORD, baseUrl: fake.url, retry: quickRetry, logger: (l) => lines.push(l) });
    const err = await c.collectSsl({ orderNumber: "1" }).catch((e: Error) => e);
    assert.ok(err instanceof SectigoApiError && err.code === -16);
    const all = [err.message, err.stack ?? "", JSON.stringify(err), ...lines].join("\n");
    assert.ok(lines.length >= 2);
    assert.ok(!all.includes(PASSWORD) && !all.includes(encodeURIComponent(PASSWORD)), all);
    assert.ok(!JSON.stringify(c).includes(PASSWORD));
  });

  it("collects a certificate end to end from a plain server", async () => {
    const f = await fixtures();
    fake = await fakeServer((_req, _body, res) => text(res, `2\n${f.rootPem}${f.intermediatePem}${f.sslLeafPem}`));
    const r = await new SectigoClient({ loginName: "acct", loginPassword: PASSWORD, baseUrl: fake.url }).collectSsl({ orderNumber: "1" });
    assert.equal(r.leafPem, f.sslLeafPem.replace(/\r/g, ""));
    assert.equal(r.chainPems.length, 2);
  });

  describe("per-account queue", () => {
    it("20 concurrent calls on one account over several client instances: the server sees one at a time; two accounts overlap", async () => {
      fake = await fakeServer(async (_req, _body, res) => {
        await sleep(10);
        text(res, "0\n");
      });
      const clients = Array.from({ length: 5 }, () => new SectigoClient({ loginName: "one", loginPassword: PASSWORD, baseUrl: fake!.url }));
      const other = new SectigoClient({ loginName: "two", loginPassword: PASSWORD, baseUrl: fake.url });
      const started = Date.now();
      await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => clients[i % 5].collectSsl({ orderNumber: String(i) })),
        ...Array.from({ length: 20 }, (_, i) => other.collectSsl({ orderNumber: String(i) })),
      ]);
      assert.equal(fake.requests.length, 40);
      assert.equal(fake.maxInFlight.get("one"), 1);
      assert.equal(fake.maxInFlight.get("two"), 1);
      // Both accounts ran side by side: far less than 40 sequential 10 ms calls.
      assert.ok(Date.now() - started < 40 * 10 + 150, `took ${Date.now() - started} ms`);
    });

    it("a failing call does not block the account's later calls", async () => {
      let n = 0;
      fake = await fakeServer((_req, _body, res) => text(res, ++n === 1 ? "-14\nAn unknown error occurred!\n" : "0\n"));
      const c = new SectigoClient({ loginName: "acct", loginPassword: PASSWORD, baseUrl: fake.url });
      const [a, b] = await Promise.allSettled([c.collectSsl({ orderNumber: "1" }), c.collectSsl({ orderNumber: "2" })]);
      assert.equal(a.status, "rejected");
      assert.equal(b.status, "fulfilled");
    });
  });
});

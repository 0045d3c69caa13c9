// The client's default undici Agent against misbehaving loopback servers: how failures are classified.
import { strict as assert } from "node:assert";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as util from "node:util";
import { NicSrsClient, NicSrsResponseError, NicSrsTransportError } from "../../sdk";

const TOKEN = "loopback-T0ken-abcdef123456";

async function listen(handler: http.RequestListener): Promise<{ url: string; server: http.Server; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function noToken(err: unknown): void {
  const all = [util.inspect(err, { depth: Infinity, showHidden: true }), JSON.stringify(err), String((err as Error).stack)].join("\n");
  assert.ok(!all.includes(TOKEN), all.slice(0, 500));
}

describe("NicSrsClient transport (loopback)", () => {
  const clients: NicSrsClient[] = [];
  const make = (baseUrl: string, timeoutMs = 5000) => {
    const c = new NicSrsClient({ apiToken: TOKEN, baseUrl, timeoutMs, retry: { retries: 0 } });
    clients.push(c);
    return c;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  it("connection refused → mayHaveReachedServer false", async () => {
    const s = await listen(() => {});
    await s.close();
    const client = make(s.url);
    const err = await client.cancel("C1").then(
      () => assert.fail("expected failure"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof NicSrsTransportError, String(err));
    assert.equal(err.mayHaveReachedServer, false);
    assert.equal(err.errorCode, "ECONNREFUSED");
    assert.equal(err.endpoint, "cancel");
    noToken(err);
  });

  it("socket closed after the request was sent → mayHaveReachedServer true", async () => {
    let received = "";
    const s = await listen((req) => {
      req.on("data", (c: Buffer) => (received += c.toString()));
      req.on("end", () => req.socket.destroy());
    });
    try {
      const err = await make(s.url).revoke("C1").then(
        () => assert.fail("expected failure"),
        (e: unknown) => e,
      );
      assert.ok(err instanceof NicSrsTransportError, String(err));
      assert.equal(err.mayHaveReachedServer, true);
      assert.ok(received.includes("\"certId\":\"C1\""), "the server did get the request");
      noToken(err);
    } finally {
      await s.close();
    }
  });

  it("no answer within timeoutMs → timed out, mayHaveReachedServer true", async () => {
    const s = await listen((req) => {
      req.resume();
    });
    try {
      const started = Date.now();
      const err = await make(s.url, 300).validate({
        productCode: "positivessl",
        years: 1,
        params: {
          domainInfo: [{ domainName: "a.test", dcvMethod: "EMAIL", dcvEmail: "admin@a.test" }],
          Administrator: {
            job: "x", city: "x", email: "a@a.test", state: "x", mobile: "1", address: "x",
            country: "US", lastName: "x", postCode: "1", firstName: "x", organization: "x",
          },
        },
      }).then(
        () => assert.fail("expected failure"),
        (e: unknown) => e,
      );
      assert.ok(err instanceof NicSrsTransportError, String(err));
      assert.equal(err.mayHaveReachedServer, true);
      assert.match(err.message, /timed out/);
      assert.ok(Date.now() - started < 3000, "the timeout applied");
      noToken(err);
    } finally {
      await s.close();
    }
  });

  it("a 500 whose body echoes the token → NicSrsResponseError with the token redacted", async () => {
    const s = await listen((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`internal error processing ${body}`);
      });
    });
    try {
      const err = await make(s.url).collect("C1").then(
        () => assert.fail("expected failure"),
        (e: unknown) => e,
      );
      assert.ok(err instanceof NicSrsResponseError, String(err));
      assert.equal(err.httpStatus, 500);
      assert.match(err.excerpt, /\[REDACTED\]/);
      noToken(err);
    } finally {
      await s.close();
    }
  });

  it("keeps connections alive between calls", async () => {
    const sockets = new Set<unknown>();
    const s = await listen((req, res) => {
      sockets.add(req.socket);
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: 1, status: "PENDING", data: {} }));
      });
    });
    try {
      const client = make(s.url);
      for (let i = 0; i < 6; i++) await client.collect("C1");
      // undici may open a second socket while the first is finishing its response; never one per call.
      assert.ok(sockets.size <= 2, `${sockets.size} sockets for 6 calls`);
    } finally {
      await s.close();
    }
  });
});

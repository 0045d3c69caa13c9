import { strict as assert } from "node:assert";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { errors as undiciErrors, request } from "undici";
import { errorCode, NEVER_SENT_CODES, provesNeverSent } from "../../sdk/http";
import { postForm } from "../../sdk/sectigo/http";
import { SectigoTransportError } from "../../sdk/sectigo/errors";
import { Transport } from "../../sdk/nicsrs/transport";
import { NicSrsTransportError } from "../../sdk/nicsrs/errors";

/** A Node system error as net / dns raise it. */
function sysError(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${syscall} ${code} 127.0.0.1:1`), { code, syscall, errno: -1 });
}

/** A port with nothing listening on it (bound, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe("never-sent classification (sdk/http)", () => {
  it("connect-phase codes prove the request was never sent", () => {
    for (const code of ["ENOTFOUND", "EAI_AGAIN"]) assert.equal(provesNeverSent(sysError(code, "getaddrinfo")), true, code);
    for (const code of ["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]) assert.equal(provesNeverSent(sysError(code, "connect")), true, code);
    assert.equal(provesNeverSent(new undiciErrors.ConnectTimeoutError()), true, "UND_ERR_CONNECT_TIMEOUT");
    assert.equal(provesNeverSent(new undiciErrors.InvalidArgumentError("bad")), true, "UND_ERR_INVALID_ARG");
    assert.equal(provesNeverSent(new undiciErrors.ClientClosedError()), true, "UND_ERR_CLOSED");
  });

  it("errors on an open connection leave the outcome open", () => {
    assert.equal(provesNeverSent(sysError("ECONNRESET", "read")), false);
    assert.equal(provesNeverSent(sysError("EPIPE", "write")), false);
    assert.equal(provesNeverSent(new undiciErrors.SocketError("other side closed")), false, "UND_ERR_SOCKET");
    assert.equal(provesNeverSent(new undiciErrors.HeadersTimeoutError()), false, "UND_ERR_HEADERS_TIMEOUT");
    assert.equal(provesNeverSent(new undiciErrors.BodyTimeoutError()), false, "UND_ERR_BODY_TIMEOUT");
    assert.equal(provesNeverSent(new undiciErrors.RequestAbortedError()), false, "UND_ERR_ABORTED");
    assert.equal(provesNeverSent(new undiciErrors.ClientDestroyedError()), false, "destroy() also fails requests in flight");
    assert.equal(provesNeverSent(new DOMException("The operation was aborted due to timeout", "TimeoutError")), false);
    assert.equal(provesNeverSent(new Error("no code at all")), false);
    assert.equal(provesNeverSent(undefined), false);
    assert.equal(provesNeverSent("ECONNREFUSED"), false, "a bare string is not an error");
  });

  it("ETIMEDOUT proves it only from connect(2), not from an open socket", () => {
    assert.equal(provesNeverSent(sysError("ETIMEDOUT", "connect")), true);
    assert.equal(provesNeverSent(sysError("ETIMEDOUT", "read")), false);
    assert.equal(provesNeverSent(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })), false);
  });

  it("follows cause chains and AggregateErrors; the outermost code decides", () => {
    const fetchFailed = new TypeError("fetch failed", { cause: sysError("ECONNREFUSED", "connect") });
    assert.equal(provesNeverSent(fetchFailed), true);
    assert.equal(errorCode(fetchFailed), "ECONNREFUSED");
    assert.equal(provesNeverSent(new TypeError("fetch failed", { cause: new undiciErrors.SocketError("other side closed") })), false);

    // undici wraps an AggregateError of per-address timeouts in a ConnectTimeoutError.
    const perAddress = new AggregateError([sysError("ETIMEDOUT", "connect"), sysError("ETIMEDOUT", "connect")], "connect failed");
    const wrapped = Object.assign(new undiciErrors.ConnectTimeoutError(), { cause: perAddress });
    assert.equal(provesNeverSent(wrapped), true);

    assert.equal(provesNeverSent(new AggregateError([sysError("ECONNREFUSED", "connect"), sysError("ENETUNREACH", "connect")])), true, "every address refused");
    assert.equal(provesNeverSent(new AggregateError([sysError("ECONNREFUSED", "connect"), sysError("ECONNRESET", "read")])), false, "one may have been sent");
    assert.equal(errorCode(new AggregateError([sysError("EHOSTUNREACH", "connect")])), "EHOSTUNREACH");

    const socketAroundRefusal = Object.assign(new undiciErrors.SocketError("other side closed"), { cause: sysError("ECONNREFUSED", "connect") });
    assert.equal(provesNeverSent(socketAroundRefusal), false, "a wrapper's own code is not overruled by its cause");
  });

  it("every code in the set comes with the reason it is there", () => {
    for (const [code, why] of NEVER_SENT_CODES) assert.ok(why.length > 3, code);
    for (const sent of ["ECONNRESET", "EPIPE", "ETIMEDOUT", "UND_ERR_SOCKET", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_DESTROYED", "TimeoutError", "AbortError"]) {
      assert.equal(NEVER_SENT_CODES.has(sent), false, sent);
    }
  });

  it("a real refused connection through undici is classified as never sent", async () => {
    const port = await closedPort();
    const err = await request(`http://127.0.0.1:${port}/`, { method: "POST", body: "x" }).then(
      () => assert.fail("expected a refusal"),
      (e: unknown) => e,
    );
    assert.equal(provesNeverSent(err), true, String(err));
  });

  it("both clients draw the same conclusion from the same failure", async () => {
    const port = await closedPort();
    const sectigo = await postForm({ url: `http://127.0.0.1:${port}/products/download/CollectSSL`, endpoint: "CollectSSL", form: new URLSearchParams({ a: "1" }), timeoutMs: 5_000 }).then(
      () => assert.fail("expected a refusal"),
      (e: unknown) => e,
    );
    assert.ok(sectigo instanceof SectigoTransportError);
    assert.equal(sectigo.mayHaveReachedServer, false);

    const transport = new Transport({ baseUrl: `http://127.0.0.1:${port}`, apiToken: "t", timeoutMs: 5_000, now: Date.now });
    try {
      const nicsrs = await transport.post("collect", { certId: "1" }, 1).then(
        () => assert.fail("expected a refusal"),
        (e: unknown) => e,
      );
      assert.ok(nicsrs instanceof NicSrsTransportError);
      assert.equal(nicsrs.mayHaveReachedServer, false);
      assert.equal(nicsrs.errorCode, "ECONNREFUSED");
    } finally {
      await transport.close();
    }
  });
});

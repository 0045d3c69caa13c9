// Which transport failures prove that a request never reached the CA. Both clients use this one
// answer, and it decides whether a failed place / renew / reissue / S/MIME submission may be
// called "refused" (nothing ordered, nothing charged) instead of being looked up by refId.
// A wrong "not sent" can order and charge twice; a wrong "may have been sent" only costs a lookup.
// So a code belongs here only when it is raised before the first byte of the HTTP request can
// have been written: while resolving the name, opening the TCP connection, finishing the TLS
// handshake, or inside this process before dispatch. Anything raised on a connection that was
// already open (ECONNRESET, EPIPE, UND_ERR_SOCKET "other side closed", headers/body timeouts,
// an AbortSignal timeout, ETIMEDOUT from a retransmission) may come after the server read the
// request, and stays out.

/** Error codes raised before any request byte was written, each with why. */
export const NEVER_SENT_CODES: ReadonlyMap<string, string> = new Map([
  // Name resolution (getaddrinfo) failed: there was no address to connect to.
  ["ENOTFOUND", "host name not found"],
  ["EAI_AGAIN", "DNS lookup failed"],
  ["EAI_FAIL", "DNS lookup failed"],
  ["EAI_NODATA", "host name has no address"],
  ["EAI_NONAME", "host name not found"],
  // connect(2) failed: the TCP handshake never completed, so no socket existed to write to.
  ["ECONNREFUSED", "connection refused"],
  ["ENETUNREACH", "network unreachable"],
  ["ENETDOWN", "network down"],
  ["EHOSTUNREACH", "host unreachable"],
  ["EHOSTDOWN", "host down"],
  ["EADDRNOTAVAIL", "no local address to connect from"],
  // undici's connect timer covers TCP and TLS set-up; the request is written only after it is
  // cleared (undici also raises this for an AggregateError of per-address ETIMEDOUTs).
  ["UND_ERR_CONNECT_TIMEOUT", "timed out connecting"],
  // The TLS handshake rejected the server's certificate: application data (the request) is only
  // written after a successful handshake.
  ["ERR_TLS_CERT_ALTNAME_INVALID", "TLS certificate does not match the host"],
  ["CERT_HAS_EXPIRED", "TLS certificate expired"],
  ["DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed TLS certificate"],
  ["SELF_SIGNED_CERT_IN_CHAIN", "self-signed TLS certificate in chain"],
  ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "TLS certificate not verifiable"],
  ["UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "TLS issuer certificate unknown"],
  // Refused inside this process before dispatch: a bad URL or option, or a dispatcher already
  // closed (close() lets requests in flight finish, so a closed one only refuses new requests).
  // UND_ERR_DESTROYED stays out: destroy() also fails requests already written.
  ["ERR_INVALID_URL", "invalid URL"],
  ["UND_ERR_INVALID_ARG", "invalid request option"],
  ["UND_ERR_CLOSED", "HTTP client closed"],
  // undici's MockAgent found no interceptor: nothing went to any network.
  ["UND_MOCK_ERR_MOCK_NOT_MATCHED", "no mock matched"],
]);

/** ETIMEDOUT proves nothing on its own (an open connection can time out); from connect(2) it does. */
const CONNECT_SYSCALLS = new Set(["connect", "getaddrinfo"]);

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  syscall?: unknown;
  errors?: unknown;
  cause?: unknown;
}

const asErrorLike = (err: unknown): ErrorLike | undefined => (typeof err === "object" && err !== null ? (err as ErrorLike) : undefined);
const ownCode = (e: ErrorLike): string | undefined => (typeof e.code === "string" && e.code ? e.code : undefined);

/**
 * The code that names a failure: the error's own string `code`, else the first of an
 * AggregateError's errors (happy-eyeballs connects fail with one error per address), else the
 * nearest in its `cause` chain (fetch's "fetch failed" wraps the real error), else `TimeoutError`
 * / `AbortError` / the error's name; "UNKNOWN" when there is nothing.
 */
export function errorCode(err: unknown, depth = 0): string {
  const e = asErrorLike(err);
  if (!e || depth > 8) return "UNKNOWN";
  const own = ownCode(e);
  if (own) return own;
  if (Array.isArray(e.errors) && e.errors.length > 0) return errorCode(e.errors[0], depth + 1);
  if (e.cause !== undefined) {
    const inner = errorCode(e.cause, depth + 1);
    if (inner !== "UNKNOWN") return inner;
  }
  return typeof e.name === "string" && e.name ? e.name : "UNKNOWN";
}

/**
 * True only when `err` proves the request never reached the server. The outermost error that
 * has a code decides (a wrapper saying "socket closed" is not overruled by an inner refusal);
 * an AggregateError without its own code proves it only when every one of its errors does.
 */
export function provesNeverSent(err: unknown, depth = 0): boolean {
  const e = asErrorLike(err);
  if (!e || depth > 8) return false;
  const code = ownCode(e);
  if (code) {
    if (NEVER_SENT_CODES.has(code)) return true;
    return code === "ETIMEDOUT" && typeof e.syscall === "string" && CONNECT_SYSCALLS.has(e.syscall);
  }
  if (Array.isArray(e.errors) && e.errors.length > 0) return e.errors.every((inner) => provesNeverSent(inner, depth + 1));
  if (e.cause !== undefined) return provesNeverSent(e.cause, depth + 1);
  return false;
}

// One HTTP exchange with NicSRS: POST, timeouts, envelope parsing, error classification.
// Knows nothing about retries or endpoints' meanings.
import { Agent, request, type Dispatcher } from "undici";
import { EnvelopeSchema, type Envelope } from "./wire";
import { NicSrsResponseError, NicSrsTransportError } from "./errors";
import { errorCode, makeRedactor, NEVER_SENT_CODES, provesNeverSent } from "../http";
import { parseRetryAfter } from "./retry";

export const EXCERPT_MAX = 300;

export interface TransportOptions {
  baseUrl: string;
  apiToken: string;
  timeoutMs: number;
  dispatcher?: Dispatcher;
  logger?: (line: string) => void;
  now: () => number;
}

export interface Reply {
  envelope: Envelope;
  httpStatus: number;
}

/** Failures that may come after sending; the never-sent ones are described in NEVER_SENT_CODES. */
const DESCRIPTIONS: Record<string, string> = {
  ECONNRESET: "connection reset",
  EPIPE: "connection closed while sending",
  UND_ERR_SOCKET: "connection closed by the server",
  UND_ERR_HEADERS_TIMEOUT: "timed out waiting for the response",
  UND_ERR_BODY_TIMEOUT: "timed out reading the response",
  TimeoutError: "timed out",
  AbortError: "aborted",
  UND_ERR_ABORTED: "aborted",
};

/** Normalizes `https://host/prefix/` → `https://host/prefix` (throws on a non-http URL). */
export function normalizeBaseUrl(baseUrl: string): string {
  const u = new URL(baseUrl);
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new TypeError(`NicSRS baseUrl must be http(s): ${u.protocol}`);
  return `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
}

export class Transport {
  readonly #token: string;
  readonly #redact: (s: string) => string;
  readonly #base: string;
  readonly #timeoutMs: number;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #logger?: (line: string) => void;
  readonly #now: () => number;

  constructor(opts: TransportOptions) {
    this.#token = opts.apiToken;
    this.#redact = makeRedactor([opts.apiToken]);
    this.#base = normalizeBaseUrl(opts.baseUrl);
    this.#timeoutMs = opts.timeoutMs;
    this.#ownsDispatcher = !opts.dispatcher;
    this.#dispatcher =
      opts.dispatcher ??
      new Agent({
        keepAliveTimeout: 10_000,
        connect: { timeout: Math.min(opts.timeoutMs, 10_000) },
        headersTimeout: opts.timeoutMs,
        bodyTimeout: opts.timeoutMs,
      });
    this.#logger = opts.logger;
    this.#now = opts.now;
  }

  get redact(): (s: string) => string {
    return this.#redact;
  }

  urlFor(endpoint: string): string {
    return `${this.#base}/ssl/${endpoint}`;
  }

  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  /**
   * POSTs `{ api_token, ...fields }` (an object `params` JSON-encoded as a string). `msLeft` (what
   * remains of the operation's time budget) shortens this attempt's timeout.
   */
  async post(endpoint: string, fields: Record<string, unknown>, attempt: number, msLeft = Infinity): Promise<Reply> {
    const timeoutMs = Math.max(1, Math.min(this.#timeoutMs, Math.floor(msLeft)));
    const body: Record<string, unknown> = { api_token: this.#token };
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) continue;
      body[k] = k === "params" && typeof v === "object" && v !== null ? JSON.stringify(v) : v;
    }
    const started = this.#now();
    let status: number;
    let text: string;
    let retryAfter: string | string[] | undefined;
    try {
      const res = await request(this.urlFor(endpoint), {
        method: "POST",
        dispatcher: this.#dispatcher,
        headers: { "content-type": "application/json", accept: "application/json", "user-agent": "pulumi-nicsrs" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = res.statusCode;
      retryAfter = res.headers["retry-after"];
      try {
        text = await res.body.text();
      } catch (err) {
        throw this.#transportError(endpoint, err, true, timeoutMs);
      }
    } catch (err) {
      const failure = err instanceof NicSrsTransportError ? err : this.#transportError(endpoint, err, false, timeoutMs);
      this.#log(endpoint, `error(${failure.errorCode ?? "UNKNOWN"})`, started, attempt);
      throw failure;
    }
    this.#log(endpoint, String(status), started, attempt);
    return this.#parse(endpoint, status, text, parseRetryAfter(retryAfter, this.#now()));
  }

  #parse(endpoint: string, status: number, text: string, retryAfterMs: number | undefined): Reply {
    const excerpt = this.excerpt(text);
    const fail = (why: string) =>
      new NicSrsResponseError(endpoint, `NicSRS ${endpoint}: ${why} (HTTP ${status}): ${JSON.stringify(excerpt)}`, status, excerpt, retryAfterMs);
    if (status === 429 || status >= 500) throw fail(status === 429 ? "rate limited" : "server error");

    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
      throw fail("the response body is not JSON");
    }
    const env = EnvelopeSchema.safeParse(json);
    if (!env.success) throw fail("the response is not a NicSRS envelope ({ code, ... })");
    // A non-2xx status with a proper error envelope is still the API's answer (e.g. code 400).
    if ((status < 200 || status >= 300) && (env.data.code === 1 || env.data.code === 2)) throw fail(`unexpected HTTP status`);
    return { envelope: env.data, httpStatus: status };
  }

  /** At most EXCERPT_MAX characters of `text`, token redacted, whitespace collapsed. */
  excerpt(text: string): string {
    return this.#redact(text).replace(/\s+/g, " ").trim().slice(0, EXCERPT_MAX);
  }

  #transportError(endpoint: string, err: unknown, afterHeaders = false, timeoutMs = this.#timeoutMs): NicSrsTransportError {
    const code = errorCode(err);
    const reached = afterHeaders || !provesNeverSent(err);
    const what = DESCRIPTIONS[code] ?? NEVER_SENT_CODES.get(code) ?? "request failed";
    const raw = err instanceof Error ? err.message : String(err);
    const timedOut = code === "TimeoutError" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT" ? ` after ${timeoutMs} ms` : "";
    const message = this.#redact(
      `NicSRS ${endpoint}: ${what}${timedOut} (${code}) calling ${this.urlFor(endpoint)}` +
        (reached ? "; the server may have received the request" : "; the request was not sent") +
        (raw && raw !== what ? `: ${raw}` : ""),
    );
    // Never the raw undici error: it can reference the request, body included.
    const cause = Object.assign(new Error(this.#redact(raw)), { name: err instanceof Error ? err.name : "Error", code });
    return new NicSrsTransportError(endpoint, message, reached, code, cause);
  }

  #log(endpoint: string, status: string, started: number, attempt: number): void {
    if (!this.#logger) return;
    try {
      this.#logger(`nicsrs ${endpoint} status=${status} duration=${Math.round(this.#now() - started)}ms attempt=${attempt}`);
    } catch {
      // A broken logger must not break the call.
    }
  }
}

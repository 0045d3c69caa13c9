// One form-encoded POST with a timeout, and a retry loop for calls that are safe to repeat.
import { request, type Dispatcher } from "undici";
import type { SectigoEndpoint } from "./codes";
import { SectigoResponseError, SectigoTransportError, excerptOf } from "./errors";

export interface RetryOptions {
  retries?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
}

export interface PostOptions {
  url: string;
  endpoint: SectigoEndpoint;
  form: URLSearchParams;
  timeoutMs: number;
  dispatcher?: Dispatcher;
  maxBodyBytes?: number;
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: Uint8Array;
}

/** Errors raised before a connection existed: the request cannot have reached the server. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "EHOSTUNREACH", "ENETUNREACH"]);

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string") return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export async function postForm(o: PostOptions): Promise<HttpAnswer> {
  const signal = AbortSignal.timeout(o.timeoutMs);
  const max = o.maxBodyBytes ?? 4 << 20;
  try {
    const res = await request(o.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "*/*" },
      body: o.form.toString(),
      signal,
      dispatcher: o.dispatcher,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > max) {
        res.body.destroy();
        throw new SectigoResponseError(`body larger than ${max} bytes`, "", o.endpoint, res.statusCode);
      }
      chunks.push(chunk as Buffer);
    }
    const ct = res.headers["content-type"];
    return { status: res.statusCode, contentType: (Array.isArray(ct) ? ct[0] : ct) ?? "", body: new Uint8Array(Buffer.concat(chunks)) };
  } catch (e) {
    if (e instanceof SectigoResponseError) throw e;
    const timedOut = signal.aborted;
    const code = errorCode(e);
    const reason = timedOut ? `no answer within ${o.timeoutMs} ms` : `${code ?? "transport error"}: ${e instanceof Error ? e.message : String(e)}`;
    // undici messages name the URL at most; the body (with the password) never appears in them.
    throw new SectigoTransportError(o.endpoint, reason, timedOut || !code || !NOT_SENT.has(code), timedOut, { cause: code });
  }
}

/** HTTP-level failure that carries no Sectigo status line (proxy pages, 5xx, 429). */
export function httpFailure(endpoint: SectigoEndpoint, a: HttpAnswer): SectigoResponseError | undefined {
  if (a.status >= 200 && a.status < 300) return undefined;
  return new SectigoResponseError(`HTTP ${a.status}`, excerptOf(a.body), endpoint, a.status);
}

export function isRetryable(e: unknown): boolean {
  if (e instanceof SectigoTransportError) return true;
  return e instanceof SectigoResponseError && e.httpStatus !== undefined && (e.httpStatus >= 500 || e.httpStatus === 429);
}

export function backoffMs(attempt: number, r: Required<RetryOptions>): number {
  const exp = Math.min(r.maxDelayMs, r.minDelayMs * 2 ** attempt);
  return Math.round(exp / 2 + (Math.random() * exp) / 2);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A call's total time, all attempts and waits included. */
export const DEFAULT_BUDGET_MS = 60_000;
/** An attempt is not started with less than this left of the budget. */
export const MIN_ATTEMPT_MS = 100;

/** One call's time budget: what is left, each attempt's timeout, whether another attempt fits. */
export class TimeBudget {
  readonly startedAt: number;
  constructor(
    readonly budgetMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }
  get msLeft(): number {
    return this.startedAt + this.budgetMs - this.now();
  }
  /** The attempt's timeout: the per-attempt timeout, cut to what is left. */
  attemptTimeout(timeoutMs: number): number {
    return Math.max(1, Math.min(timeoutMs, Math.floor(this.msLeft)));
  }
  /** Whether an attempt after waiting `delayMs` still has time to run. */
  allows(delayMs: number): boolean {
    return this.msLeft - delayMs >= MIN_ATTEMPT_MS;
  }
  /** "(gave up after 3 attempts in 60.0 s: the time budget of 60 s for this request is spent)". */
  spent(attempts: number): string {
    return `(gave up after ${attempts} attempt${attempts === 1 ? "" : "s"} in ${((this.now() - this.startedAt) / 1000).toFixed(1)} s: the time budget of ${Math.round(this.budgetMs / 100) / 10} s for this request is spent)`;
  }
}

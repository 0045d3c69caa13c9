// One form-encoded POST with a timeout, and a retry loop for calls that are safe to repeat.
import { request, type Dispatcher } from "undici";
import type { SectigoEndpoint } from "./codes";
import { SectigoResponseError, SectigoTransportError, excerptOf } from "./errors";
import { errorCode, provesNeverSent, type RetryOptions, type RetryPolicy } from "../http";

export type { RetryOptions };

/** Reads retry 3 times, waits from 500 ms up to 8 s. */
export const DEFAULT_RETRY: RetryPolicy = { retries: 3, minDelayMs: 500, maxDelayMs: 8_000 };

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
    const reason = timedOut ? `no answer within ${o.timeoutMs} ms` : `${code === "UNKNOWN" ? "transport error" : code}: ${e instanceof Error ? e.message : String(e)}`;
    // undici messages name the URL at most; the body (with the password) never appears in them.
    throw new SectigoTransportError(o.endpoint, reason, timedOut || !provesNeverSent(e), timedOut, { cause: code === "UNKNOWN" ? undefined : code });
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

export { DEFAULT_BUDGET_MS } from "../http";

// Retry policy for reads (collect, getCertByRefId, productList). Mutations never come here.
import { NicSrsError, NicSrsResponseError, NicSrsTransportError } from "./errors";

export interface RetryOptions {
  /** Retries after the first attempt. Default 4. */
  retries?: number;
  /** Floor of every backoff delay, and the base of the exponential. Default 500 ms. */
  minDelayMs?: number;
  /** Ceiling of every delay, Retry-After included. Default 10 s. */
  maxDelayMs?: number;
}

export interface RetryPolicy {
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
}

export interface RetryEnv {
  sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1). */
  random: () => number;
  /** The whole operation's time budget in ms (all attempts and waits); none when absent. */
  budgetMs?: number;
  now?: () => number;
}

/** An attempt is not started with less than this left of the budget. */
export const MIN_ATTEMPT_MS = 100;

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, minDelayMs: 500, maxDelayMs: 10_000 };

export function resolveRetryPolicy(opts: RetryOptions | undefined): RetryPolicy {
  const retries = Math.max(0, Math.floor(opts?.retries ?? DEFAULT_RETRY.retries));
  const minDelayMs = Math.max(0, opts?.minDelayMs ?? DEFAULT_RETRY.minDelayMs);
  const maxDelayMs = Math.max(minDelayMs, opts?.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs);
  return { retries, minDelayMs, maxDelayMs };
}

/**
 * Exponential backoff with full jitter above a floor: retry n (0-based) waits a uniform
 * random time in [min, min(max, min·2^(n+1))].
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** (retry + 1));
  return Math.round(policy.minDelayMs + random() * (ceiling - policy.minDelayMs));
}

/** Retry-After as delta-seconds or an HTTP date, in ms from `nowMs`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | string[] | undefined, nowMs: number): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** Worth another try for a read: the network failed, or the server said 5xx / 429. */
export function isRetryableRead(err: unknown): boolean {
  if (err instanceof NicSrsTransportError) return true;
  if (err instanceof NicSrsResponseError) return err.httpStatus === 429 || err.httpStatus >= 500;
  return false;
}

/** The wait before the next attempt: Retry-After when the server sent one (capped), else backoff. */
export function nextDelayMs(err: unknown, retry: number, policy: RetryPolicy, random: () => number): number {
  if (err instanceof NicSrsResponseError && err.retryAfterMs !== undefined) {
    return Math.min(err.retryAfterMs, policy.maxDelayMs);
  }
  return backoffDelayMs(retry, policy, random);
}

/**
 * Runs `attempt(n, msLeft)` (n from 1) until it succeeds, fails for good, retries run out, or the
 * time budget is spent. `msLeft` is what remains of the budget (Infinity without one): the
 * attempt caps its own timeout to it.
 */
export async function withReadRetries<T>(
  attempt: (n: number, msLeft: number) => Promise<T>,
  policy: RetryPolicy,
  env: RetryEnv,
): Promise<T> {
  const now = env.now ?? Date.now;
  const started = now();
  const deadline = env.budgetMs !== undefined ? started + env.budgetMs : Infinity;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n, deadline - now());
    } catch (err) {
      if (!isRetryableRead(err)) throw err;
      if (n > policy.retries) {
        if (err instanceof NicSrsError && n > 1) err.annotate(`(gave up after ${n} attempts)`);
        throw err;
      }
      const delay = nextDelayMs(err, n - 1, policy, env.random);
      if (deadline - now() - delay < MIN_ATTEMPT_MS) {
        if (err instanceof NicSrsError) {
          err.annotate(`(gave up after ${n} attempt${n === 1 ? "" : "s"} in ${((now() - started) / 1000).toFixed(1)} s: the time budget of ${formatSeconds(env.budgetMs!)} for this request is spent)`);
        }
        throw err;
      }
      await env.sleep(delay);
    }
  }
}

const formatSeconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Retry policy for reads (collect, getCertByRefId, productList). Mutations never come here.
import { NicSrsError, NicSrsResponseError, NicSrsTransportError } from "./errors";
import { backoffDelayMs, resolveRetryPolicy as resolveSharedPolicy, sleep, TimeBudget, type RetryOptions, type RetryPolicy } from "../http";

export { backoffDelayMs, MIN_ATTEMPT_MS, type RetryOptions, type RetryPolicy } from "../http";

export interface RetryEnv {
  sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1). */
  random: () => number;
  /** The whole operation's time budget in ms (all attempts and waits); none when absent. */
  budgetMs?: number;
  now?: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, minDelayMs: 500, maxDelayMs: 10_000 };

/** Defaults: 4 retries, 500 ms floor, 10 s ceiling. */
export function resolveRetryPolicy(opts: RetryOptions | undefined): RetryPolicy {
  return resolveSharedPolicy(opts, DEFAULT_RETRY);
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
  const budget = new TimeBudget(env.budgetMs, env.now ?? Date.now);
  for (let n = 1; ; n++) {
    try {
      return await attempt(n, budget.msLeft);
    } catch (err) {
      if (!isRetryableRead(err)) throw err;
      if (n > policy.retries) {
        if (err instanceof NicSrsError && n > 1) err.annotate(`(gave up after ${n} attempts)`);
        throw err;
      }
      const delay = nextDelayMs(err, n - 1, policy, env.random);
      if (!budget.allows(delay)) {
        if (err instanceof NicSrsError) err.annotate(budget.spent(n));
        throw err;
      }
      await env.sleep(delay);
    }
  }
}

export const realSleep = sleep;

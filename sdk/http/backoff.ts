// The wait between two attempts of a read, shared by the NicSRS and Sectigo clients.

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** Floor of every backoff delay, and the base of the exponential. */
  minDelayMs: number;
  /** Ceiling of every delay, Retry-After included. */
  maxDelayMs: number;
}

export type RetryOptions = Partial<RetryPolicy>;

/** Fills in `defaults` and clamps: retries a whole number ≥ 0, 0 ≤ min ≤ max. */
export function resolveRetryPolicy(opts: RetryOptions | undefined, defaults: RetryPolicy): RetryPolicy {
  const retries = Math.max(0, Math.floor(opts?.retries ?? defaults.retries));
  const minDelayMs = Math.max(0, opts?.minDelayMs ?? defaults.minDelayMs);
  const maxDelayMs = Math.max(minDelayMs, opts?.maxDelayMs ?? defaults.maxDelayMs);
  return { retries, minDelayMs, maxDelayMs };
}

/**
 * Exponential backoff with full jitter above a floor: retry n (0-based) waits a uniform
 * random time in [min, min(max, min·2^(n+1))].
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** (retry + 1));
  return Math.round(policy.minDelayMs + random() * (ceiling - policy.minDelayMs));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Polling with exponential backoff and jitter: about 2 s, doubling, capped at 30 s, until a
// deadline. The schedule can be shortened for tests with NICSRS_POLL_MIN_MS / NICSRS_POLL_MAX_MS.
import { sleep } from "../sdk/http";

export interface PollSchedule {
  minMs: number;
  maxMs: number;
  /** Each delay is multiplied by a random factor in [1 - jitter, 1 + jitter]. */
  jitter: number;
}

export const DEFAULT_SCHEDULE: PollSchedule = { minMs: 2_000, maxMs: 30_000, jitter: 0.2 };

export function pollSchedule(env: NodeJS.ProcessEnv = process.env): PollSchedule {
  const num = (v: string | undefined) => (v !== undefined && v.trim() !== "" && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : undefined);
  const minMs = num(env.NICSRS_POLL_MIN_MS) ?? DEFAULT_SCHEDULE.minMs;
  const maxMs = Math.max(minMs, num(env.NICSRS_POLL_MAX_MS) ?? Math.max(DEFAULT_SCHEDULE.maxMs, minMs));
  return { minMs, maxMs, jitter: DEFAULT_SCHEDULE.jitter };
}

/** The delay before attempt `n + 1` (n counts from 0). */
export function backoffDelay(n: number, schedule: PollSchedule, random: () => number = Math.random): number {
  const base = Math.min(schedule.maxMs, schedule.minMs * 2 ** Math.min(n, 30));
  const factor = 1 - schedule.jitter + 2 * schedule.jitter * random();
  return Math.max(0, Math.round(base * factor));
}

export interface PollOptions<T> {
  timeoutMs: number;
  schedule?: PollSchedule;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Called after every attempt that is not done, with the delay before the next one. */
  onWait?: (value: T, nextDelayMs: number, attempt: number) => void;
}

export { sleep };

/**
 * Calls `attempt` until `isDone` says so or the deadline passes (one last attempt is made at the
 * deadline). Errors thrown by `attempt` or `isDone` end the polling.
 */
export async function pollUntil<T>(attempt: () => Promise<T>, isDone: (value: T) => boolean, opts: PollOptions<T>): Promise<{ value: T; done: boolean; attempts: number }> {
  const schedule = opts.schedule ?? pollSchedule();
  const wait = opts.sleep ?? sleep;
  const now = opts.now ?? Date.now;
  const deadline = now() + opts.timeoutMs;
  for (let n = 0; ; n++) {
    const value = await attempt();
    if (isDone(value)) return { value, done: true, attempts: n + 1 };
    const remaining = deadline - now();
    if (remaining <= 0) return { value, done: false, attempts: n + 1 };
    const delay = Math.min(backoffDelay(n, schedule, opts.random), remaining);
    opts.onWait?.(value, delay, n + 1);
    await wait(delay);
  }
}

// Adaptive schedule of the issuance waits (CertificateValidation, Certificate.waitForIssuance): ask the
// CA quickly once every DCV record is visible at its zone's authoritative servers (the CA can pass
// it any moment), slowly while one is missing (the CA cannot), and in between when nothing is known
// (email DCV, the DNS check off). The DNS is re-checked between CA calls (it costs the CA nothing),
// so a record that appears cuts a slow wait short. Test/bench overrides: NICSRS_POLL_FAST_MS,
// NICSRS_POLL_SLOW_MS, NICSRS_DNS_CHECK_MS; NICSRS_POLL_MIN_MS / NICSRS_POLL_MAX_MS still bound everything.
export interface AdaptiveSchedule {
  /** Between CA calls once every record is visible (jitter ±20 %: at most 3.6 s). */
  fastMs: number;
  /** Between CA calls while a record is missing (jitter downwards only: 27–30 s). */
  slowMs: number;
  /** Backoff from min to max when the records' state is unknown. */
  unknownMinMs: number;
  unknownMaxMs: number;
  /** Between DNS re-checks while waiting for a slow CA call. */
  dnsEveryMs: number;
  jitter: number;
}

export const DEFAULT_ADAPTIVE: AdaptiveSchedule = { fastMs: 3_000, slowMs: 30_000, unknownMinMs: 2_000, unknownMaxMs: 15_000, dnsEveryMs: 3_000, jitter: 0.2 };

export function adaptiveSchedule(env: NodeJS.ProcessEnv = process.env): AdaptiveSchedule {
  const num = (v: string | undefined) => (v !== undefined && v.trim() !== "" && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : undefined);
  const d = DEFAULT_ADAPTIVE;
  const cap = num(env.NICSRS_POLL_MAX_MS) ?? Infinity;
  const floor = num(env.NICSRS_POLL_MIN_MS);
  const fastMs = num(env.NICSRS_POLL_FAST_MS) ?? Math.min(d.fastMs, cap);
  const slowMs = num(env.NICSRS_POLL_SLOW_MS) ?? Math.min(d.slowMs, cap);
  const unknownMinMs = Math.min(floor ?? d.unknownMinMs, cap);
  const unknownMaxMs = Math.max(unknownMinMs, Math.min(d.unknownMaxMs, cap));
  const dnsEveryMs = num(env.NICSRS_DNS_CHECK_MS) ?? Math.min(d.dnsEveryMs, fastMs);
  return { fastMs, slowMs, unknownMinMs, unknownMaxMs, dnsEveryMs, jitter: d.jitter };
}

// Progress lines. A dynamic provider has no engine connection for pulumi.log (its host never
// sets one up), but the engine forwards the provider process's stderr to the CLI, so lines
// written there reach the user.
let progressSink: (line: string) => void = (line) => {
  process.stderr.write(`nicsrs: ${line}\n`);
};

export function progress(line: string): void {
  progressSink(line);
}

/** Test seam: where progress lines go; returns the previous sink. */
export function setProgressSink(sink: (line: string) => void): (line: string) => void {
  const old = progressSink;
  progressSink = sink;
  return old;
}

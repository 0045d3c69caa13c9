// Which failures of place / renew / reissue prove that NicSRS refused the order. Everything else
// (a timeout or reset after sending, a 5xx, code -2, an unreadable 2xx) leaves the outcome
// uncertain: the CA may have taken, and charged, the order, and the caller must look it up by refId.
import { NicSrsApiError, NicSrsError, NicSrsResponseError, NicSrsTransportError } from "./errors";

/** API codes that mean "refused, nothing done": -1 validation, -3 product/price, -4 credit, -6 CA refused, 400 permission. */
export const REFUSAL_CODES: readonly number[] = [-1, -3, -4, -6, 400];

export function provesRefusal(err: NicSrsError): boolean {
  if (err instanceof NicSrsApiError) return REFUSAL_CODES.includes(err.code);
  // Never sent: only connect-phase failures (sdk/http/never-sent.ts, shared with the Sectigo client).
  if (err instanceof NicSrsTransportError) return !err.mayHaveReachedServer;
  // A 4xx without a NicSRS envelope (wrong URL, proxy refusal, 429) was turned away unprocessed.
  if (err instanceof NicSrsResponseError) return err.httpStatus >= 400 && err.httpStatus < 500;
  return false;
}

/**
 * Pauses between refId lookups after an uncertain outcome: an order the CA is still processing
 * shows up late. They double from ~1 s and add up to `windowMs` (the client's timeout by default:
 * the CA gets as long again as the client waited for its answer).
 */
export function recoveryLookupDelays(windowMs: number): number[] {
  const delays: number[] = [];
  let next = Math.max(50, Math.min(1000, Math.floor(windowMs / 8)));
  let left = windowMs;
  while (left > 0) {
    const d = Math.min(next, left);
    delays.push(d);
    left -= d;
    next *= 2;
  }
  return delays;
}

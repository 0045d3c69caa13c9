import { strict as assert } from "node:assert";
import {
  backoffDelayMs,
  nextDelayMs,
  parseRetryAfter,
  resolveRetryPolicy,
  withReadRetries,
  type RetryPolicy,
} from "../../sdk/nicsrs/retry";
import { NicSrsApiError, NicSrsResponseError, NicSrsTransportError } from "../../sdk/nicsrs/errors";

const policy: RetryPolicy = { retries: 4, minDelayMs: 500, maxDelayMs: 10_000 };

describe("nicsrs retry policy", () => {
  it("defaults: 4 retries, 500 ms floor, 10 s ceiling", () => {
    assert.deepEqual(resolveRetryPolicy(undefined), policy);
    assert.deepEqual(resolveRetryPolicy({ retries: 1, minDelayMs: 20_000, maxDelayMs: 5 }), { retries: 1, minDelayMs: 20_000, maxDelayMs: 20_000 });
  });

  it("backoff grows exponentially with full jitter between the floor and a capped ceiling", () => {
    assert.equal(backoffDelayMs(0, policy, () => 0), 500);
    assert.equal(backoffDelayMs(0, policy, () => 1), 1000);
    assert.equal(backoffDelayMs(1, policy, () => 1), 2000);
    assert.equal(backoffDelayMs(2, policy, () => 1), 4000);
    assert.equal(backoffDelayMs(2, policy, () => 0.5), 2250);
    assert.equal(backoffDelayMs(10, policy, () => 1), 10_000, "capped at maxDelayMs");
  });

  it("parses Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    assert.equal(parseRetryAfter("3", now), 3000);
    assert.equal(parseRetryAfter("0.5", now), 500);
    assert.equal(parseRetryAfter("Wed, 01 Jan 2025 00:00:07 GMT", now), 7000);
    assert.equal(parseRetryAfter("Tue, 31 Dec 2024 00:00:00 GMT", now), 0, "a past date means now");
    assert.equal(parseRetryAfter("whenever", now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });

  it("Retry-After wins over backoff but is capped at maxDelayMs", () => {
    const r429 = (ms: number) => new NicSrsResponseError("collect", "rate limited", 429, "", ms);
    assert.equal(nextDelayMs(r429(3000), 0, policy, () => 0), 3000);
    assert.equal(nextDelayMs(r429(60_000), 0, policy, () => 0), 10_000);
    assert.equal(nextDelayMs(new NicSrsResponseError("collect", "x", 503, ""), 1, policy, () => 1), 2000);
  });

  it("retries transport errors, 5xx and 429, then gives up after `retries`", async () => {
    const sleeps: number[] = [];
    let calls = 0;
    await assert.rejects(
      withReadRetries(
        async () => {
          calls++;
          throw new NicSrsResponseError("collect", "server error", 503, "");
        },
        policy,
        { sleep: async (ms) => void sleeps.push(ms), random: () => 0 },
      ),
      (e: unknown) => e instanceof NicSrsResponseError && /gave up after 5 attempts/.test(e.message),
    );
    assert.equal(calls, 5);
    assert.deepEqual(sleeps, [500, 500, 500, 500]);
  });

  it("succeeds after transient failures", async () => {
    let calls = 0;
    const value = await withReadRetries(
      async (n) => {
        calls++;
        if (n === 1) throw new NicSrsTransportError("collect", "reset", true, "ECONNRESET");
        if (n === 2) throw new NicSrsResponseError("collect", "rate limited", 429, "", 1000);
        return "ok";
      },
      policy,
      { sleep: async () => {}, random: () => 0 },
    );
    assert.equal(value, "ok");
    assert.equal(calls, 3);
  });

  it("does not retry API errors or 4xx responses", async () => {
    for (const err of [new NicSrsApiError("collect", -1, ["certId: bad"]), new NicSrsResponseError("collect", "not json", 200, "<html>")]) {
      let calls = 0;
      await assert.rejects(
        withReadRetries(
          async () => {
            calls++;
            throw err;
          },
          policy,
          { sleep: async () => {}, random: () => 0 },
        ),
      );
      assert.equal(calls, 1);
    }
  });
});

import { strict as assert } from "node:assert";
import { backoffDelayMs, makeRedactor, resolveRetryPolicy, TimeBudget } from "../../sdk/http";

describe("shared HTTP pieces (sdk/http)", () => {
  it("resolveRetryPolicy fills defaults and clamps min ≤ max, retries ≥ 0", () => {
    const d = { retries: 3, minDelayMs: 500, maxDelayMs: 8_000 };
    assert.deepEqual(resolveRetryPolicy(undefined, d), d);
    assert.deepEqual(resolveRetryPolicy({ retries: -2.5, minDelayMs: 900, maxDelayMs: 100 }, d), { retries: 0, minDelayMs: 900, maxDelayMs: 900 });
  });

  it("backoff: full jitter between the floor and min·2^(n+1), capped", () => {
    const p = { retries: 3, minDelayMs: 500, maxDelayMs: 8_000 };
    assert.equal(backoffDelayMs(0, p, () => 0), 500);
    assert.equal(backoffDelayMs(0, p, () => 1), 1000);
    assert.equal(backoffDelayMs(3, p, () => 1), 8_000);
    assert.equal(backoffDelayMs(9, p, () => 1), 8_000);
    const r = backoffDelayMs(1, p);
    assert.ok(r >= 500 && r <= 2000, String(r));
  });

  it("TimeBudget without a budget never runs out", () => {
    const b = new TimeBudget(undefined, () => 0);
    assert.equal(b.msLeft, Infinity);
    assert.equal(b.attemptTimeout(30_000), 30_000);
    assert.equal(b.allows(1e9), true);
  });

  it("redactor scrubs raw, JSON-escaped, URL-encoded and form-encoded forms of every secret", () => {
    const r = makeRedactor(['p a"ss/+', undefined, "tok"], "***");
    const text = 'raw p a"ss/+ json p a\\"ss/+ uri p%20a%22ss%2F%2B form p+a%22ss%2F%2B and tok';
    assert.equal(r(text), "raw *** json *** uri *** form *** and ***");
    assert.equal(makeRedactor([""])("nothing to hide"), "nothing to hide");
  });
});

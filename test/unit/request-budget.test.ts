// Issue 8.4: every request has a total time budget (retries and their waits included), and each
// attempt's timeout is cut to what is left of it.
import { strict as assert } from "node:assert";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { NicSrsClient, NicSrsTransportError } from "../../sdk/nicsrs";
import { withReadRetries, resolveRetryPolicy } from "../../sdk/nicsrs/retry";
import { SectigoClient } from "../../sdk/sectigo";
import { TimeBudget } from "../../sdk/http";
import { CONFIG_BUDGET, configureBudget, ENV_BUDGET, requestBudgetMs, resetBudget } from "../../provider/request-budget";

/** Accepts connections and never answers: the endpoint that cost 163 s per refresh. */
async function silentServer(): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    count++;
    sockets.add(s);
    s.on("error", () => undefined);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => count,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

describe("request time budget (issue 8.4)", () => {
  describe("withReadRetries on an injected clock", () => {
    it("stops when the budget is spent, not when the retries run out, and cuts the last attempt's timeout", async () => {
      let clock = 0;
      const seenMsLeft: number[] = [];
      const err = await withReadRetries(
        async (_n, msLeft) => {
          seenMsLeft.push(msLeft);
          clock += Math.min(30_000, msLeft); // a silent server: each attempt runs into its timeout
          throw new NicSrsTransportError("collect", "NicSRS collect: timed out", true, "TimeoutError");
        },
        resolveRetryPolicy({ retries: 4, minDelayMs: 500, maxDelayMs: 500 }),
        { sleep: async (ms) => void (clock += ms), random: () => 0, budgetMs: 60_000, now: () => clock },
      ).then(
        () => assert.fail("resolved"),
        (e: Error) => e,
      );
      assert.deepEqual(seenMsLeft, [60_000, 29_500]);
      assert.match(err.message, /\(gave up after 2 attempts in 60\.0 s: the time budget of 60 s for this request is spent\)/);
    });

    it("without a budget the retries bound it (5 attempts)", async () => {
      let attempts = 0;
      await assert.rejects(
        withReadRetries(
          async () => {
            attempts++;
            throw new NicSrsTransportError("collect", "NicSRS collect: timed out", true, "TimeoutError");
          },
          resolveRetryPolicy({ retries: 4, minDelayMs: 0, maxDelayMs: 0 }),
          { sleep: async () => undefined, random: () => 0 },
        ),
        /gave up after 5 attempts/,
      );
      assert.equal(attempts, 5);
    });

    it("TimeBudget (both clients) cuts attempts and refuses one that cannot fit", () => {
      let clock = 1_000;
      const b = new TimeBudget(60_000, () => clock);
      assert.equal(b.attemptTimeout(30_000), 30_000);
      clock += 45_000;
      assert.equal(b.attemptTimeout(30_000), 15_000);
      assert.equal(b.allows(14_000), true);
      assert.equal(b.allows(15_000), false);
      clock += 15_000;
      assert.match(b.spent(3), /^\(gave up after 3 attempts in 60\.0 s: the time budget of 60 s for this request is spent\)$/);
    });
  });

  describe("against a silent TCP server on loopback", () => {
    let silent: Awaited<ReturnType<typeof silentServer>>;
    beforeEach(async () => (silent = await silentServer()));
    afterEach(() => silent.close());

    it("NicSRS collect fails within the budget: fewer attempts than the retries allow, error says why", async () => {
      const client = new NicSrsClient({ apiToken: "t0k3n-secret", baseUrl: silent.url, timeoutMs: 400, budgetMs: 1_000, retry: { retries: 4, minDelayMs: 10, maxDelayMs: 10 } });
      try {
        const err = await client.collect("260113vghhracpaw").then(
          () => assert.fail("resolved"),
          (e: Error) => e,
        );
        assert.ok(err instanceof NicSrsTransportError, String(err));
        assert.match(err.message, /the time budget of 1 s for this request is spent/);
        assert.doesNotMatch(err.message, /t0k3n-secret/);
        // 400 ms attempts in a 1 s budget: 2 or 3 attempts (the retry policy alone would make 5).
        assert.ok(silent.connections() >= 2 && silent.connections() <= 3, `attempts: ${silent.connections()}`);
      } finally {
        await client.close();
      }
    });

    it("NicSRS collect without a tight budget makes all 5 attempts (the contrast)", async () => {
      const client = new NicSrsClient({ apiToken: "t", baseUrl: silent.url, timeoutMs: 150, budgetMs: 60_000, retry: { retries: 4, minDelayMs: 10, maxDelayMs: 10 } });
      try {
        await assert.rejects(client.collect("260113vghhracpaw"), /gave up after 5 attempts/);
        assert.equal(silent.connections(), 5);
      } finally {
        await client.close();
      }
    });

    it("Sectigo CollectSSL fails within the budget", async () => {
      const client = new SectigoClient({ loginName: "u", loginPassword: "pw-secret", baseUrl: silent.url, timeoutMs: 400, budgetMs: 1_000, retry: { retries: 5, minDelayMs: 10, maxDelayMs: 10 } });
      const err = await client.collectSsl({ orderNumber: "1234", queryType: 1 }).then(
        () => assert.fail("resolved"),
        (e: Error) => e,
      );
      assert.match(err.message, /the time budget of 1 s for this request is spent/);
      assert.doesNotMatch(err.message, /pw-secret/);
      assert.ok(silent.connections() >= 2 && silent.connections() <= 3, `attempts: ${silent.connections()}`);
    });
  });

  describe("provider setting", () => {
    afterEach(() => resetBudget());
    const req = (v?: string) => ({ config: { get: (k: string) => (k === CONFIG_BUDGET ? v : undefined) } });

    it("defaults to 60 s; the environment and then the stack config override it", () => {
      assert.equal(requestBudgetMs({}), 60_000);
      assert.equal(requestBudgetMs({ [ENV_BUDGET]: "12.5" }), 12_500);
      configureBudget(req("20"));
      assert.equal(requestBudgetMs({ [ENV_BUDGET]: "12.5" }), 20_000);
    });

    it("a malformed value is an error naming where it came from", () => {
      assert.throws(() => requestBudgetMs({ [ENV_BUDGET]: "soon" }), /environment variable NICSRS_REQUEST_BUDGET_SECONDS is "soon": it must be a number of seconds, more than 0/);
      configureBudget(req("-1"));
      assert.throws(() => requestBudgetMs({}), /stack config nicsrs:requestBudgetSeconds is "-1"/);
    });
  });
});

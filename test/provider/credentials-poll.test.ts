import { strict as assert } from "node:assert";
import * as impl from "../../provider/cert-impl";
import { configure, describeEndpoint, resetCredentials, resolveCredentials } from "../../provider/credentials";
import { backoffDelay, DEFAULT_SCHEDULE, pollSchedule, pollUntil } from "../../provider/poll";
import { startSimulator, type RunningSimulator } from "../../simulator";
import { baseInputs } from "./fixtures";

const cfg = (values: Record<string, string>) => ({ config: { get: (k: string) => values[k] } });

describe("provider: credentials", () => {
  const saved = { token: process.env.NICSRS_API_TOKEN, endpoint: process.env.NICSRS_ENDPOINT };
  beforeEach(async () => {
    await resetCredentials();
    delete process.env.NICSRS_API_TOKEN;
    delete process.env.NICSRS_ENDPOINT;
  });
  after(async () => {
    await resetCredentials();
    for (const [k, v] of [["NICSRS_API_TOKEN", saved.token], ["NICSRS_ENDPOINT", saved.endpoint]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it("a missing token: the error names both ways to set it", async () => {
    assert.throws(() => resolveCredentials(), /pulumi config set --secret nicsrs:apiToken <token>.*NICSRS_API_TOKEN/);
    await assert.rejects(impl.read("x", { certId: "x" }), /nicsrs:apiToken.*NICSRS_API_TOKEN/);
  });

  it("stack config (from configure) wins over the environment; the environment is the fallback", async () => {
    process.env.NICSRS_API_TOKEN = "from-env";
    process.env.NICSRS_ENDPOINT = "http://env.example";
    assert.deepEqual(resolveCredentials(), { apiToken: "from-env", endpoint: "http://env.example" });
    await configure(cfg({ "nicsrs:apiToken": "from-config", "nicsrs:endpoint": "http://config.example" }));
    assert.deepEqual(resolveCredentials(), { apiToken: "from-config", endpoint: "http://config.example" });
    assert.equal(describeEndpoint(), "http://config.example");
  });

  it("configure survives a host that never received a Configure call (its config bag is undefined)", async () => {
    const broken = { config: { get: () => { throw new TypeError("Cannot read properties of undefined"); } } };
    await configure(broken);
    process.env.NICSRS_API_TOKEN = "from-env";
    assert.equal(resolveCredentials().apiToken, "from-env");
  });

  describe("against the simulator", () => {
    let sim: RunningSimulator;
    before(async function () {
      this.timeout(60_000);
      sim = await startSimulator({ apiToken: "the-right-token-1234567890" });
    });
    after(() => sim.close());

    it("a wrong token: the CA's refusal, and the token appears in no message", async () => {
      await configure(cfg({ "nicsrs:apiToken": "a-wrong-token-0987654321", "nicsrs:endpoint": sim.url }));
      const err = await impl.create({ ...baseInputs() }).then(
        () => assert.fail("expected a refusal"),
        (e: Error) => e,
      );
      assert.match(err.message, /400|permission denied/i);
      assert.ok(!err.message.includes("a-wrong-token-0987654321"));
      assert.ok(!JSON.stringify(err).includes("a-wrong-token-0987654321"));
      assert.ok(!String(err.stack).includes("a-wrong-token-0987654321"));
    });

    it("rotating the token changes no input (nothing to diff)", async () => {
      await configure(cfg({ "nicsrs:apiToken": sim.apiToken, "nicsrs:endpoint": sim.url }));
      const created = await impl.create({ ...baseInputs(), refIdSeed: `creds-${Date.now()}` });
      assert.ok(!JSON.stringify(created.outs).includes(sim.apiToken));
      await configure(cfg({ "nicsrs:apiToken": "rotated-token" }));
      const d = await impl.diff(created.id, created.outs, { ...baseInputs(), refIdSeed: "another" });
      assert.equal(d.changes, false);
    });
  });
});

describe("provider: polling schedule", () => {
  it("about 2 s doubling to a 30 s cap, with jitter", () => {
    const mid = () => 0.5;
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, DEFAULT_SCHEDULE, mid)), [2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    assert.equal(backoffDelay(0, DEFAULT_SCHEDULE, () => 0), 1600);
    assert.equal(backoffDelay(0, DEFAULT_SCHEDULE, () => 1), 2400);
  });

  it("NICSRS_POLL_MIN_MS / NICSRS_POLL_MAX_MS shorten it for tests", () => {
    assert.deepEqual(pollSchedule({}), DEFAULT_SCHEDULE);
    assert.deepEqual(pollSchedule({ NICSRS_POLL_MIN_MS: "10", NICSRS_POLL_MAX_MS: "40" }), { minMs: 10, maxMs: 40, jitter: 0.2 });
    assert.deepEqual(pollSchedule({ NICSRS_POLL_MIN_MS: "junk" }), DEFAULT_SCHEDULE);
  });

  it("polls until done, or gives up at the deadline after a last attempt", async () => {
    let t = 0;
    const slept: number[] = [];
    const opts = { timeoutMs: 10_000, schedule: DEFAULT_SCHEDULE, random: () => 0.5, now: () => t, sleep: async (ms: number) => void (slept.push(ms), (t += ms)) };
    let n = 0;
    const done = await pollUntil(async () => ++n, (v) => v === 3, opts);
    assert.deepEqual(done, { value: 3, done: true, attempts: 3 });
    assert.deepEqual(slept, [2000, 4000]);
    t = 0;
    slept.length = 0;
    const timedOut = await pollUntil(async () => 0, () => false, opts);
    assert.equal(timedOut.done, false);
    assert.deepEqual(slept, [2000, 4000, 4000], "never sleeps past the deadline");
  });
});

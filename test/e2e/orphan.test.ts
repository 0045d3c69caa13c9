// Issue 9.5 through the real engine: a SIGKILLed CLI must not leave a provider polling the CA.
import { strict as assert } from "node:assert";
import { spawn, execFileSync } from "node:child_process";
import { EngineHarness, LAB_ZONE, PROGRAM_DIR } from "./stack-harness";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Every process below `root` (its children, their children, …). Only these are ours: other
 * sessions on the machine run Pulumi plugins too, and a test must not touch theirs.
 */
function descendantsOf(root: number): Set<number> {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" })
    .split("\n")
    .map((r) => r.trim().split(/\s+/).map(Number))
    .filter((r) => r.length === 2 && r.every(Number.isFinite));
  const out = new Set<number>();
  let frontier = [root];
  while (frontier.length > 0) {
    const next = rows.filter(([, ppid]) => frontier.includes(ppid)).map(([pid]) => pid).filter((pid) => !out.has(pid));
    next.forEach((pid) => out.add(pid));
    frontier = next;
  }
  return out;
}

/** The dynamic-provider hosts (node processes) among `pids`. */
function providerHosts(pids: Set<number>): number[] {
  const rows = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" }).split("\n");
  return rows
    .filter((row) => /node .*dynamic-provider\/index\.js/.test(row))
    .map((row) => Number(row.trim().split(/\s+/)[0]))
    .filter((pid) => pids.has(pid));
}

describe("e2e: a provider whose CLI was SIGKILLed stops (issue 9.5)", function () {
  this.timeout(15 * 60_000);
  const h = new EngineHarness();

  before(async function () {
    this.timeout(40 * 60_000);
    await h.start();
  });
  after(() => h.stop());

  it("kill -9 during a waitForIssuance wait: the provider process exits and the CA sees no more collect calls", async () => {
    const name = "orphan";
    await h.stack(name, [{ name, domains: [`${name}.${LAB_ZONE}`], validate: false, waitForIssuance: true, waitTimeoutMinutes: 60 }]);
    await h.lab.simulator.admin.resetCalls();
    let ours = new Set<number>();
    const cli = spawn(h.command.command, ["up", "--yes", "--skip-preview", "--stack", name, "--non-interactive"], {
      cwd: PROGRAM_DIR,
      env: { ...process.env, ...h.env() },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let cliOutput = "";
    cli.stdout!.on("data", (c: Buffer) => (cliOutput += c.toString()));
    cli.stderr!.on("data", (c: Buffer) => (cliOutput += c.toString()));
    let cliDone = false;
    const exited = new Promise((resolve) => cli.once("exit", (code) => ((cliDone = true), resolve(code))));
    try {
      // Wait until the provider is in its issuance wait: placed, and polling collect.
      const deadline = Date.now() + 180_000;
      while (((await h.callsSinceReset()).collect ?? 0) < 3 && Date.now() < deadline && !cliDone) await sleep(100);
      const calls = await h.callsSinceReset();
      assert.equal(calls.place, 1, `${JSON.stringify(calls)}; the CLI ${cliDone ? "exited" : "runs"}:\n${cliOutput.slice(-3000)}`);
      assert.ok((calls.collect ?? 0) >= 3, `the provider is polling: ${JSON.stringify(calls)}`);
      ours = descendantsOf(cli.pid!);
      const hosts = providerHosts(ours);
      assert.ok(hosts.length >= 1, "a dynamic-provider host is running");

      process.kill(-cli.pid!, "SIGKILL");
      await exited;
      const killedAt = Date.now();

      // The provider notices within seconds; give it up to 30 s (a bound, not a timing goal).
      const until = Date.now() + 30_000;
      while (providerHosts(new Set(hosts)).length > 0 && Date.now() < until) await sleep(200);
      assert.deepEqual(providerHosts(new Set(hosts)), [], "the orphaned provider process is still running");
      if (process.env.E2E_VERBOSE) console.log(`provider exited ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the CLI was killed`);

      // And nothing polls the CA any more.
      await h.lab.simulator.admin.resetCalls();
      await sleep(4_000);
      assert.equal((await h.callsSinceReset()).collect ?? 0, 0, "collect calls after the provider should have stopped");
    } finally {
      // Whatever of ours is left (the language host, a provider that did not stop), by pid.
      for (const pid of ours) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // gone already
        }
      }
    }
  });
});

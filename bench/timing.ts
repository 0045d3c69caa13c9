// Wall time of `pulumi preview` and `pulumi up` for the certificate stack and the no-op stack, and the
// CA calls each engine operation makes (the simulator's per-endpoint counters).
import { loadavg } from "node:os";
import type { Stack } from "@pulumi/pulumi/automation";
import { startSimulator, type RunningSimulator } from "../simulator";
import { LAB_TOKEN, type Lab } from "../scripts/engine/lab";
import { entrySizes, providerSizes, type EntrySize, type ProviderSize } from "./provider-size";
import { talksToCa, timed, type Kind, type StackDriver } from "./stack-driver";

export interface OpSample {
  seconds: number;
  /** CA calls during the operation, per endpoint. */
  calls: Record<string, number>;
  /** 1-minute load average when the operation started. */
  load: number;
  /** The engine's summary of what the operation did, e.g. { create: 200 }. */
  changes: Record<string, number>;
}

export interface StackRun {
  kind: Kind;
  n: number;
  rep: number;
  preview: OpSample;
  up: OpSample;
  /** First repetition only. */
  unchangedUp?: OpSample;
  refresh?: OpSample;
  providerSizes?: ProviderSize[];
  /** First repetition only: bytes per resource entry in `pulumi stack export`, per type. */
  entrySizes?: EntrySize[];
}

/** Each certificate stack gets a fresh simulator (instant validation), so its store size is the same in every run. */
export async function freshSimulator(lab: Lab): Promise<RunningSimulator> {
  return startSimulator({ apiToken: LAB_TOKEN, dns: lab.dns.dnsAddress, autoValidate: { afterSeconds: 0 } });
}

export async function op(sim: RunningSimulator | undefined, run: () => Promise<Record<string, number>>): Promise<OpSample> {
  await sim?.admin.resetCalls();
  const load = loadavg()[0];
  const { seconds, result: changes } = await timed(run);
  const calls = sim ? await sim.admin.calls() : {};
  return { seconds, calls, load, changes };
}

export const counts = (o: Record<string, number | undefined> | undefined): Record<string, number> =>
  Object.fromEntries(Object.entries(o ?? {}).filter((e): e is [string, number] => typeof e[1] === "number" && e[1] > 0));

/** One fresh stack: preview, up; on the first repetition also the state export and, for stacks that talk to the CA, an unchanged up and a refresh. */
export async function runStack(driver: StackDriver, lab: Lab, kind: Kind, n: number, rep: number, log: (line: string) => void): Promise<StackRun> {
  const sim = talksToCa(kind) ? await freshSimulator(lab) : undefined;
  const name = `${kind}-${n}-r${rep}`;
  let stack: Stack | undefined;
  try {
    stack = await driver.stack({ name, kind, count: n, simulatorUrl: sim?.url });
    const s = stack;
    const preview = await op(sim, async () => counts((await s.preview({ onOutput: driver.record })).changeSummary));
    log(`  ${name}: preview ${preview.seconds.toFixed(1)} s, ${sumOf(preview.calls)} CA calls`);
    const up = await op(sim, async () => counts((await s.up({ onOutput: driver.record })).summary.resourceChanges));
    log(`  ${name}: up ${up.seconds.toFixed(1)} s, ${sumOf(up.calls)} CA calls ${JSON.stringify(up.calls)}`);
    const result: StackRun = { kind, n, rep, preview, up };
    if (rep === 1 && kind === "noop") {
      const exported = driver.exportState(name);
      result.providerSizes = providerSizes(exported);
      result.entrySizes = entrySizes(exported);
    }
    if (rep === 1 && talksToCa(kind)) {
      result.unchangedUp = await op(sim, async () => counts((await s.up({ onOutput: driver.record })).summary.resourceChanges));
      log(`  ${name}: unchanged up ${result.unchangedUp.seconds.toFixed(1)} s, ${sumOf(result.unchangedUp.calls)} CA calls ${JSON.stringify(result.unchangedUp.changes)}`);
      result.refresh = await op(sim, async () => counts((await s.refresh({ onOutput: driver.record })).summary.resourceChanges));
      log(`  ${name}: refresh ${result.refresh.seconds.toFixed(1)} s, ${sumOf(result.refresh.calls)} CA calls ${JSON.stringify(result.refresh.calls)}`);
      const exported = driver.exportState(name);
      result.providerSizes = providerSizes(exported);
      result.entrySizes = entrySizes(exported);
    }
    return result;
  } finally {
    if (stack) await driver.remove(stack).catch(() => undefined);
    await sim?.close();
  }
}

const sumOf = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

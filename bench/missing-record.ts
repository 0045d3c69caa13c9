// How many collect calls does a wait make while a DCV record is missing? One Certificate with a
// CertificateValidation (timeoutMinutes 10 in bench/program) whose DNS record is never published:
// the validation waits its full 10 minutes and fails; the simulator counts the order's collects.
import { performance } from "node:perf_hooks";
import { startSimulator } from "../simulator";
import { LAB_TOKEN, type Lab } from "../scripts/engine/lab";
import type { StackDriver } from "./stack-driver";

export interface MissingRecordResult {
  label: string;
  waitMinutes: number;
  upSeconds: number;
  /** collect calls on the order (the Certificate's create makes none). */
  collects: number;
  perMinute: number;
  /** The up's error (expected: the timeout, per domain). */
  error?: string;
}

export async function measureMissingRecord(driver: StackDriver, lab: Lab, opts: { stackName: string; log: (line: string) => void }): Promise<MissingRecordResult> {
  const sim = await startSimulator({ apiToken: LAB_TOKEN, dns: lab.dns.dnsAddress, dnsNameservers: lab.nameserverAddresses });
  try {
    const stack = await driver.stack({ name: opts.stackName, kind: "certificate", count: 1, validations: 1, simulatorUrl: sim.url, env: {} });
    const t0 = performance.now();
    let error: string | undefined;
    try {
      await stack.up({ onOutput: driver.record });
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const upSeconds = (performance.now() - t0) / 1000;
    const collects = (await sim.admin.orders()).reduce((n, o) => n + o.collects, 0);
    await driver.remove(stack).catch(() => undefined);
    const waitMinutes = 10;
    const timeoutLine = error ? (/certificate order [^\n]*was not issued within[^\n]*/.exec(error)?.[0] ?? error.split("\n")[0]).slice(0, 600) : undefined;
    opts.log(`  missing record: ${collects} collects in a ${waitMinutes}-minute wait (up ${upSeconds.toFixed(0)} s)`);
    return { label: "adaptive schedule, DCV record never published", waitMinutes, upSeconds, collects, perMinute: collects / waitMinutes, ...(timeoutLine ? { error: timeoutLine } : {}) };
  } finally {
    await sim.close();
  }
}

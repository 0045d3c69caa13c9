// How long after the CA completes an order does CertificateValidation notice it, with the provider's
// DEFAULT poll schedule (2 s doubling to 30 s, ±20 % jitter)?
//
// The simulator issues lazily: an order whose DCV has passed is issued by the next collect. So the
// moment the order "completes" is the moment it becomes issuable, and the moment the validation
// notices is the collect that issues it (the order's issuedAt, simulator clock). This measurement
// uses a simulator without autoValidate and no DNS records (so DCV cannot pass on its own) and
// approves each order's DCV through the admin API at a chosen offset after the order was placed:
// offsets spread over the first ~80 s sample every phase of the poll schedule (one afterSeconds
// value for the whole simulator would sample one phase only). delay = issuedAt - approval time.
import { performance } from "node:perf_hooks";
import { startSimulator, type OrderRecord, type RunningSimulator } from "../simulator";
import { challengeFor } from "../simulator/va/challenges";
import { setRrSets } from "../scripts/dns/powerdns";
import { LAB_TOKEN, LAB_ZONE, type Lab } from "../scripts/engine/lab";
import { providerSizes, type ProviderSize } from "./provider-size";
import type { StackDriver } from "./stack-driver";

/** Seconds after placement at which order c<i> is approved. */
export const APPROVAL_OFFSETS_S = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 66, 78];

export interface DelaySample {
  domain: string;
  offsetS: number;
  createdAt: string;
  approvedAt: string;
  issuedAt?: string;
  /** issuedAt - approvedAt, seconds. */
  delayS?: number;
  collects: number;
  /** When the validation's first collect reached the simulator, seconds after placement (seen by the watcher, ±0.1 s). */
  firstCollectS?: number;
}

export interface DelayResult {
  label: string;
  env: Record<string, string>;
  upSeconds: number;
  samples: DelaySample[];
  providerSizes: ProviderSize[];
  error?: string;
}

export async function measureIssuanceDelay(
  driver: StackDriver,
  lab: Lab,
  opts: {
    label: string;
    stackName: string;
    env?: Record<string, string>;
    log: (line: string) => void;
    /** "approve" (default): DCV passes by an admin approval, no DNS record ever. "publish": DCV passes
     * when the bench publishes the order's DNS record (what the pre-flight watches), the CA sees it at its next collect. */
    mode?: "approve" | "publish";
  },
): Promise<DelayResult> {
  const sim: RunningSimulator = await startSimulator({ apiToken: LAB_TOKEN, dns: lab.dns.dnsAddress, dnsNameservers: lab.nameserverAddresses });
  const env = opts.env ?? {};
  const count = APPROVAL_OFFSETS_S.length;
  const approvedAt = new Map<string, string>();
  const firstCollect = new Map<string, number>();
  let stop = false;
  try {
    // The simulator clock is real time plus an offset (0 for a fresh simulator); measure it anyway.
    const skewMs = Date.parse(await sim.admin.clock()) - Date.now();
    const simNow = () => Date.now() + skewMs;
    const stack = await driver.stack({ name: opts.stackName, kind: "certificate", count, validations: count, simulatorUrl: sim.url, env });

    const approver = (async () => {
      while (!stop) {
        for (const o of await sim.admin.orders()) {
          if (o.collects > 0 && !firstCollect.has(o.certId)) firstCollect.set(o.certId, simNow());
          if (approvedAt.has(o.certId) || o.status !== "PENDING") continue;
          const i = indexOf(o);
          if (i === undefined) continue;
          if (simNow() >= Date.parse(o.createdAt) + APPROVAL_OFFSETS_S[i] * 1000) {
            const before = simNow();
            if (opts.mode === "publish") {
              const dns = challengeFor("sectigo-csr-hash", o, o.domains[0]).dns;
              await setRrSets(lab.dns, LAB_ZONE, [{ name: dns.name, type: dns.type, contents: [`${dns.value}.`] }]);
            } else {
              await sim.admin.approveDcv(o.certId);
            }
            const after = simNow();
            approvedAt.set(o.certId, new Date(Math.round((before + after) / 2)).toISOString());
          }
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const t0 = performance.now();
    let error: string | undefined;
    try {
      await stack.up({ onOutput: driver.record });
    } catch (err) {
      error = err instanceof Error ? err.message.slice(0, 2000) : String(err);
    }
    const upSeconds = (performance.now() - t0) / 1000;
    stop = true;
    await approver;

    const samples: DelaySample[] = [];
    for (const o of await sim.admin.orders()) {
      const i = indexOf(o);
      const approved = approvedAt.get(o.certId);
      if (i === undefined || approved === undefined) continue;
      samples.push({
        domain: o.domains[0].domainName,
        offsetS: APPROVAL_OFFSETS_S[i],
        createdAt: o.createdAt,
        approvedAt: approved,
        issuedAt: o.issuedAt,
        delayS: o.issuedAt ? (Date.parse(o.issuedAt) - Date.parse(approved)) / 1000 : undefined,
        collects: o.collects,
        ...(firstCollect.has(o.certId) ? { firstCollectS: (firstCollect.get(o.certId)! - Date.parse(o.createdAt)) / 1000 } : {}),
      });
    }
    samples.sort((a, b) => a.offsetS - b.offsetS);
    const sizes = error ? [] : providerSizes(driver.exportState(opts.stackName));
    await driver.remove(stack).catch(() => undefined);
    opts.log(`  ${opts.label}: ${samples.map((s) => `${s.offsetS}s→${s.delayS?.toFixed(1) ?? "?"}`).join(" ")}${error ? ` (up failed: ${error.split("\n")[0]})` : ""}`);
    return { label: opts.label, env, upSeconds, samples, providerSizes: sizes, ...(error ? { error } : {}) };
  } finally {
    stop = true;
    await sim.close();
  }
}

/** Order c<i>.<zone> → i. */
function indexOf(o: OrderRecord): number | undefined {
  const m = /^c(\d+)\./.exec(o.domains[0]?.domainName ?? "");
  const i = m ? Number(m[1]) : NaN;
  return Number.isInteger(i) && i < APPROVAL_OFFSETS_S.length ? i : undefined;
}

// The wait both CertificateValidation and Certificate.waitForIssuance make: poll the CA's collect
// until the order is issued, on the adaptive schedule of ./poll, with the DCV pre-flight saying per
// domain what the CA cannot see yet. Transient trouble (a collect that failed after the client's own
// retries) does not end the wait: only a definite answer (issued, dead) or the deadline does.
import type { CollectResult } from "../sdk/nicsrs";
import { NicSrsApiError, NicSrsResponseError, NicSrsTransportError } from "../sdk/nicsrs";
import { pendingSummary } from "./certificate-outputs";
import { isIssued } from "./order-status";
import { DcvPreflight, type PreflightReport } from "./dcv-preflight";
import type { DnsSettings } from "./dns-config";
import { adaptiveSchedule, progress, sleep as realSleep, type AdaptiveSchedule } from "./poll";

export interface IssuanceWaitOptions {
  certId: string;
  timeoutMs: number;
  collect: () => Promise<CollectResult>;
  /** A collect already made (its answer is used as the first one). */
  first?: CollectResult;
  dns: DnsSettings;
  /** Give up early when a record stays missing/wrong this long; default: the whole timeout. */
  propagationTimeoutMs?: number;
  /** Sees every collect; throws to end the wait (a dead order). */
  onCollect?: (c: CollectResult) => void;
  schedule?: AdaptiveSchedule;
  /** Test seam: the pre-flight to run (default: one built from `dns`). */
  preflight?: { run(c: CollectResult): Promise<PreflightReport> };
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

export interface IssuanceWaitResult {
  value: CollectResult;
  done: boolean;
  /** Why it ended undone. */
  reason?: "timeout" | "propagation";
  report?: PreflightReport;
  collects: number;
}

/** A failure worth asking again about: the answer may be different next time. */
export function isTransient(err: unknown): boolean {
  return err instanceof NicSrsTransportError || err instanceof NicSrsResponseError || (err instanceof NicSrsApiError && err.code === -2);
}

/** Collects until one succeeds or the deadline passes; definite errors are thrown at once. */
export async function collectThroughTransients(certId: string, collect: () => Promise<CollectResult>, deadline: number, sleep = realSleep, now = Date.now): Promise<CollectResult> {
  for (let failures = 1; ; failures++) {
    try {
      return await collect();
    } catch (err) {
      if (!isTransient(err) || now() >= deadline) throw err;
      const ms = Math.min(15_000, 1000 * 2 ** Math.min(failures, 4), Math.max(0, deadline - now()));
      progress(`collect ${certId} failed (${(err as Error).message.slice(0, 200)}); asking again in ${Math.max(1, Math.round(ms / 1000))} s`);
      await sleep(ms);
    }
  }
}

/** Per-domain lines for messages: the pre-flight's when there is one, else the CA's view. */
export function domainReport(c: CollectResult, report?: PreflightReport): string {
  const lines = report?.domains.filter((d) => d.readiness !== "verified").map((d) => d.line) ?? [];
  return lines.length > 0 ? lines.join("; ") : pendingSummary(c);
}

export async function waitForIssued(opts: IssuanceWaitOptions): Promise<IssuanceWaitResult> {
  const sched = opts.schedule ?? adaptiveSchedule();
  const sleep = opts.sleep ?? realSleep;
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const deadline = now() + opts.timeoutMs;
  const preflight = opts.preflight ?? (opts.dns.enabled ? new DcvPreflight(opts.dns) : undefined);
  const check = async (c: CollectResult) => (preflight ? await preflight.run(c).catch(() => undefined) : undefined);

  let last = opts.first ?? (await collectThroughTransients(opts.certId, opts.collect, deadline, sleep, now));
  let collects = opts.first ? 0 : 1;
  let fresh: CollectResult | undefined = last;
  let failures = 0;
  let unknownStep = 0;
  let report: PreflightReport | undefined;
  let shown = "";
  let missingSince: number | undefined;
  let readySince: number | undefined;
  const show = (r: PreflightReport | undefined, c: CollectResult, nextMs: number, force: boolean) => {
    const key = r ? r.domains.map((d) => d.line).join("\n") : c.status;
    if (!force && key === shown) return;
    shown = key;
    progress(`waiting for ${opts.certId} (${c.status}): ${domainReport(c, r)}; next CA check in ${Math.max(1, Math.round(nextMs / 1000))} s`);
  };

  for (let round = 0; ; round++) {
    if (fresh) {
      opts.onCollect?.(fresh);
      if (isIssued(fresh)) return { value: fresh, done: true, report, collects };
    }
    if (now() >= deadline) return { value: last, done: false, reason: "timeout", report, collects };

    let interval: number;
    if (!fresh) {
      interval = Math.min(sched.unknownMaxMs, sched.unknownMinMs * 2 ** Math.min(failures, 10));
    } else {
      report = await check(last);
      const t = now();
      missingSince = report?.anyMissing ? (missingSince ?? t) : undefined;
      readySince = report?.ready || last.status === "PROCESSING" ? (readySince ?? t) : undefined;
      if (opts.propagationTimeoutMs !== undefined && missingSince !== undefined && t - missingSince >= opts.propagationTimeoutMs) {
        return { value: last, done: false, reason: "propagation", report, collects };
      }
      if (readySince !== undefined) {
        // Visible everywhere but not issued: fast at first, then easing off (the CA may be slow or stuck).
        const readyFor = t - readySince;
        interval = readyFor < 180_000 ? sched.fastMs : readyFor < 600_000 ? Math.max(sched.fastMs, Math.min(15_000, sched.slowMs)) : sched.slowMs;
      } else if (report?.anyMissing) interval = sched.slowMs;
      else interval = Math.min(sched.unknownMaxMs, sched.unknownMinMs * 2 ** Math.min(unknownStep++, 10));
    }
    const factor = interval >= sched.slowMs ? 1 - (sched.jitter / 2) * random() : 1 - sched.jitter + 2 * sched.jitter * random();
    const nextAt = Math.min(deadline, now() + Math.round(interval * factor));
    if (fresh) show(report, last, nextAt - now(), round % 10 === 0);

    // Until the next CA call: re-check the DNS while something is missing, and call at once when it is all there.
    while (now() < nextAt) {
      await sleep(Math.max(0, Math.min(sched.dnsEveryMs, nextAt - now())));
      if (!preflight || !report || report.ready || now() >= nextAt) continue;
      const again = await check(last);
      if (!again) continue;
      report = again;
      if (again.ready) {
        progress(`${opts.certId}: every DCV record is visible now; asking the CA`);
        break;
      }
      show(again, last, nextAt - now(), false);
    }

    try {
      fresh = await opts.collect();
      collects++;
      last = fresh;
      failures = 0;
    } catch (err) {
      collects++;
      if (!isTransient(err)) throw err;
      fresh = undefined;
      failures++;
      progress(`collect ${opts.certId} failed (${(err as Error).message.slice(0, 200)}); asking again`);
    }
  }
}

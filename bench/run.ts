// `make bench`: the certificate stack (dynamic provider) and the native plugin's certificate stack
// against a stack of no-op dynamic resources, through the real Pulumi CLI, the NicSRS simulator
// (instant validation) and the lab's DNS server. Writes bench/RESULTS.md (the table) and
// bench/RESULTS.json (every sample); bench/RESULTS-2026-11-25.json, when present, is the "before".
//
// Knobs (environment): BENCH_NS="50,200", BENCH_REPS=3 (at most; later repetitions are skipped when
// the time budget would be exceeded), BENCH_BUDGET_MIN=30, BENCH_OUT=bench/RESULTS.md,
// BENCH_SKIP_DELAY=1 (skips the issue-10 DCV measurements and keeps their last section from
// bench/RESULTS-dcv.json; BENCH_ONLY_DCV=1 runs only them), BENCH_SKIP_ABLATIONS=1, BENCH_VERBOSE=1 (engine output),
// BENCH_RENDER_ONLY=1 (rewrite RESULTS.md from RESULTS.json without measuring).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startLab, type Lab } from "../scripts/engine/lab";
import { runAblations, type AblationRun } from "./ablations";
import { diagnostics, type Diagnostics } from "./diagnostics";
import { measureIssuanceDelay, type DelayResult } from "./issuance-delay";
import { measureMissingRecord } from "./missing-record";
import { renderDcvSection } from "./dcv-table";
import { spliceInto, type DcvBenchResults } from "./dcv-splice";
import { LoadSampler, machineNotes, otherProcesses } from "./machine";
import { StackDriver, type Kind } from "./stack-driver";
import { renderResults, type BenchResults, type BeforeResults } from "./table";
import { runStack, type StackRun } from "./timing";

const NS = (process.env.BENCH_NS ?? "50,200").split(",").map((s) => Number(s.trim()));
const MAX_REPS = Number(process.env.BENCH_REPS ?? 3);
const BUDGET_S = Number(process.env.BENCH_BUDGET_MIN ?? 30) * 60;
/** Kept for what follows the timing runs (ablations, issuance delay twice, diagnostics). */
const RESERVE_S = 12 * 60;
const OUT = process.env.BENCH_OUT ?? join(__dirname, "RESULTS.md");
/** The dynamic provider's samples before the issue-12 fixes (and the fixed-schedule issuance delay). */
const BEFORE = join(__dirname, "RESULTS-2026-11-25.json");

function before(): BeforeResults | undefined {
  if (!existsSync(BEFORE)) return undefined;
  const b = JSON.parse(readFileSync(BEFORE, "utf8")) as BenchResults;
  return { date: b.machine.date.slice(0, 10), ns: b.ns, runs: b.runs, ablations: b.ablations, delays: b.delays, diagnostics: b.diagnostics };
}

/** Writes RESULTS.md and keeps the DCV section (between its markers) when this run did not measure it. */
function writeMarkdown(results: BenchResults, dcv: DcvBenchResults | undefined): void {
  writeFileSync(OUT, renderResults(results));
  const dcvJson = OUT.replace(/\.md$/, "-dcv.json");
  const section = dcv ?? (existsSync(dcvJson) ? (JSON.parse(readFileSync(dcvJson, "utf8")) as DcvBenchResults) : undefined);
  if (section) spliceInto(OUT, renderDcvSection(section));
}

const t0 = performance.now();
const elapsed = () => (performance.now() - t0) / 1000;
const log = (line: string) => console.log(`[bench ${Math.round(elapsed())} s] ${line}`);

async function main(): Promise<void> {
  const driver = new StackDriver();
  log("finding the Pulumi CLI (a first run builds it from Go modules)");
  await driver.start();
  const machine = machineNotes(driver.command.command);
  log(`${machine.nproc} CPUs, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.pulumiCli}`);
  const load = new LoadSampler();
  load.start();
  let lab: Lab | undefined;
  const runs: StackRun[] = [];
  const delays: DelayResult[] = [];
  let ablations: AblationRun[] = [];
  let dcv: DcvBenchResults | undefined;
  let reps = 0;
  try {
    lab = await startLab({ autoValidateSeconds: 0 });
    driver.dnsEnv = lab.dnsEnv;
    log(`lab up (PowerDNS ${lab.dns.dnsAddress}); each certificate stack gets a fresh simulator with instant validation`);

    // Repetitions interleave N and alternate which kind goes first, so the machine's other load
    // falls on both stacks alike.
    for (let rep = 1; rep <= MAX_REPS; rep++) {
      const repStart = elapsed();
      for (const n of NS) {
        const kinds: Kind[] = rep % 2 === 1 ? ["noop", "certificate", "native"] : ["native", "certificate", "noop"];
        for (const kind of kinds) {
          log(`rep ${rep}, N=${n}, ${kind}`);
          runs.push(await runStack(driver, lab, kind, n, rep, log));
        }
      }
      reps = rep;
      const repSeconds = elapsed() - repStart;
      // The first repetition also ran the unchanged up and refresh: later ones are shorter.
      const nextEstimate = rep === 1 ? repSeconds * 0.7 : repSeconds;
      if (rep < MAX_REPS && elapsed() + nextEstimate > BUDGET_S - RESERVE_S) {
        log(`stopping after ${rep} repetitions: another (~${Math.round(nextEstimate)} s) would exceed the ${BUDGET_S / 60}-minute budget`);
        break;
      }
    }

    machine.otherProcesses.push({ at: "after the timing repetitions", busiest: otherProcesses() });
    if (!process.env.BENCH_SKIP_ABLATIONS) {
      const n = Math.max(...NS);
      log(`ablations at N=${n} (to explain the differences)`);
      // What follows (the two issuance-delay stacks, diagnostics) needs about 4 minutes, 1 without them.
      ablations = await runAblations(driver, lab, n, log, () => elapsed() > BUDGET_S - (process.env.BENCH_SKIP_DELAY ? 1 : 4) * 60);
    }

    machine.otherProcesses.push({ at: "after the ablations", busiest: otherProcesses() });
    if (!process.env.BENCH_SKIP_DELAY) {
      // Issue 10: the adaptive schedule's issuance delay and a 10-minute wait with a record missing,
      // side by side (about 11 minutes); written to the DCV section of RESULTS.md by bench/dcv-run.ts's renderer.
      log("issuance delay (adaptive schedule, records published at offsets) and a 10-minute missing-record wait");
      const [delay, missing] = await Promise.all([
        measureIssuanceDelay(driver, lab, { label: "adaptive schedule (DCV passes when the record is published)", stackName: "delay-adaptive", mode: "publish", log }),
        measureMissingRecord(driver, lab, { stackName: "missing-record", log }),
      ]);
      dcv = { at: new Date().toISOString(), machine: { nproc: machine.nproc, node: machine.node, pulumiCli: machine.pulumiCli }, delay, missing };
    }
  } catch (err) {
    console.error(driver.transcript.slice(-40).join(""));
    throw err;
  } finally {
    await lab?.stop();
  }
  machine.otherProcesses.push({ at: "end", busiest: otherProcesses() });
  log("diagnostics (module load times, key + CSR time)");
  const diag: Diagnostics = await diagnostics();
  load.stop();
  driver.stop();

  const results: BenchResults = {
    machine,
    totalSeconds: elapsed(),
    load: load.samples,
    ns: NS,
    reps,
    runs,
    ablations,
    delays,
    diagnostics: diag,
  };
  writeFileSync(OUT.replace(/\.md$/, ".json"), JSON.stringify(results, null, 2) + "\n");
  if (dcv) writeFileSync(OUT.replace(/\.md$/, "-dcv.json"), JSON.stringify(dcv, null, 2) + "\n");
  writeMarkdown({ ...results, before: before() }, dcv);
  log(`wrote ${OUT} (total ${Math.round(elapsed())} s)`);
}

if (process.env.BENCH_RENDER_ONLY) {
  writeMarkdown({ ...(JSON.parse(readFileSync(OUT.replace(/\.md$/, ".json"), "utf8")) as BenchResults), before: before() }, undefined);
  console.log(`rewrote ${OUT} from ${OUT.replace(/\.md$/, ".json")}`);
} else {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

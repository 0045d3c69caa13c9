// bench/RESULTS.md: the measured table, pass/miss per target, machine notes, and for each missed
// target the reason (from the diagnostics measured in the same run) and the fix.
import { ABLATION, type AblationRun } from "./ablations";
import type { Diagnostics } from "./diagnostics";
import type { DelayResult, DelaySample } from "./issuance-delay";
import type { MachineNotes } from "./machine";
import type { EntryParts, EntrySize, ProviderSize } from "./provider-size";
import { max, median, sum } from "./stats";
import type { OpSample, StackRun } from "./timing";

export interface BenchResults {
  machine: MachineNotes;
  totalSeconds: number;
  /** 1-minute load averages sampled every 5 s. */
  load: number[];
  ns: number[];
  reps: number;
  runs: StackRun[];
  ablations: AblationRun[];
  delays: DelayResult[];
  diagnostics: Diagnostics;
  /** The dynamic provider before the issue-12 fixes (bench/RESULTS-2026-11-25.json); not written to RESULTS.json. */
  before?: BeforeResults;
}

export interface BeforeResults {
  date: string;
  ns: number[];
  runs: StackRun[];
  ablations: AblationRun[];
  delays: DelayResult[];
  diagnostics: Diagnostics;
}

export const TARGETS = {
  previewRatio: 1.15,
  upRatio: 1.5,
  /** Issue 12, the dynamic provider after its fixes, at the largest N. */
  dynamicPreviewRatio: 1.3,
  dynamicUpRatio: 1.8,
  /** Issue 12: a native Certificate's state entry ÷ a dynamic one's. */
  nativeStateShare: 0.5,
  createCalls: 2,
  refreshCalls: 1,
  providerBytes: 2048,
  noticeSeconds: 5,
};

interface Verdict {
  measure: string;
  values: string[];
  /** The same measure on the before run, when it had it. */
  before?: string;
  target: string;
  met: boolean;
  /** Which explanation a miss gets. */
  why: "dynamicPreview" | "dynamicUp" | "nativePreview" | "nativeUp" | "nativeState" | "delay" | "provider" | "calls";
}

type Dyn = "certificate" | "native";
const KIND_NAME: Record<Dyn, string> = { certificate: "certificate (dynamic provider)", native: "native plugin" };

type Op = "preview" | "up";

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "n/a");
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "n/a");
const mark = (met: boolean) => (met ? "**met**" : "**MISSED**");

function samples(r: { runs: StackRun[] }, kind: string, n: number, op: Op): number[] {
  return r.runs.filter((x) => x.kind === kind && x.n === n).map((x) => x[op].seconds);
}

function ratio(r: { runs: StackRun[] }, n: number, op: Op, kind: Dyn = "certificate"): { cert: number; noop: number; ratio: number } {
  const cert = median(samples(r, kind, n, op));
  const noop = median(samples(r, "noop", n, op));
  return { cert, noop, ratio: cert / noop };
}

/** Calls per resource for an operation: the worst repetition that measured it. */
function callsPerResource(r: BenchResults, n: number, pick: (x: StackRun) => OpSample | undefined, kind: Dyn = "certificate"): number {
  const per = r.runs.filter((x) => x.kind === kind && x.n === n).map((x) => pick(x)).filter((s): s is OpSample => !!s).map((s) => sum(s.calls) / n);
  return max(per);
}

function endpoints(r: BenchResults, n: number, pick: (x: StackRun) => OpSample | undefined, kind: Dyn = "certificate"): string {
  const first = r.runs.find((x) => x.kind === kind && x.n === n && pick(x));
  const calls = first ? pick(first)!.calls : {};
  const parts = Object.entries(calls).map(([e, c]) => `${e} ${c}`);
  return parts.length ? parts.join(", ") : "none";
}

function providerSizeOf(r: BenchResults, type: string): ProviderSize | undefined {
  const all = [...r.runs.flatMap((x) => x.providerSizes ?? []), ...r.delays.flatMap((d) => d.providerSizes)].filter((s) => s.type.endsWith(type));
  if (all.length === 0) return undefined;
  return all.reduce((a, b) => (b.maxBytes > a.maxBytes ? b : a));
}

function delayStats(d: DelayResult): { median: number; max: number; within: number; total: number } {
  const xs = d.samples.map((s) => s.delayS).filter((x): x is number => typeof x === "number");
  return { median: median(xs), max: max(xs), within: xs.filter((x) => x <= TARGETS.noticeSeconds).length, total: d.samples.length };
}

/** A Certificate's whole entry in `pulumi stack export` (median over the stack's Certificates). */
export function certificateEntry(r: BenchResults, kind: Dyn): EntrySize | undefined {
  const type = kind === "native" ? "nicsrs:index:Certificate" : "pulumi-nodejs:dynamic/nicsrs:Certificate";
  return r.runs.filter((x) => x.kind === kind).flatMap((x) => x.entrySizes ?? []).filter((e) => e.type === type).sort((a, b) => b.resources - a.resources)[0];
}

function ratioValues(r: BenchResults, op: Op, kind: Dyn): string[] {
  return r.ns.map((n) => ratio(r, n, op, kind)).map((x) => `${f2(x.ratio)}× (${f1(x.cert)} s ÷ ${f1(x.noop)} s)`);
}

function beforeRatios(r: BenchResults, op: Op): string | undefined {
  const b = r.before;
  if (!b) return undefined;
  return b.ns.map((n) => `N = ${n}: ${f2(ratio(b, n, op).ratio)}×`).join("; ");
}

export function verdicts(r: BenchResults): Verdict[] {
  const out: Verdict[] = [];
  const largest = Math.max(...r.ns);
  const hasNative = r.runs.some((x) => x.kind === "native");
  if (hasNative) {
    for (const op of ["preview", "up"] as Op[]) {
      const limit = op === "preview" ? TARGETS.previewRatio : TARGETS.upRatio;
      out.push({
        measure: `native plugin: \`pulumi ${op}\` wall time, native ÷ no-op`,
        values: ratioValues(r, op, "native"),
        target: `≤ ${limit}×`,
        met: r.ns.every((n) => ratio(r, n, op, "native").ratio <= limit),
        why: op === "preview" ? "nativePreview" : "nativeUp",
      });
    }
    const nat = certificateEntry(r, "native");
    const dyn = certificateEntry(r, "certificate");
    if (nat && dyn) {
      const share = nat.medianBytes / dyn.medianBytes;
      out.push({
        measure: "native plugin: bytes per Certificate entry in `pulumi stack export`, native ÷ dynamic",
        values: r.ns.map(() => `${f2(share)} (${nat.medianBytes} B ÷ ${dyn.medianBytes} B)`),
        target: `≤ ${TARGETS.nativeStateShare}`,
        met: share <= TARGETS.nativeStateShare,
        why: "nativeState",
      });
    }
  }
  for (const op of ["preview", "up"] as Op[]) {
    const limit = op === "preview" ? TARGETS.dynamicPreviewRatio : TARGETS.dynamicUpRatio;
    out.push({
      measure: `dynamic provider after the issue-12 fixes: \`pulumi ${op}\` wall time, certificate ÷ no-op (goal at N = ${largest})`,
      values: ratioValues(r, op, "certificate"),
      before: beforeRatios(r, op),
      target: `≤ ${limit}× at N = ${largest}`,
      met: ratio(r, largest, op).ratio <= limit,
      why: op === "preview" ? "dynamicPreview" : "dynamicUp",
    });
  }
  for (const op of ["preview", "up"] as Op[]) {
    const limit = op === "preview" ? TARGETS.previewRatio : TARGETS.upRatio;
    out.push({
      measure: `dynamic provider: \`pulumi ${op}\` wall time, certificate ÷ no-op (the first target)`,
      values: ratioValues(r, op, "certificate"),
      before: beforeRatios(r, op),
      target: `≤ ${limit}×`,
      met: r.ns.every((n) => ratio(r, n, op).ratio <= limit),
      why: op === "preview" ? "dynamicPreview" : "dynamicUp",
    });
  }
  const callRows: [string, (x: StackRun) => OpSample | undefined, number, string][] = [
    ["preview", (x) => x.preview, 0, "0"],
    ["create (`pulumi up` of a new stack)", (x) => x.up, TARGETS.createCalls, `≤ ${TARGETS.createCalls}`],
    ["unchanged `pulumi up`", (x) => x.unchangedUp, 0, "0"],
    ["`pulumi refresh`", (x) => x.refresh, TARGETS.refreshCalls, `${TARGETS.refreshCalls}`],
  ];
  for (const kind of (hasNative ? ["native", "certificate"] : ["certificate"]) as Dyn[]) {
    for (const [what, pick, limit, target] of callRows) {
      const vs = r.ns.map((n) => callsPerResource(r, n, pick, kind));
      out.push({
        measure: `${kind === "native" ? "native plugin" : "dynamic provider"}: CA calls per Certificate, ${what}`,
        values: vs.map((v, i) => `${f2(v)} (${endpoints(r, r.ns[i], pick, kind)})`),
        target,
        met: vs.every((v) => Number.isFinite(v) && v <= limit),
        why: "calls",
      });
    }
  }
  for (const type of ["nicsrs:Certificate", "nicsrs:CertificateValidation"]) {
    const s = providerSizeOf(r, type);
    if (!s) continue; // CertificateValidation is measured by the issuance-delay stack only
    out.push({
      measure: `dynamic provider: serialized \`__provider\` per resource, ${type.split(":")[1]}`,
      values: r.ns.map(() => `${s.maxBytes} B`),
      target: `≤ 2 KB (${TARGETS.providerBytes} B)`,
      met: s.maxBytes <= TARGETS.providerBytes,
      why: "provider",
    });
  }
  const def = delaysOf(r)[0];
  if (def) {
    const d = delayStats(def);
    const old = r.delays.length === 0 && r.before ? ` (measured ${r.before.date}; superseded by the adaptive schedule, see the DCV section)` : "";
    out.push({
      measure: `issuance noticed after the order completed (fixed poll schedule)${old}`,
      values: r.ns.map(() => `median ${f1(d.median)} s, max ${f1(d.max)} s; ${d.within}/${d.total} within ${TARGETS.noticeSeconds} s`),
      target: `≤ ${TARGETS.noticeSeconds} s`,
      met: d.total > 0 && d.within === d.total,
      why: "delay",
    });
  }
  return out;
}

/** This run's issuance-delay measurements, or the before run's when this one skipped them. */
function delaysOf(r: BenchResults): DelayResult[] {
  return r.delays.length ? r.delays : (r.before?.delays ?? []);
}

function minutes(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

function loadNotes(r: BenchResults): string[] {
  const m = r.machine;
  const loads = r.load;
  const othersPercent = Math.max(0, ...m.otherProcesses.map((p) => p.busiest.reduce((a, x) => a + (parseFloat(x) || 0), 0)));
  // The bench alone keeps the load average near the CPU count, so "busy" is judged from the other processes.
  const busy = othersPercent >= 50 || median(loads) > m.nproc * 1.5;
  return [
    `- **Shared machine**: other engineers build and test on it; ${busy ? "their work competed with the bench during this run (the load average shows it even where the process samples below caught little)" : "at the points sampled below, nothing else used much CPU during this run"}. ` +
      `1-minute load average, sampled every 5 s: min ${f1(Math.min(...loads))}, median ${f1(median(loads))}, max ${f1(Math.max(...loads))} on ${m.nproc} CPUs ` +
      "(the bench's own CLI, language host, program, provider host and simulator keep it near 2 by themselves).",
    "- Other processes' CPU (not the bench's), `top` over 0.5 s:",
    ...m.otherProcesses.map((p) => `  - ${p.at}: ${p.busiest.length ? p.busiest.map((x) => `\`${x}\``).join(", ") : "none above 1 %"}`),
    `- ${busy ? "Absolute times are inflated and noisy" : "Absolute times still depend on what else runs on the machine"}; ` +
      "the ratios compare stacks run back to back under the same load (repetitions alternate which stack goes first).",
  ];
}

function providerMarginNote(r: BenchResults): string[] {
  const close = ["nicsrs:Certificate", "nicsrs:CertificateValidation"]
    .map((t) => providerSizeOf(r, t))
    .filter((x): x is ProviderSize => !!x && x.maxBytes > 2000 && x.maxBytes <= TARGETS.providerBytes);
  return close.map(
    (x) =>
      `2 KB is read as ${TARGETS.providerBytes} B: \`${x.type.split("/").pop()}\`'s ${x.maxBytes} B is ${TARGETS.providerBytes - x.maxBytes} B under it but over 2000 B. ` +
      `The state holds the text ${x.copiesPerResource} times per resource (inputs and outputs).`,
  );
}

export function renderResults(r: BenchResults): string {
  const m = r.machine;
  const v = verdicts(r);
  const lines: string[] = [];
  const push = (...ls: string[]) => lines.push(...ls);
  push(
    "# Benchmark results",
    "",
    `Written by \`make bench\` (bench/run.ts) on ${m.date.slice(0, 10)}; the whole run took ${minutes(r.totalSeconds)}.`,
    "Every sample is in `bench/RESULTS.json`. Nothing here is asserted by a test.",
    "",
    "## Targets",
    "",
    `| measure | ${r.ns.map((n) => `N = ${n}`).join(" | ")} | before (${r.before?.date ?? "none"}) | target | result |`,
    `| --- | ${r.ns.map(() => "---").join(" | ")} | --- | --- | --- |`,
    ...v.map((x) => `| ${x.measure} | ${x.values.join(" | ")} | ${x.before ?? "—"} | ${x.target} | ${mark(x.met)} |`),
    "",
    `Wall times are medians of ${r.reps} repetition${r.reps === 1 ? "" : "s"} (fresh stacks each time); every sample is listed below.`,
    ...(r.before
      ? [
          `*before*: the dynamic provider as measured on ${r.before.date} (bench/RESULTS-2026-11-25.json), before the issue-12 fixes (promise stacks`,
          "not suppressed while registering, the package root loading the CA clients); same machine, same bench, other load.",
        ]
      : []),
    ...providerMarginNote(r),
    "",
    "## Machine",
    "",
    `- ${m.nproc} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB memory`,
    `- Node ${m.node}; Pulumi CLI ${m.pulumiCli} (built from Go modules); \`@pulumi/pulumi\` ${m.pulumiNpm}`,
    `- ${m.date}`,
    ...loadNotes(r),
    "",
  );

  push("## Wall time samples (seconds)", "", "| N | stack | op | samples | median | load at start |", "| --- | --- | --- | --- | --- | --- |");
  for (const n of r.ns) {
    for (const op of ["preview", "up"] as Op[]) {
      for (const kind of ["noop", "certificate", "native"]) {
        const rs = r.runs.filter((x) => x.kind === kind && x.n === n);
        if (rs.length === 0) continue;
        push(`| ${n} | ${kind} | ${op} | ${rs.map((x) => f1(x[op].seconds)).join(", ")} | ${f1(median(rs.map((x) => x[op].seconds)))} | ${rs.map((x) => f1(x[op].load)).join(", ")} |`);
      }
    }
  }
  push("");
  push("First repetition of the certificate stacks, every operation (for context, no target):", "");
  push("| stack | N | op | seconds | CA calls | engine summary |", "| --- | --- | --- | --- | --- | --- |");
  for (const run of r.runs.filter((x) => (x.kind === "certificate" || x.kind === "native") && x.rep === 1)) {
    for (const [name, s] of [["preview", run.preview], ["up (create)", run.up], ["unchanged up", run.unchangedUp], ["refresh", run.refresh]] as const) {
      if (!s) continue;
      push(`| ${run.kind} | ${run.n} | ${name} | ${f1(s.seconds)} | ${JSON.stringify(s.calls)} | ${JSON.stringify(s.changes)} |`);
    }
  }
  push("");

  push(
    "## State per resource (`pulumi stack export`, without `--show-secrets`)",
    "",
    "The whole resource entry as JSON, median over the stack's resources (first repetition, largest N), and what the",
    "median entry is made of: `__provider` (every copy), secrets (ciphertext), outputs that repeat an input, other",
    "inputs and outputs, and the engine's metadata (URN, type, parent, provider reference, dependencies, source position and stack trace).",
    "",
    "| stack | type | resources | bytes per entry, median (max) | `__provider` | secrets | echoed inputs | other properties | metadata |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  for (const kind of ["noop", "certificate", "native"]) {
    const run = r.runs.filter((x) => x.kind === kind && x.entrySizes).sort((a, b) => b.n - a.n)[0];
    for (const e of run?.entrySizes ?? []) {
      if (e.type.startsWith("pulumi:")) continue;
      const p: EntryParts = e.parts;
      push(`| ${kind} | \`${e.type}\` | ${e.resources} | ${e.medianBytes} (${e.maxBytes}) | ${p.provider} | ${p.secrets} | ${p.echoedInputs} | ${p.otherProperties} | ${p.metadata} |`);
    }
  }
  push("");

  push("## Serialized dynamic providers in state", "", "| type | resources | `__provider` bytes | copies per resource (inputs + outputs) | whole resource entry in `pulumi stack export`, max bytes |", "| --- | --- | --- | --- | --- |");
  const sizes = new Map<string, ProviderSize>();
  for (const s of [...r.runs.flatMap((x) => x.providerSizes ?? []), ...r.delays.flatMap((d) => d.providerSizes)]) {
    const prev = sizes.get(s.type);
    if (!prev || s.resources > prev.resources) sizes.set(s.type, s);
  }
  for (const s of sizes.values()) {
    push(`| \`${s.type}\` | ${s.resources} | ${s.minBytes === s.maxBytes ? s.maxBytes : `${s.minBytes}-${s.maxBytes}`} | ${s.copiesPerResource} | ${s.maxStateBytesPerResource} |`);
  }
  push("");

  const delays = delaysOf(r);
  if (delays.length > 0) push("## Issuance delay (fixed poll schedule)", "");
  if (delays.length > 0 && r.delays.length === 0 && r.before) push(`Measured on ${r.before.date} (not repeated in this run); the adaptive schedule that replaced it is measured in the DCV section below.`, "");
  if (delays.length > 0) push(
    "The simulator issues lazily: an order whose DCV has passed is issued by the next `collect`. A simulator",
    "without autoValidate and without DNS records (DCV cannot pass by itself) serves a stack of",
    `${delays[0]?.samples.length ?? 0} Certificates, each with a CertificateValidation; the bench approves order \`c<i>\`'s DCV`,
    "through the admin API at a chosen offset after it was placed, spread over ~80 s so that every phase",
    "of the poll schedule is sampled. *Noticed after* = the order's `issuedAt` (the validation's collect that",
    "found it issuable) − the approval time, both on the simulator's clock.",
    "",
  );
  for (const d of delays) {
    const st = delayStats(d);
    push(`### ${d.label}`, "", `\`pulumi up\` took ${f1(d.upSeconds)} s. Noticed after: median ${f1(st.median)} s, max ${f1(st.max)} s; ${st.within} of ${st.total} within ${TARGETS.noticeSeconds} s.${d.error ? ` The up failed: ${d.error.split("\n")[0]}` : ""}`, "");
    push("| order | validation's first collect (s after placement) | approved (s after placement) | noticed after (s) | collects |", "| --- | --- | --- | --- | --- |");
    for (const s of d.samples) {
      const early = s.firstCollectS !== undefined && s.offsetS < s.firstCollectS ? " (approved before the validation started)" : "";
      push(`| ${s.domain} | ${s.firstCollectS === undefined ? "?" : f1(s.firstCollectS)} | ${s.offsetS}${early} | ${s.delayS === undefined ? "never" : f1(s.delayS)} | ${s.collects} |`);
    }
    push("");
  }

  if (r.ablations.length > 0) {
    const n = r.ablations[0].n;
    push(
      `## Ablations (N = ${n}, in one block under the same load)`,
      "",
      "Each variant changes one thing, to attribute the certificate stacks' extra time (no target). noop, noop-wide,",
      "noop-wide-quiet, certificate and native ran twice when time allowed (in mirrored order; the mean is shown,",
      "samples in brackets), the others once.",
      "",
      "| variant | preview (s) | up (s) | load at start of up |",
      "| --- | --- | --- | --- |",
      ...r.ablations.map(
        (a) =>
          `| ${a.label} | ${a.preview.length ? `${f1(mean(a.preview))} [${a.preview.map((x) => f1(x.seconds)).join(", ")}]` : "—"} | ${f1(mean(a.up))} [${a.up.map((x) => f1(x.seconds)).join(", ")}] | ${a.up.map((x) => f1(x.load)).join(", ")} |`,
      ),
      "",
    );
  }

  const dg = r.diagnostics;
  push(
    "## Diagnostics (same run)",
    "",
    `- \`require("pulumi-nicsrs")\` after \`@pulumi/pulumi\` (program side, once per preview/up): ${Math.round(dg.programImportMs)} ms (median of 3)`,
    `- \`require("pulumi-nicsrs/provider/cert-impl")\` in a fresh process (provider host side, once per preview/up): ${Math.round(dg.providerImplLoadMs)} ms (median of 3)`,
    `- RSA-2048 key + CSR, as each Certificate create makes them: ${Math.round(dg.keyAndCsrMs)} ms each (median of 10, one at a time)`,
    "",
  );

  push("## Missed targets: why, and what would fix them", "");
  const missed = v.filter((x) => !x.met);
  if (missed.length === 0) push("None.", "");
  for (const x of missed) push(`### ${x.measure}`, "", explain(x, r), "");

  push(
    "## Method",
    "",
    "- `bench/program` (Pulumi.yaml, `main: index.ts`): `bench:kind` = `certificate` (N `Certificate`s of the dynamic",
    "  provider, product `positivessl`, one domain each, RSA-2048 key generated locally, no DNS records; the first",
    "  `bench:validations` with a `CertificateValidation`), `native` (the same N Certificates as",
    "  `nicsrs:index:Certificate` of the native plugin `pulumi-resource-nicsrs`, registered from the same TypeScript",
    "  program as a generated Node SDK registers them: `new pulumi.CustomResource(...)` with every input and every",
    "  output declared, the secret outputs named; the plugin is found through `plugins.providers` in Pulumi.yaml, a",
    "  directory holding the wrapper of scripts/engine/native-plugin.ts), `noop` (N dynamic resources whose provider's",
    "  create returns its inputs, nothing else), and for the ablations `noop-wide` (no-op resources registering a",
    "  Certificate's properties), `noop-wide-quiet` (the same with `Error.stackTraceLimit = 0` around the registration,",
    "  as the resource classes now do) and `native-inputs` (the native Certificates registering only the given inputs,",
    "  as a YAML program does); `bench:count` = N; `bench:keyAlgorithm` for the ECDSA ablations.",
    "- Driven with the Automation API (`LocalWorkspace`) and the real CLI, a local file backend, as the e2e suite",
    "  does. Automation API's `up` is `pulumi up --yes --skip-preview`, so *up* times the update alone; *preview* is",
    "  timed separately. Each repetition uses fresh stacks (fresh names, so the derived refIds never collide) and",
    "  each certificate stack (dynamic or native) a fresh simulator with instant validation (autoValidate after 0 s),",
    "  whose call counters give the CA calls of each operation. Repetitions interleave N = 50 and 200 and alternate",
    "  the order of the three stacks (noop, certificate, native, then the reverse); a time budget",
    "  (`BENCH_BUDGET_MIN`, 30) may cut the last repetition.",
    "- The first repetition of each certificate stack also runs a second, unchanged `pulumi up`, a `pulumi refresh`",
    "  and `pulumi stack export` (without `--show-secrets`, after the refresh: the certificates are issued by then and",
    "  their PEMs are in state) for the state sizes; the CertificateValidation `__provider`",
    "  size comes from the issuance-delay stack's export when that ran.",
    "- Issuance delay (fixed schedule): the default poll schedule of the time (no `NICSRS_POLL_*` in the environment), then the candidate fix.",
    "",
  );
  return lines.join("\n");
}

function explain(v: Verdict, r: BenchResults): string {
  const dg = r.diagnostics;
  switch (v.why) {
    case "dynamicPreview":
      return EXPLAIN.preview(dg, r);
    case "dynamicUp":
      return EXPLAIN.up(dg, r);
    case "nativePreview":
      return EXPLAIN.nativePreview(dg, r);
    case "nativeUp":
      return EXPLAIN.nativeUp(dg, r);
    case "nativeState":
      return EXPLAIN.nativeState(r);
    case "delay":
      return EXPLAIN.delay(r);
    case "provider":
      return EXPLAIN.provider(r);
    default:
      return EXPLAIN.calls(v);
  }
}

/** Seconds of an ablation variant's operation (NaN when it did not run). */
function ab(r: BenchResults, label: string, opName: Op): number {
  const a = r.ablations.find((x) => x.label === label);
  const xs = a ? (opName === "preview" ? a.preview : a.up) : [];
  return xs.length ? mean(xs) : NaN;
}

function mean(xs: OpSample[]): number {
  return xs.reduce((a, x) => a + x.seconds, 0) / xs.length;
}

function extraLine(r: BenchResults, opName: Op, kind: Dyn = "certificate"): string {
  return r.ns
    .map((n) => {
      const x = ratio(r, n, opName, kind);
      return `N = ${n}: +${f1(x.cert - x.noop)} s (${f1(((x.cert - x.noop) / n) * 1000)} ms per resource)`;
    })
    .join("; ");
}

/** The ablation block's mean seconds of each variant for one operation. */
function abl(r: BenchResults, op: Op) {
  return {
    n: r.ablations[0]?.n,
    noop: ab(r, ABLATION.noop, op),
    wide: ab(r, ABLATION.wide, op),
    quiet: ab(r, ABLATION.wideQuiet, op),
    cert: ab(r, ABLATION.cert, op),
    native: ab(r, ABLATION.native, op),
    nativeInputs: ab(r, ABLATION.nativeInputs, op),
    ecdsa: ab(r, ABLATION.ecdsa, op),
    nativeEcdsa: ab(r, ABLATION.nativeEcdsa, op),
    certNoCkpt: ab(r, ABLATION.certNoCkpt, op),
    nativeNoCkpt: ab(r, ABLATION.nativeNoCkpt, op),
    noopNoCkpt: ab(r, ABLATION.noopNoCkpt, op),
  };
}

const known = (...xs: number[]) => xs.every((x) => Number.isFinite(x));

/** "−0.2 s (within noise)" for a negative or tiny difference. */
const delta = (x: number) => (x < 0.5 ? `${f1(x)} s (within the noise)` : `+${f1(x)} s`);

function stateShareNote(r: BenchResults): string {
  const dyn = certificateEntry(r, "certificate");
  if (!dyn) return "not measured";
  return `a Certificate's entry is ${dyn.medianBytes} B once issued, ${dyn.parts.provider} B of it the two \`__provider\` copies`;
}

const STACKS_NOTE = [
  "Where the program-side cost went: `@pulumi/pulumi`'s `transferProperties` makes four promises per registered",
  "property, each stamped by `debuggablePromise` with `new Error().stack`, synchronously inside the resource's",
  "constructor; only the promise-leak report (`PULUMI_DEBUG_PROMISE_LEAKS`) reads those stacks, and under ts-node",
  "source-map-support rewrites every frame. The four dynamic resource classes now set `Error.stackTraceLimit = 0`",
  "around their `super(...)` (provider/quiet-registration.ts; restored in `finally`, left alone when",
  "`PULUMI_DEBUG_PROMISE_LEAKS` is set; the resource's source position is taken by `@pulumi/pulumi` with its own",
  "limit and kept). A generated SDK's class (the `native` stack) does not do this.",
].join("\n");

const EXPLAIN = {
  preview: (dg: Diagnostics, r: BenchResults) => {
    const a = abl(r, "preview");
    const lines = [`Extra time over the no-op stack: ${extraLine(r, "preview")}.`, ""];
    if (known(a.noop, a.wide, a.quiet, a.cert)) {
      lines.push(
        `In the ablation block (N = ${a.n}): no-op ${f1(a.noop)} s; no-op resources registering a Certificate's 30 properties`,
        `${f1(a.wide)} s, the same with the promise stacks suppressed ${f1(a.quiet)} s; certificates ${f1(a.cert)} s. Registering the`,
        `properties now costs ${f1(a.quiet - a.noop)} s over the no-op (${f1(a.wide - a.noop)} s without the fix). The rest of the`,
        `certificate stack's ${f1(a.cert - a.noop)} s over the no-op, ${f1(a.cert - a.quiet)} s (certificates − noop-wide-quiet), is the provider's own work: the`,
        `dynamic-provider host loads the Certificate implementation (${Math.round(dg.providerImplLoadMs)} ms here) and runs \`check\` per resource over`,
        "the engine's gRPC, with the ~2 KB `__provider` text travelling in every resource's inputs (not taken apart further).",
        "",
      );
    }
    lines.push(
      STACKS_NOTE,
      "",
      "What is left is per-resource work in the provider host and the engine (a dynamic provider is a second Node",
      "process the engine talks to for every resource), and the machine's 2 shared CPUs run the CLI, the language",
      "host, the program and the provider host at once. Grouping outputs or not echoing inputs would not help here:",
      "the property count no longer costs much (see noop-wide-quiet), and a dynamic provider's `diff` receives only",
      "the old outputs, so the inputs must stay in them.",
    );
    return lines.join("\n");
  },
  up: (dg: Diagnostics, r: BenchResults) => {
    const a = abl(r, "up");
    const lines = [`Extra time over the no-op stack: ${extraLine(r, "up")}.`, ""];
    if (known(a.noop, a.quiet, a.cert, a.ecdsa, a.certNoCkpt, a.noopNoCkpt)) {
      const props = a.quiet - a.noop;
      const rsa = a.cert - a.ecdsa;
      const ckpt = a.cert - a.certNoCkpt - (a.noop - a.noopNoCkpt);
      lines.push(
        `In the ablation block (N = ${a.n}, certificates ${f1(a.cert)} s vs no-op ${f1(a.noop)} s, +${f1(a.cert - a.noop)} s):`,
        `- registering a Certificate's 30 properties (no-op resources with the same properties, promise stacks suppressed): ${delta(props)};`,
        `- RSA-2048 key generation: ECDSA P-256 keys instead make the certificate stack ${f1(rsa)} s faster`,
        `  (one RSA key + CSR takes ${Math.round(dg.keyAndCsrMs)} ms here, CPU-bound, on ${r.machine.nproc} shared CPUs);`,
        `- state checkpoints: the file backend rewrites the whole state after every step, so the cost grows with N² and`,
        `  with the entry size (see the state table: ${stateShareNote(r)}).`,
        `  Skipping checkpoints saves ${f1(a.cert - a.certNoCkpt)} s on the certificate stack and ${f1(a.noop - a.noopNoCkpt)} s on the no-op stack:`,
        `  ${f1(ckpt)} s more for certificates.`,
        `Together (not strictly additive) ${f1(props + rsa + ckpt)} s of the ${f1(a.cert - a.noop)} s; the rest is the two HTTP calls per create`,
        "(to a simulator on the same CPUs), the provider host's own code and noise.",
        "",
      );
    }
    lines.push(
      "Part of this is the work itself (an order needs a key and two CA calls), so a ratio against resources that do",
      "nothing stays above 1 on a 2-CPU machine. What would still cut it: ECDSA P-256 keys by default (a change of",
      "default users would see: not made here), a smaller state entry (the `__provider` text is fixed by Pulumi's",
      "closure serializer: seven wrapped one-line functions; the echoed inputs are needed by the dynamic `diff`), or",
      "`PULUMI_SKIP_CHECKPOINTS=true` for large stacks at the price of losing intermediate state on a crash.",
    );
    return lines.join("\n");
  },
  nativePreview: (dg: Diagnostics, r: BenchResults) => {
    const a = abl(r, "preview");
    const lines = [`Extra time over the no-op stack: ${extraLine(r, "preview", "native")}.`, ""];
    if (known(a.noop, a.wide, a.quiet, a.native, a.nativeInputs)) {
      lines.push(
        `In the ablation block (N = ${a.n}): no-op ${f1(a.noop)} s, native Certificates registered as a generated SDK does`,
        `(every input and output, 47 properties) ${f1(a.native)} s, the same registering only the 3 given inputs ${f1(a.nativeInputs)} s.`,
        `The generated SDK's property count costs ${f1(a.native - a.nativeInputs)} s: the same promise stacks as the dynamic classes had`,
        `(no-op resources with a Certificate's 30 properties: ${f1(a.wide)} s with the stacks, ${f1(a.quiet)} s without). The plugin itself`,
        `(a Node process started once, loading the implementation, \`check\` per resource over gRPC): ${f1(a.nativeInputs - a.noop)} s.`,
        "",
      );
    }
    lines.push(
      "A generated Node SDK's class cannot set the stack limit (its code is generated); a user program can, around",
      "its resource declarations, or run as compiled JavaScript (no source-map rewriting). Programs in YAML, Python, Go",
      "or .NET do not pay this Node cost at all; the `native-inputs` row is the closest to them measured here.",
    );
    return lines.join("\n");
  },
  nativeUp: (dg: Diagnostics, r: BenchResults) => {
    const a = abl(r, "up");
    const lines = [`Extra time over the no-op stack: ${extraLine(r, "up", "native")}.`, ""];
    if (known(a.noop, a.native, a.nativeInputs, a.nativeEcdsa, a.nativeNoCkpt, a.noopNoCkpt)) {
      const props = a.native - a.nativeInputs;
      const rsa = a.native - a.nativeEcdsa;
      const ckpt = a.native - a.nativeNoCkpt - (a.noop - a.noopNoCkpt);
      lines.push(
        `In the ablation block (N = ${a.n}, native ${f1(a.native)} s vs no-op ${f1(a.noop)} s, +${f1(a.native - a.noop)} s):`,
        `- the generated SDK's 47 registered properties (vs the given inputs only): ${delta(props)};`,
        `- RSA-2048 key generation (ECDSA P-256 instead): ${f1(rsa)} s;`,
        `- state checkpoints beyond the no-op stack's: ${f1(ckpt)} s (skipping them saves ${f1(a.native - a.nativeNoCkpt)} s here, ${f1(a.noop - a.noopNoCkpt)} s on the no-op stack).`,
        `Together (not strictly additive) ${f1(props + rsa + ckpt)} s; the rest is the two HTTP calls per create and the plugin's own work.`,
        "",
      );
    }
    const nat = certificateEntry(r, "native");
    const noop = r.runs.filter((x) => x.kind === "noop" && x.entrySizes).sort((x, y) => y.n - x.n)[0]?.entrySizes?.find((e) => !e.type.startsWith("pulumi:"));
    lines.push(
      `The CA work (a key, a CSR, two calls) is the same for both hosts, and so is most of the state entry the`,
      `checkpoints rewrite (${nat?.medianBytes ?? "?"} B per native Certificate against ${noop?.medianBytes ?? "?"} B per no-op resource); the native plugin saves the`,
      "dynamic provider's closure text and its host's per-resource work, not the work itself.",
    );
    return lines.join("\n");
  },
  nativeState: (r: BenchResults) => {
    const nat = certificateEntry(r, "native");
    const dyn = certificateEntry(r, "certificate");
    if (!nat || !dyn) return "Not measured.";
    const p = nat.parts;
    const d = dyn.parts;
    return [
      `A native Certificate's entry is ${nat.medianBytes} B against ${dyn.medianBytes} B for a dynamic one: it saves the two \`__provider\``,
      `copies (${d.provider} B) and a little metadata (${d.metadata - p.metadata} B: shorter type and URN). The rest is the same in both, from`,
      `the same implementation: secrets ${p.secrets} B (the private key's ciphertext), outputs that repeat an input ${p.echoedInputs} B, other`,
      `inputs and outputs ${p.otherProperties} B (the CSR, the DCV records, the contact, ids and dates), engine metadata ${p.metadata} B`,
      "(URN, parent, provider reference, dependencies, the source position and a stack trace of the program).",
      `Half of the dynamic entry would be ${Math.round(dyn.medianBytes / 2)} B: ${nat.medianBytes - Math.round(dyn.medianBytes / 2)} B less than now. Not storing the echoed inputs`,
      "in the native outputs (the plugin gets the old inputs separately) would save at most the echoed bytes above; the",
      "rest are declared outputs users read (`csrPem`, `dcvRecords`, `privateKeyPem`) or the engine's own fields. So",
      "the goal cannot be met by the native host alone without dropping outputs; it is missed by that margin.",
    ].join("\n");
  },
  delay: (r: BenchResults) => {
    const beforeStart = (x: DelaySample) => x.firstCollectS !== undefined && x.offsetS < x.firstCollectS;
    const describeLate = (xs: DelaySample[], what: string) =>
      xs.length ? `${xs.map((x) => `${x.domain.split(".")[0]} ${f1(x.delayS!)} s`).join(", ")} are ${what}` : `no sample was ${what}`;
    const def = delaysOf(r)[0];
    const late = def ? def.samples.filter((x) => x.delayS !== undefined && x.delayS > TARGETS.noticeSeconds) : [];
    const fix = delaysOf(r)[1];
    const fixStats = fix ? delayStats(fix) : undefined;
    const fixLate = fix ? fix.samples.filter((x) => x.delayS !== undefined && x.delayS > TARGETS.noticeSeconds) : [];
    return [
      "CertificateValidation polls `collect` on a backoff of 2 s doubling to 30 s (±20 % jitter): checks at about",
      "0, 2, 6, 14, 30, 60, 90 … s after it starts. An order that completes between two checks is seen at the",
      "next one, so the delay is up to the current interval: under 5 s only in the first ~6 s, up to 16 s before",
      "the first 30 s, and up to 36 s (30 s + jitter; about 15 s on average) after that. The delay is set by the",
      `schedule: ${describeLate(late.filter((x) => !beforeStart(x)), "approvals that fell in a long poll interval")}` +
        (late.some(beforeStart) ? `; ${describeLate(late.filter(beforeStart), "approvals made before the engine had even started the validation (engine latency, not polling)")}` : "") +
        ".",
      "",
      "Fix: cap the interval at 4 s (with the ±20 % jitter the longest wait is then 4.8 s), or make it adaptive",
      "(short while the order is PROCESSING or its DCV records are seen, longer while a record is still missing).",
      "NicSRS has no completion callback, so polling is the only signal; a 4 s cap costs up to 15 collects per",
      "minute per waiting validation, which the NicSRS API should be asked to tolerate before shipping it." +
        (fixStats && fix
          ? ` Measured in this run with \`NICSRS_POLL_MAX_MS=${fix.env.NICSRS_POLL_MAX_MS}\`: median ${f1(fixStats.median)} s, max ${f1(fixStats.max)} s,` +
            ` ${fixStats.within}/${fixStats.total} within ${TARGETS.noticeSeconds} s` +
            (fixLate.length
              ? `; over 5 s: ${fixLate
                  .map((x) => `${x.domain.split(".")[0]} ${f1(x.delayS!)} s (${beforeStart(x) ? "approved before the engine had started its validation: engine latency, not polling" : "the capped interval stretched by jitter and collect latency"})`)
                  .join(", ")}.`
              : ".")
          : ""),
    ].join("\n");
  },
  provider: (r: BenchResults) =>
    [
      "The serialized provider is the loader object (one `require` of the implementation per method) plus what",
      "Pulumi's closure serializer wraps around it. Fix: fewer methods in the loader (one dispatcher function",
      "that `require`s the implementation and calls the method by name) shrinks the text.",
      `Measured sizes: ${[...new Set(r.runs.flatMap((x) => x.providerSizes ?? []).map((s) => `${s.type} ${s.maxBytes} B`))].join(", ")}.`,
    ].join("\n"),
  calls: (v: Verdict) => `Measured ${v.values.join("; ")} against ${v.target}: see the per-endpoint counts; the provider method making the extra call should be changed to reuse the answer it already has.`,
};

// Runs that take the certificate stacks apart, to explain where their extra time goes (no target):
//   noop-wide   — no-op resources registering the same properties as a Certificate (program-side cost of the property count)
//   noop-wide-quiet — the same with Error.stackTraceLimit = 0 around the registration, as the resource classes now do
//   native-inputs — the native plugin's Certificates registering only the given inputs (as a YAML program does)
//   ECDSA keys  — Certificates with P-256 keys instead of RSA-2048 (cost of key generation)
//   PULUMI_SKIP_CHECKPOINTS=true — the file backend writes state once at the end instead of after every step
// next to a noop, a certificate and a native stack run in the same block, under the same load. The noop,
// noop-wide(-quiet), certificate and native stacks run twice (in mirrored order), the single-change variants once.
import type { Lab } from "../scripts/engine/lab";
import { talksToCa, type Kind, type StackDriver, type StackSpec } from "./stack-driver";
import { counts, freshSimulator, op, type OpSample } from "./timing";

export interface AblationRun {
  label: string;
  kind: Kind;
  n: number;
  preview: OpSample[];
  up: OpSample[];
}

export const ABLATION = {
  noop: "noop",
  wide: "noop-wide (no-op, a Certificate's properties)",
  wideQuiet: "noop-wide-quiet (the same, Error.stackTraceLimit = 0 while registering)",
  cert: "certificate",
  native: "native (generated-SDK registration)",
  nativeInputs: "native-inputs (given inputs only)",
  ecdsa: "certificate, ECDSA P-256 keys",
  certNoCkpt: "certificate, PULUMI_SKIP_CHECKPOINTS=true",
  noopNoCkpt: "noop, PULUMI_SKIP_CHECKPOINTS=true",
  nativeEcdsa: "native, ECDSA P-256 keys",
  nativeNoCkpt: "native, PULUMI_SKIP_CHECKPOINTS=true",
};

type Variant = { label: string; kind: Kind; preview: boolean; spec?: Partial<StackSpec> };
const NOOP: Variant = { label: ABLATION.noop, kind: "noop", preview: true };
const WIDE: Variant = { label: ABLATION.wide, kind: "noop-wide", preview: true };
const WIDE_QUIET: Variant = { label: ABLATION.wideQuiet, kind: "noop-wide-quiet", preview: true };
const CERT: Variant = { label: ABLATION.cert, kind: "certificate", preview: true };
const NATIVE: Variant = { label: ABLATION.native, kind: "native", preview: true };
const VARIANTS: Variant[] = [
  NOOP,
  WIDE,
  WIDE_QUIET,
  CERT,
  NATIVE,
  { label: ABLATION.nativeInputs, kind: "native-inputs", preview: true },
  { label: ABLATION.ecdsa, kind: "certificate", preview: false, spec: { keyAlgorithm: "ECDSA" } },
  { label: ABLATION.certNoCkpt, kind: "certificate", preview: false, spec: { env: { PULUMI_SKIP_CHECKPOINTS: "true" } } },
  { label: ABLATION.noopNoCkpt, kind: "noop", preview: false, spec: { env: { PULUMI_SKIP_CHECKPOINTS: "true" } } },
  { label: ABLATION.nativeEcdsa, kind: "native", preview: false, spec: { keyAlgorithm: "ECDSA" } },
  { label: ABLATION.nativeNoCkpt, kind: "native", preview: false, spec: { env: { PULUMI_SKIP_CHECKPOINTS: "true" } } },
  NATIVE,
  CERT,
  WIDE_QUIET,
  WIDE,
  NOOP,
];

/** `outOfTime` is asked before each variant: the rest are skipped once it says so. */
export async function runAblations(driver: StackDriver, lab: Lab, n: number, log: (line: string) => void, outOfTime: () => boolean): Promise<AblationRun[]> {
  const out: AblationRun[] = [];
  for (const [i, v] of VARIANTS.entries()) {
    if (outOfTime()) {
      log(`  time budget reached: skipping the remaining ${VARIANTS.length - i} ablation runs`);
      break;
    }
    const sim = talksToCa(v.kind) ? await freshSimulator(lab) : undefined;
    const stack = await driver.stack({ name: `ablation-${i}-${v.kind}-${n}`, kind: v.kind, count: n, simulatorUrl: sim?.url, ...v.spec });
    try {
      const preview = v.preview ? await op(sim, async () => counts((await stack.preview({ onOutput: driver.record })).changeSummary)) : undefined;
      const up = await op(sim, async () => counts((await stack.up({ onOutput: driver.record })).summary.resourceChanges));
      log(`  ${v.label}: ${preview ? `preview ${preview.seconds.toFixed(1)} s, ` : ""}up ${up.seconds.toFixed(1)} s`);
      let run = out.find((x) => x.label === v.label);
      if (!run) out.push((run = { label: v.label, kind: v.kind, n, preview: [], up: [] }));
      if (preview) run.preview.push(preview);
      run.up.push(up);
    } finally {
      await driver.remove(stack).catch(() => undefined);
      await sim?.close();
    }
  }
  return out;
}

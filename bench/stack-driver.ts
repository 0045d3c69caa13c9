// Drives bench/program through the real Pulumi CLI with the Automation API (as test/e2e/stack-harness.ts
// does): one local file backend for the whole run, one stack per measured scenario.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { LocalWorkspace, type PulumiCommand, type Stack } from "@pulumi/pulumi/automation";
import { engineEnv, pulumiCommand } from "../scripts/engine/pulumi-cli";
import { LAB_TOKEN, LAB_ZONE } from "../scripts/engine/lab";
import { nativePluginDir } from "../scripts/engine/native-plugin";

export const PROGRAM_DIR = join(__dirname, "program");

export type Kind = "certificate" | "native" | "native-inputs" | "noop" | "noop-wide" | "noop-wide-quiet";

/** Kinds whose resources talk to the CA (each stack gets a simulator). */
export const talksToCa = (kind: Kind): boolean => kind === "certificate" || kind === "native" || kind === "native-inputs";

/**
 * bench/program/Pulumi.yaml's `plugins.providers` path for the native plugin: a symlink to a directory
 * holding the `pulumi-resource-nicsrs` wrapper (scripts/engine/native-plugin.ts), made at start.
 */
export const PLUGIN_LINK = join(PROGRAM_DIR, ".native-plugin");

export interface StackSpec {
  name: string;
  kind: Kind;
  count: number;
  /** certificate kind: how many of the certificates get a CertificateValidation. */
  validations?: number;
  /** certificate kind: key algorithm (RSA-2048 by default). */
  keyAlgorithm?: "RSA" | "ECDSA";
  /** certificate kind: the simulator the stack talks to. */
  simulatorUrl?: string;
  /** Extra environment for the CLI and the provider it starts (e.g. NICSRS_POLL_MAX_MS). */
  env?: Record<string, string>;
}

export class StackDriver {
  backendDir!: string;
  command!: PulumiCommand;
  /** Engine output of every operation, kept for a failure report. */
  readonly transcript: string[] = [];

  async start(): Promise<void> {
    this.command = await pulumiCommand();
    this.backendDir = mkdtempSync(join(tmpdir(), "nicsrs-bench-state-"));
    this.pluginDir = nativePluginDir();
    rmSync(PLUGIN_LINK, { force: true });
    symlinkSync(this.pluginDir, PLUGIN_LINK);
  }

  pluginDir?: string;

  stop(): void {
    if (this.backendDir) rmSync(this.backendDir, { recursive: true, force: true });
    if (this.pluginDir) rmSync(this.pluginDir, { recursive: true, force: true });
    rmSync(PLUGIN_LINK, { force: true });
  }

  /** Where the provider's DNS pre-flight and CAA lookups go (the lab's DNS; set once the lab is up). */
  dnsEnv: Record<string, string> = { NICSRS_DNS_CHECK: "off" };

  env(extra: Record<string, string> = {}): Record<string, string> {
    // The default poll schedule (no NICSRS_POLL_* here): the delay measurement is about it.
    return { ...engineEnv(this.backendDir), ...this.dnsEnv, ...extra };
  }

  async stack(spec: StackSpec): Promise<Stack> {
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: spec.name, workDir: PROGRAM_DIR },
      { pulumiCommand: this.command, envVars: this.env(spec.env) },
    );
    await stack.setAllConfig({
      "bench:kind": { value: spec.kind },
      "bench:count": { value: String(spec.count) },
      "bench:validations": { value: String(spec.validations ?? 0) },
      "bench:zone": { value: LAB_ZONE },
      ...(spec.keyAlgorithm ? { "bench:keyAlgorithm": { value: spec.keyAlgorithm } } : {}),
      ...(spec.simulatorUrl
        ? { "nicsrs:endpoint": { value: spec.simulatorUrl }, "nicsrs:apiToken": { value: LAB_TOKEN, secret: true } }
        : {}),
    });
    return stack;
  }

  readonly record = (line: string): void => {
    this.transcript.push(line);
    if (process.env.BENCH_VERBOSE) process.stdout.write(line);
  };

  /** `pulumi stack export` as a user runs it (no --show-secrets). */
  exportState(stackName: string): string {
    return execFileSync(this.command.command, ["stack", "export", "--stack", stackName], {
      cwd: PROGRAM_DIR,
      env: { ...process.env, ...this.env() },
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
  }

  /** Removes the stack's state (the simulator's orders stay; nothing is deleted at the CA). */
  async remove(stack: Stack): Promise<void> {
    await stack.workspace.removeStack(stack.name, { force: true });
  }
}

/** Wall time of one engine operation, in seconds. */
export async function timed<T>(op: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const t0 = performance.now();
  const result = await op();
  return { seconds: (performance.now() - t0) / 1000, result };
}

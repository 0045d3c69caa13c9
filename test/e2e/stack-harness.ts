// Runs the e2e program (test/e2e/program) through the real Pulumi CLI with the Automation API:
// one local file backend per suite, one stack per scenario, the lab's simulator and DNS server.
import { execFileSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalWorkspace, type PulumiCommand, type Stack } from "@pulumi/pulumi/automation";
import { engineEnv, pulumiCommand } from "../../scripts/engine/pulumi-cli";
import { LAB_TOKEN, LAB_ZONE, startLab, type Lab } from "../../scripts/engine/lab";
import type { CertificateSpec } from "./program/spec";

export type { CertificateSpec };

export const PROGRAM_DIR = join(__dirname, "program");

export class EngineHarness {
  lab!: Lab;
  backendDir!: string;
  command!: PulumiCommand;
  /** Every engine line of every operation, to search for leaked secrets. */
  readonly transcript: string[] = [];

  async start(): Promise<void> {
    this.command = await pulumiCommand();
    this.lab = await startLab();
    this.backendDir = mkdtempSync(join(tmpdir(), "nicsrs-e2e-state-"));
  }

  async stop(): Promise<void> {
    await this.lab?.stop();
    if (this.backendDir) rmSync(this.backendDir, { recursive: true, force: true });
  }

  env(): Record<string, string> {
    // Validation polls fast here: the simulator answers at once.
    return { ...engineEnv(this.backendDir), ...this.lab.dnsEnv, NICSRS_POLL_MIN_MS: "200", NICSRS_POLL_MAX_MS: "1000" };
  }

  async stack(name: string, certificates: CertificateSpec[]): Promise<Stack> {
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: name, workDir: PROGRAM_DIR },
      { pulumiCommand: this.command, envVars: this.env() },
    );
    await stack.setAllConfig({
      "nicsrs:endpoint": { value: this.lab.simulator.url },
      "nicsrs:apiToken": { value: LAB_TOKEN, secret: true },
      "e2e:zone": { value: LAB_ZONE },
      "e2e:dnsApiUrl": { value: this.lab.dns.apiUrl },
      "e2e:dnsApiKey": { value: this.lab.dns.apiKey, secret: true },
      "e2e:certificates": { value: JSON.stringify(certificates) },
    });
    return stack;
  }

  /** `pulumi stack export` as a user runs it (the Automation API's exportStack adds --show-secrets). */
  exportWithoutSecrets(stackName: string): string {
    return execFileSync(this.command.command, ["stack", "export", "--stack", stackName], {
      cwd: PROGRAM_DIR,
      env: { ...process.env, ...this.env() },
      encoding: "utf8",
    });
  }

  /** Output handler for the Automation API that keeps the transcript. */
  readonly record = (line: string): void => {
    this.transcript.push(line);
    if (process.env.E2E_VERBOSE) process.stdout.write(line);
  };

  /** Simulator call counts since the last reset, and a reset. */
  async callsSinceReset(): Promise<Record<string, number>> {
    return this.lab.simulator.admin.calls();
  }
}

/** The provider plans renewals against NICSRS_NOW when set: the tests move it with the simulator's clock. */
export function setProviderNow(stack: Stack, iso: string | undefined): void {
  // `envVars` is the live map the workspace passes to every CLI run.
  if (iso === undefined) delete stack.workspace.envVars.NICSRS_NOW;
  else stack.workspace.envVars.NICSRS_NOW = iso;
}

const PLUGIN_PATTERN = /dynamic-provider\/index\.js|pulumi-resource-pulumi-nodejs|pulumi-language-nodejs/;

/** The working directory of process `pid` (plugins run in the program's directory), or undefined. */
function cwdOf(pid: number): string | undefined {
  try {
    return realpathSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

/** Pulumi plugin processes (language host, dynamic-provider host) running now in `programDir`, by pid. */
export function pluginPids(programDir: string): Set<number> {
  const dir = realpathSync(programDir);
  const rows = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" }).split("\n");
  const pids = rows.filter((row) => PLUGIN_PATTERN.test(row)).map((row) => Number(row.trim().split(/\s+/)[0]));
  return new Set(pids.filter((pid) => cwdOf(pid) === dir));
}

/**
 * A CLI killed with SIGKILL leaves its plugins running (Pulumi starts them in their own process
 * groups): stop the ones of `programDir` that appeared since `before`. Plugins of other programs on
 * the machine (another suite, a user's run) are left alone.
 */
export function killPluginsStartedSince(before: Set<number>, programDir: string): void {
  for (const pid of pluginPids(programDir)) {
    if (before.has(pid)) continue;
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone already
    }
  }
}

export const MUTATING_ENDPOINTS = ["place", "renew", "reissue", "cancel", "revoke", "updateDCV"];

export function sumCalls(calls: Record<string, number>, endpoints?: string[]): number {
  return Object.entries(calls)
    .filter(([endpoint]) => !endpoints || endpoints.includes(endpoint))
    .reduce((n, [, count]) => n + count, 0);
}

export { LAB_TOKEN, LAB_ZONE };

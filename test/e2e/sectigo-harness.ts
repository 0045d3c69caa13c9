// Runs the Sectigo e2e program (test/e2e/sectigo-program) through the real Pulumi CLI with the
// Automation API: one simulator (NicSRS and Sectigo front ends), one local file backend, one stack
// per scenario. The Sectigo account has its own password, so a leak of it is easy to find.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalWorkspace, type PulumiCommand, type Stack } from "@pulumi/pulumi/automation";
import { engineEnv, pulumiCommand } from "../../scripts/engine/pulumi-cli";
import { startSimulator, type RunningSimulator } from "../../simulator";
import { SectigoSimulatorAdmin } from "../../simulator/sectigo";
import type { SectigoStackSpec } from "./sectigo-program/spec";

export const SECTIGO_PROGRAM_DIR = join(__dirname, "sectigo-program");
export const NICSRS_TOKEN = "sectigo-e2e-nicsrs-token-42";
export const SECTIGO_LOGIN = "e2e-sectigo-account";

export class SectigoEngineHarness {
  sim!: RunningSimulator;
  sectigo!: SectigoSimulatorAdmin;
  command!: PulumiCommand;
  backendDir!: string;
  /** Generated per run: never in the program, only in the stack config (as a secret). */
  readonly loginPassword = `sectigo-pw-${randomBytes(12).toString("hex")}`;
  /** Every engine line of every operation, to search for leaked secrets. */
  readonly transcript: string[] = [];
  private readonly stackNames = new Set<string>();

  async start(): Promise<void> {
    this.command = await pulumiCommand();
    // NicSRS orders pass DCV on their first collect: the cross-collect flow waits for issuance, as
    // examples/sectigo-cross-collect does against the simulator.
    this.sim = await startSimulator({ apiToken: NICSRS_TOKEN, autoValidate: { afterCollects: 1 } });
    this.sectigo = new SectigoSimulatorAdmin(this.sim.url);
    await this.sectigo.setAccount(SECTIGO_LOGIN, this.loginPassword);
    this.backendDir = mkdtempSync(join(tmpdir(), "nicsrs-e2e-sectigo-state-"));
  }

  async stop(): Promise<void> {
    await this.sim?.close();
    if (this.backendDir) rmSync(this.backendDir, { recursive: true, force: true });
    for (const name of this.stackNames) rmSync(join(SECTIGO_PROGRAM_DIR, `Pulumi.${name}.yaml`), { force: true });
  }

  env(): Record<string, string> {
    // Polls fast: the simulator answers at once.
    return { ...engineEnv(this.backendDir), NICSRS_POLL_MIN_MS: "200", NICSRS_POLL_MAX_MS: "1000", SECTIGO_POLL_MIN_MS: "200", SECTIGO_POLL_MAX_MS: "1000" };
  }

  async stack(name: string, spec: SectigoStackSpec): Promise<Stack> {
    this.stackNames.add(name);
    const stack = await LocalWorkspace.createOrSelectStack({ stackName: name, workDir: SECTIGO_PROGRAM_DIR }, { pulumiCommand: this.command, envVars: this.env() });
    await stack.setAllConfig({
      "nicsrs:endpoint": { value: this.sim.url },
      "nicsrs:apiToken": { value: NICSRS_TOKEN, secret: true },
      "sectigo:endpoint": { value: this.sim.url },
      "sectigo:loginName": { value: SECTIGO_LOGIN },
      "sectigo:loginPassword": { value: this.loginPassword, secret: true },
      "e2e:sectigo": { value: JSON.stringify(spec) },
    });
    return stack;
  }

  /** `pulumi stack export` as a user runs it (the Automation API's exportStack adds --show-secrets). */
  exportWithoutSecrets(stackName: string): string {
    return execFileSync(this.command.command, ["stack", "export", "--stack", stackName], {
      cwd: SECTIGO_PROGRAM_DIR,
      env: { ...process.env, ...this.env() },
      encoding: "utf8",
    });
  }

  /** The stack's config file, where `pulumi config set --secret` keeps the password encrypted. */
  stackConfigFile(stackName: string): string {
    return readFileSync(join(SECTIGO_PROGRAM_DIR, `Pulumi.${stackName}.yaml`), "utf8");
  }

  /** Output handler for the Automation API that keeps the transcript. */
  readonly record = (line: string): void => {
    this.transcript.push(line);
    if (process.env.E2E_VERBOSE) process.stdout.write(line);
  };
}

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  outputs?: Record<string, unknown>;
}

/** The resources of a stack's state (decrypted: the Automation API exports with --show-secrets). */
export async function stateResources(stack: Stack): Promise<StateResource[]> {
  const deployment = (await stack.exportStack()).deployment as { resources?: StateResource[] };
  return deployment.resources ?? [];
}

/** One resource's outputs in the state, by name, with secrets unwrapped. */
export async function stateOutputs(stack: Stack, name: string): Promise<Record<string, unknown>> {
  const found = (await stateResources(stack)).find((r) => r.urn.endsWith(`::${name}`));
  if (!found) throw new Error(`no resource ${name} in the state of ${stack.name}`);
  return unwrapSecrets(found.outputs ?? {}) as Record<string, unknown>;
}

function unwrapSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unwrapSecrets);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (o["4dabf18193072939515e22adb298388d"] === "1b47061264138c4ac30d75fd1eb44270" && "plaintext" in o) return unwrapSecrets(JSON.parse(String(o.plaintext)));
    if (o["4dabf18193072939515e22adb298388d"] === "1b47061264138c4ac30d75fd1eb44270" && "value" in o) return unwrapSecrets(o.value);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, unwrapSecrets(x)]));
  }
  return v;
}

/** Resource changes of an operation other than "same". */
export function changesOf(summary: { resourceChanges?: Record<string, number> }): [string, number][] {
  return Object.entries(summary.resourceChanges ?? {}).filter(([op]) => op !== "same");
}

// Runs Pulumi YAML programs (runtime: yaml) against the native provider plugin through the real
// CLI: the YAML language host (scripts/ensure-yaml-host.sh), the plugin built in dist/, the lab's
// simulator. Each project is written to its own directory with the plugin's path in Pulumi.yaml.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { engineEnv, ensurePulumiCli, REPO_ROOT } from "../../scripts/engine/pulumi-cli";
import { nativePluginDir } from "../../scripts/engine/native-plugin";
import { startLab, type Lab } from "../../scripts/engine/lab";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function ensureYamlHost(): string {
  return execFileSync(join(REPO_ROOT, "scripts", "ensure-yaml-host.sh"), { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
}

export class YamlHarness {
  lab!: Lab;
  root!: string;
  pluginDir!: string;
  private yamlBin!: string;
  /** Every CLI output, to search for leaked secrets. */
  readonly transcript: string[] = [];

  async start(): Promise<void> {
    ensurePulumiCli();
    this.yamlBin = ensureYamlHost();
    this.pluginDir = nativePluginDir();
    this.lab = await startLab({ autoValidateSeconds: 1 });
    this.root = mkdtempSync(join(tmpdir(), "nicsrs-yaml-"));
    mkdirSync(join(this.root, "state"));
  }

  async stop(): Promise<void> {
    await this.lab?.stop();
    if (this.root) rmSync(this.root, { recursive: true, force: true });
    if (this.pluginDir) rmSync(this.pluginDir, { recursive: true, force: true });
  }

  env(): Record<string, string> {
    const base = engineEnv(join(this.root, "state"));
    return { ...base, ...this.extraEnv, PATH: [...this.extraPath, this.yamlBin, base.PATH].join(":"), NICSRS_POLL_MIN_MS: "200", NICSRS_POLL_MAX_MS: "1000" };
  }

  /** Writes a project: Pulumi.yaml = header (name, runtime, plugin path) + `body` (resources, outputs …). */
  project(name: string, body: string, runtime = "yaml", files: Record<string, string> = {}): string {
    const dir = join(this.root, name);
    mkdirSync(dir, { recursive: true });
    const header = `name: ${name}\nruntime: ${runtime}\nplugins:\n  providers:\n    - name: nicsrs\n      path: ${this.pluginDir}\n`;
    writeFileSync(join(dir, "Pulumi.yaml"), header + body);
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    return dir;
  }

  /** Directories put before the CLI's on PATH (e.g. another language host), and more environment. */
  readonly extraPath: string[] = [];
  readonly extraEnv: Record<string, string> = {};

  /** One CLI run (asynchronous: the simulator answers from this process). */
  pulumi(dir: string, args: string[]): Promise<RunResult> {
    return new Promise((resolve) => {
      execFile(join(ensurePulumiCli(), "pulumi"), [...args, "--non-interactive"], { cwd: dir, env: { ...process.env, ...this.env() }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1) : 0;
        this.transcript.push(stdout, stderr);
        if (process.env.E2E_VERBOSE) process.stdout.write(stdout + stderr);
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** Like pulumi(), but a non-zero exit fails with the CLI's output. */
  async ok(dir: string, args: string[]): Promise<string> {
    const r = await this.pulumi(dir, args);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  }

  /** A new stack with its config; a list value is set element by element (`--path key[i]`). */
  async newStack(dir: string, stack: string, config: Record<string, { value: string | string[]; secret?: boolean }>): Promise<void> {
    await this.ok(dir, ["stack", "init", stack]);
    for (const [k, v] of Object.entries(config)) {
      const secret = v.secret ? ["--secret"] : [];
      if (typeof v.value === "string") await this.ok(dir, ["config", "set", ...secret, k, v.value, "--stack", stack]);
      else for (const [i, e] of v.value.entries()) await this.ok(dir, ["config", "set", ...secret, "--path", `${k}[${i}]`, e, "--stack", stack]);
    }
  }

  async exportState(dir: string): Promise<{ deployment: { resources?: { type: string; urn: string; id?: string; outputs?: Record<string, unknown>; inputs?: Record<string, unknown> }[] } }> {
    return JSON.parse(await this.ok(dir, ["stack", "export"]));
  }
}

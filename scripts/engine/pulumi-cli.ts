// Finds (or builds, on first use: scripts/ensure-pulumi.sh) the Pulumi CLI and returns the
// environment every engine run here uses: a local file backend, no Pulumi Cloud, no plugin downloads.
import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { PulumiCommand } from "@pulumi/pulumi/automation";

export const REPO_ROOT = resolve(__dirname, "..", "..");

let cachedBinDir: string | undefined;

/** The directory holding `pulumi` and `pulumi-language-nodejs`. Progress of a first build goes to stderr. */
export function ensurePulumiCli(): string {
  cachedBinDir ??= execFileSync(join(REPO_ROOT, "scripts", "ensure-pulumi.sh"), {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  return cachedBinDir;
}

export function pulumiCommand(): Promise<PulumiCommand> {
  return PulumiCommand.get({ root: dirname(ensurePulumiCli()), skipVersionCheck: true });
}

/** Environment for the CLI and the plugins it starts. */
export function engineEnv(backendDir: string): Record<string, string> {
  const binDir = ensurePulumiCli();
  return {
    // The dynamic-provider launcher sits beside the CLI (ensure-pulumi.sh): one on PATH would win and warn.
    PATH: [binDir, dirname(process.execPath), process.env.PATH ?? ""].join(":"),
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: "nicsrs-local",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
  };
}

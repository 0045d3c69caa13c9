// A Pulumi program as a user has it: a fresh directory outside the repository, the packed
// pulumi-nicsrs tarball and an explicit @pulumi/pulumi installed by npm, the tsconfig
// `pulumi new typescript` writes, and the plain Pulumi CLI (no repository paths on PATH).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { ensurePulumiCli, REPO_ROOT } from "../../scripts/engine/pulumi-cli";
import { STOCK_TSCONFIG } from "../helpers/stock-tsconfig";


export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the event loop (the simulator serves from this process). */
export function run(command: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: opts.cwd, env: opts.env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${command} ${args.join(" ")} failed in ${opts.cwd}: ${err.message}\n${stdout}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** PATH entries outside the repository: a user's program sees none of this repo's node_modules. */
function pathOutsideRepo(): string[] {
  return (process.env.PATH ?? "").split(delimiter).filter((p) => p && !p.startsWith(REPO_ROOT));
}

/** npm, run with this process's node (Node >= 22) first on PATH. */
export function npmEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: [dirname(process.execPath), ...pathOutsideRepo()].join(delimiter),
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
  };
}

/** The user's shell for `pulumi`: the offline CLI directory, node, and nothing from this repository. */
export function userCliEnv(backendDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("PULUMI_") || k.startsWith("NICSRS_") || k.startsWith("TS_NODE_")) delete env[k];
  return {
    ...env,
    PATH: [ensurePulumiCli(), dirname(process.execPath), ...pathOutsideRepo()].join(delimiter),
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: "consumer-test",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    ...extra,
  };
}

/** `npm pack` of the built repository into a temp dir; returns the tarball's path. */
export async function packTarball(): Promise<string> {
  const dest = mkdtempSync(join(tmpdir(), "nicsrs-pack-"));
  await run("npm", ["run", "-s", "build"], { cwd: REPO_ROOT, env: npmEnv() });
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", dest], { cwd: REPO_ROOT, env: npmEnv() });
  const [info] = JSON.parse(stdout) as { filename: string }[];
  return join(dest, info.filename);
}

/** The lowest @pulumi/pulumi the package declares (the floor of its caret range). */
export function lowestSupportedSdk(): string {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const m = /^\^(\d+\.\d+\.\d+)$/.exec(pkg.dependencies["@pulumi/pulumi"]);
  if (!m) throw new Error(`@pulumi/pulumi is not declared as a caret range: ${pkg.dependencies["@pulumi/pulumi"]}`);
  return m[1];
}

/** The newest @pulumi/pulumi on the npm registry. */
export async function newestSdk(): Promise<string> {
  const { stdout } = await run("npm", ["view", "@pulumi/pulumi@latest", "version"], { cwd: tmpdir(), env: npmEnv() });
  return stdout.trim();
}

export interface ProgramFiles {
  [path: string]: string;
}

/** A new program directory under the system temp dir with `files`, and npm-installed dependencies. */
export async function createProgram(opts: {
  name: string;
  files: ProgramFiles;
  tarball: string;
  sdkVersion: string;
  typescript: boolean;
}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `nicsrs-consumer-${opts.name}-`));
  const pkg = {
    name: opts.name,
    main: opts.typescript ? "index.ts" : "index.js",
    private: true,
    ...(opts.typescript ? { devDependencies: { "@types/node": "^24", typescript: "~5.9" } } : {}),
  };
  writeFileSync(join(dir, "package.json"), JSON.stringify(pkg, null, 2));
  if (opts.typescript) writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(STOCK_TSCONFIG, null, 4));
  for (const [path, text] of Object.entries(opts.files)) writeFileSync(join(dir, path), text);
  await run("npm", ["install", "--prefer-offline", "--loglevel=error", opts.tarball, `@pulumi/pulumi@${opts.sdkVersion}`], {
    cwd: dir,
    env: npmEnv(),
  });
  return dir;
}

/** Every installed copy of @pulumi/pulumi in the program, as `npm ls` reports them. */
export async function pulumiSdkCopies(dir: string): Promise<string[]> {
  const { stdout } = await run("npm", ["ls", "@pulumi/pulumi", "--all", "--parseable"], { cwd: dir, env: npmEnv() });
  return [...new Set(stdout.split("\n").filter(Boolean))];
}

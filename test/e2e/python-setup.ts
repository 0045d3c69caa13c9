// What a Python engine test needs besides the YAML harness: the Python language host (built from Go
// modules, `pulumi` from PyPI; undefined with the reason when this machine cannot build it) and the
// Python SDK generated from schema/schema.json, installed where the host's Python finds it.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "../../scripts/engine/pulumi-cli";
import type { YamlHarness } from "./yaml-harness";

/** The host directory (bin/, venv/), or undefined with the reason when this machine cannot build it. */
export function pythonHost(): { dir?: string; why?: string } {
  try {
    const dir = execFileSync(join(REPO_ROOT, "scripts", "ensure-python-host.sh"), { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
    return { dir };
  } catch (err) {
    return { why: String((err as { stderr?: string }).stderr ?? err).trim().split("\n").pop() };
  }
}

/**
 * The Python host's directory, or skips the calling suite saying why (allowed by issue 12: the host
 * may be unbuildable on a machine, e.g. no python3 or the proxy refusing the module).
 */
export function pythonHostOrSkip(ctx: Mocha.Context): string {
  const host = pythonHost();
  if (!host.dir) {
    process.stdout.write(`      (skipped: the Python language host cannot be built here: ${host.why})\n`);
    ctx.skip();
  }
  return host.dir!;
}

/**
 * Generates and installs the Python SDK under the harness's root and puts the host first on its
 * PATH. Returns the host's python and the SDK's site directory (on the harness's PYTHONPATH).
 */
export function usePythonSdk(h: YamlHarness, hostDir: string): { python: string; site: string } {
  const sdks = join(h.root, "sdks");
  execFileSync(join(REPO_ROOT, "scripts", "gen-sdks.sh"), [sdks], { stdio: ["ignore", "ignore", "inherit"] });
  const site = join(sdks, "site-packages");
  const python = join(hostDir, "venv", "bin", "python");
  const pip = ["-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--disable-pip-version-check", "--target", site, join(sdks, "python")];
  execFileSync(python, pip, { stdio: ["ignore", "ignore", "inherit"] });
  h.extraEnv.PYTHONPATH = site;
  // The v3.68 host reads `virtualenv` from a flag today's CLI no longer passes: the venv's python goes first on PATH.
  h.extraPath.push(join(hostDir, "venv", "bin"), join(hostDir, "bin"));
  return { python, site };
}

// A plugin directory for the native provider built in dist/: what `plugins.providers[].path` in a
// Pulumi.yaml points at. It holds one executable, `pulumi-resource-nicsrs`, running the built
// plugin with this Node (so the engine's PATH does not matter).
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./pulumi-cli";

export const NATIVE_PLUGIN_JS = join(REPO_ROOT, "dist", "provider", "native", "main.js");

export function nativePluginDir(): string {
  if (!existsSync(NATIVE_PLUGIN_JS)) throw new Error(`${NATIVE_PLUGIN_JS} is missing: run \`npm run build\` (make test does)`);
  const dir = mkdtempSync(join(tmpdir(), "nicsrs-plugin-"));
  const exe = join(dir, "pulumi-resource-nicsrs");
  writeFileSync(exe, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(NATIVE_PLUGIN_JS)} "$@"\n`);
  chmodSync(exe, 0o755);
  return dir;
}

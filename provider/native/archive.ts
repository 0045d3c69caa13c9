#!/usr/bin/env node
// nicsrs-plugin-archive: writes the plugin archive `pulumi plugin install resource nicsrs <version>
// --file <archive>` takes, so that projects find the native provider in the plugin cache without a
// `plugins.providers` path. The archive holds one executable, `pulumi-resource-nicsrs`, which runs
// this installed package's plugin: the package must stay where it is (e.g. the CI job's
// node_modules) for as long as the installed plugin is used.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/* eslint-disable @typescript-eslint/no-require-imports */
const { version } = require("../../../package.json") as { version: string };

const PLUGIN_JS = join(__dirname, "main.js");
const OS: Record<string, string> = { linux: "linux", darwin: "darwin", win32: "windows" };
const ARCH: Record<string, string> = { x64: "amd64", arm64: "arm64" };

/** The launcher: this Node when it still exists where the archive was made, else `node` on PATH. */
export function launcherScript(nodePath: string, pluginJs: string): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return [
    "#!/bin/sh",
    `NODE=${q(nodePath)}`,
    `[ -x "$NODE" ] || NODE=node`,
    `exec "$NODE" ${q(pluginJs)} "$@"`,
    "",
  ].join("\n");
}

export function archiveName(v: string, platform: string = process.platform, arch: string = process.arch): string {
  return `pulumi-resource-nicsrs-v${v}-${OS[platform] ?? platform}-${ARCH[arch] ?? arch}.tar.gz`;
}

/** Writes the archive into `outDir`; returns its path. */
export function writePluginArchive(outDir: string): string {
  if (!existsSync(PLUGIN_JS)) throw new Error(`${PLUGIN_JS} is missing: the package is not built`);
  const stage = mkdtempSync(join(tmpdir(), "nicsrs-plugin-archive-"));
  try {
    const exe = join(stage, "pulumi-resource-nicsrs");
    writeFileSync(exe, launcherScript(process.execPath, PLUGIN_JS));
    chmodSync(exe, 0o755);
    const out = join(resolve(outDir), archiveName(version));
    execFileSync("tar", ["-czf", out, "-C", stage, "pulumi-resource-nicsrs"]);
    return out;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const arg = process.argv[2];
  if (arg === "--help" || arg === "-h") {
    process.stdout.write("usage: nicsrs-plugin-archive [out dir (default: .)]\nWrites the native provider's plugin archive and prints the command that installs it.\n");
  } else {
    const out = writePluginArchive(arg ?? ".");
    process.stdout.write(`${out}\ninstall it with:\n  pulumi plugin install resource nicsrs ${version} --file ${out}\n`);
  }
}

// What the numbers were measured on: CPU, memory, versions, and how busy the machine was.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../scripts/engine/pulumi-cli";

export interface MachineNotes {
  date: string;
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  pulumiCli: string;
  pulumiNpm: string;
  /** Snapshots of other processes' CPU use (not this bench's), at points of the run. */
  otherProcesses: { at: string; busiest: string[] }[];
}

export function machineNotes(pulumiBinary: string): MachineNotes {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")) as { version: string };
  return {
    date: new Date().toISOString(),
    nproc: Number(execFileSync("nproc", { encoding: "utf8" }).trim()),
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    pulumiCli: execFileSync(pulumiBinary, ["version"], { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } }).trim(),
    pulumiNpm: pkg.version,
    otherProcesses: [{ at: "start", busiest: otherProcesses() }],
  };
}

/** The busiest processes that are not this bench or its children, by %CPU over half a second (`top`). */
export function otherProcesses(): string[] {
  try {
    const mine = descendants(process.pid);
    const out = execFileSync("top", ["-b", "-n", "2", "-d", "0.5", "-c", "-w", "200"], { encoding: "utf8" });
    const second = out.split(/^top - /m)[2] ?? "";
    const rows = second.split("\n").slice(second.split("\n").findIndex((l) => /^\s*PID\s/.test(l)) + 1);
    return rows
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f.length >= 12 && !mine.has(Number(f[0])) && Number(f[8]) >= 1 && !f[11].startsWith("top"))
      .sort((a, b) => Number(b[8]) - Number(a[8]))
      .slice(0, 5)
      .map((f) => `${f[8]}% ${f.slice(11).join(" ").slice(0, 60)}`);
  } catch {
    return [];
  }
}

function descendants(root: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const line of execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" }).split("\n")) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!Number.isFinite(pid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const out = new Set<number>([root]);
  const todo = [root];
  while (todo.length) for (const c of children.get(todo.pop()!) ?? []) if (!out.has(c)) (out.add(c), todo.push(c));
  return out;
}

/** 1-minute load averages sampled during the run (every few seconds). */
export class LoadSampler {
  readonly samples: number[] = [];
  private timer?: NodeJS.Timeout;

  start(everyMs = 5_000): void {
    this.samples.push(loadavg()[0]);
    this.timer = setInterval(() => this.samples.push(loadavg()[0]), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.samples.push(loadavg()[0]);
  }
}

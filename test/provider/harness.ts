// Drives the provider implementations the way the dynamic-provider host does (results go through
// a protobuf Struct, so an `undefined` anywhere would fail as it does in the real host), against a
// simulator started for the suite.
import { strict as assert } from "node:assert";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../../simulator";
import { configure, resetCredentials } from "../../provider/credentials";
import { setProgressSink } from "../../provider/poll";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const structproto = require("google-protobuf/google/protobuf/struct_pb");

export const PROVIDER = "serialized-provider-text";

/** What the host does to every result: through a protobuf Struct and back. */
export function struct<T extends object>(value: T): T {
  return structproto.Struct.fromJavaScript(value).toJavaScript() as T;
}

export type Props = Record<string, unknown>;

export interface ProviderModule {
  configure(req: { config: { get(k: string): string | undefined } }): Promise<void>;
  check(olds: Props, news: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }>;
  diff(id: string, olds: Props, news: Props): Promise<{ changes?: boolean; replaces?: string[]; stables?: string[]; deleteBeforeReplace?: boolean }>;
  create(inputs: Props): Promise<{ id: string; outs: Props }>;
  read(id: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }>;
  update(id: string, olds: Props, news: Props): Promise<{ outs: Props }>;
  delete?(id: string, props: Props): Promise<void>;
}

/** The provider as the engine sees it: inputs carry __provider, outputs get it back. */
export class Host {
  constructor(private readonly impl: ProviderModule) {}

  async check(olds: Props, news: Props) {
    const r = await this.impl.check(struct(olds), struct({ ...news, __provider: PROVIDER }));
    return struct(r);
  }
  async diff(id: string, olds: Props, news: Props) {
    return struct(await this.impl.diff(id, struct(olds), struct({ ...news, __provider: PROVIDER })));
  }
  async create(inputs: Props): Promise<{ id: string; outs: Props }> {
    const r = await this.impl.create(struct({ ...inputs, __provider: PROVIDER }));
    assert.ok(r.id, "create returns an id");
    return { id: r.id, outs: struct({ ...r.outs, __provider: PROVIDER }) };
  }
  async read(id: string, props: Props) {
    const r = await this.impl.read(id, struct(props));
    return struct({ ...r, ...(r.props ? { props: { ...r.props, __provider: PROVIDER } } : {}) }) as typeof r;
  }
  async update(id: string, olds: Props, news: Props): Promise<Props> {
    const r = await this.impl.update(id, struct(olds), struct({ ...news, __provider: PROVIDER }));
    return struct({ ...r.outs, __provider: PROVIDER });
  }
  async delete(id: string, props: Props): Promise<void> {
    if (this.impl.delete) await this.impl.delete(id, struct(props));
  }
}

export interface SimHandle {
  sim: RunningSimulator;
  progress: string[];
  /** Calls since the last reset, zero-count endpoints dropped. */
  calls(): Promise<Record<string, number>>;
  /** Points NICSRS_NOW at the simulator's clock. */
  syncNow(): Promise<string>;
}

/** Starts a simulator for the enclosing describe() and configures the provider for it. */
export function useSimulator(opts: SimulatorOptions = {}): SimHandle {
  const handle = { progress: [] as string[] } as SimHandle;
  let oldSink: ((line: string) => void) | undefined;
  const saved = { now: process.env.NICSRS_NOW, min: process.env.NICSRS_POLL_MIN_MS, max: process.env.NICSRS_POLL_MAX_MS, dns: process.env.NICSRS_DNS_CHECK };
  before(async function () {
    this.timeout(120_000);
    handle.sim = await startSimulator({ credit: 100_000, ...opts });
    await resetCredentials();
    const config: Record<string, string> = { "nicsrs:apiToken": handle.sim.apiToken, "nicsrs:endpoint": handle.sim.url };
    await configure({ config: { get: (k) => config[k] } });
    oldSink = setProgressSink((line) => handle.progress.push(line));
    process.env.NICSRS_POLL_MIN_MS = "20";
    process.env.NICSRS_POLL_MAX_MS = "100";
    // No DNS pre-flight / CAA lookups unless a test points them at its own DNS server (never the system's).
    process.env.NICSRS_DNS_CHECK = "off";
    delete process.env.NICSRS_NOW;
  });
  after(async () => {
    if (oldSink) setProgressSink(oldSink);
    await resetCredentials();
    await handle.sim?.close();
    for (const [k, v] of [["NICSRS_NOW", saved.now], ["NICSRS_POLL_MIN_MS", saved.min], ["NICSRS_POLL_MAX_MS", saved.max], ["NICSRS_DNS_CHECK", saved.dns]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  handle.calls = async () => Object.fromEntries(Object.entries(await handle.sim.admin.calls()).filter(([, n]) => n > 0));
  handle.syncNow = async () => {
    const now = await handle.sim.admin.clock();
    process.env.NICSRS_NOW = now;
    return now;
  };
  return handle;
}

export const DAY_MS = 86_400_000;

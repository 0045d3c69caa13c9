// The real dynamic-provider host for tests: a user's program directory, the providers serialized by
// the SDK for a mocked program, and `@pulumi/pulumi`'s cmd/dynamic-provider started as the engine
// starts it (the pulumi-resource-pulumi-nodejs launcher, cwd = the program directory), driven over
// its gRPC ResourceProvider protocol.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createServer, type AddressInfo, type Server } from "node:net";
import * as grpc from "@grpc/grpc-js";
import * as pulumi from "@pulumi/pulumi";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

export type Props = Record<string, unknown>;

const ROOT = join(__dirname, "..", "..");

// ---- the program directory ---------------------------------------------------------------------

/**
 * A user's program directory: node_modules/pulumi-nicsrs is the installed package (this repo, served
 * through its exports map from dist/) and node_modules/@pulumi the SDK the launcher resolves.
 */
export function makeProgramDir(): { dir: string; remove(): void } {
  const built = join(ROOT, "dist", "provider", "cert-impl.js");
  if (!existsSync(built)) throw new Error(`${built} is missing: build dist first (npx tsc -p tsconfig.json)`);
  const dir = mkdtempSync(join(tmpdir(), "nicsrs-host-program-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules", "pulumi-nicsrs"), "dir");
  symlinkSync(join(ROOT, "node_modules", "@pulumi"), join(dir, "node_modules", "@pulumi"), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// ---- the serialized providers, as the SDK sends them ---------------------------------------------

export interface Registration {
  type: string;
  name: string;
  /** The inputs as the engine receives them (`__provider` included). */
  inputs: Props;
}

/**
 * Runs `program` under `pulumi.runtime.setMocks` and returns every resource registration, with
 * the inputs the SDK serialized (among them `__provider`, the serialized provider).
 */
export async function registerWithMocks(program: () => pulumi.Output<unknown>[], project = "proj", stack = "dev"): Promise<Registration[]> {
  const registered: Registration[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs as Props });
        return { id: `${args.name}-id`, state: { ...args.inputs, certId: `${args.name}-certid` } };
      },
      call: (args) => args.inputs,
    },
    project,
    stack,
    false,
  );
  const outputs = program();
  await Promise.all(outputs.map((o) => new Promise((resolve) => o.apply(resolve))));
  return registered;
}

// ---- protobuf values -------------------------------------------------------------------------------

/** A Struct from plain data (undefined members dropped, as the engine never sends them). */
export function toStruct(value: Props): Struct {
  return Struct.fromJavaScript(JSON.parse(JSON.stringify(value)));
}

function fromStruct(s: Struct | undefined): Props {
  return (s?.toJavaScript() ?? {}) as Props;
}

/** What a config value marked secret looks like on the wire (the host unwraps it). */
export function rpcSecret(value: string): Props {
  return { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value };
}

// ---- the host process ------------------------------------------------------------------------------

export const DIFF = provproto.DiffResponse.DiffChanges;

export interface ResourceRef {
  type: string;
  name: string;
}

export interface HostError extends grpc.ServiceError {
  /** ErrorResourceInitFailed from the status details: the resource was created but is not ready. */
  initFailed?: { id: string; properties: Props; reasons: string[] };
}

function urnOf(r: ResourceRef): string {
  return `urn:pulumi:dev::proj::${r.type}::${r.name}`;
}

/**
 * One dynamic-provider host process, started like the engine starts it, and a gRPC client to it.
 * `output` collects its stdout and stderr (the engine shows the latter to the user).
 */
export class ProviderHost {
  private constructor(
    private readonly child: ChildProcess,
    readonly exited: Promise<void>,
    private readonly client: ResourceProviderClient,
    private readonly log: { text: string },
    private readonly engine: Server,
  ) {}

  /** Stops the stand-in engine listener, as a SIGKILLed CLI would: the host should then exit by itself. */
  closeEngine(): Promise<void> {
    return new Promise((resolve) => this.engine.close(() => resolve()));
  }

  /** Everything the host printed so far. */
  get output(): string {
    return this.log.text;
  }

  /** Starts the host in `programDir` with `env` added to a copy of this process's environment minus NicSRS credentials. */
  static async start(programDir: string, env: Record<string, string> = {}): Promise<ProviderHost> {
    const launcher = join(programDir, "node_modules", "@pulumi", "pulumi", "pulumi-resource-pulumi-nodejs");
    const childEnv: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ""}`, ...env };
    for (const k of ["NICSRS_API_TOKEN", "NICSRS_ENDPOINT", ...(env.NICSRS_NOW === undefined ? ["NICSRS_NOW"] : [])]) delete childEnv[k];
    // The engine's address: the host never calls it, but a provider checks that something listens
    // there (an engine that is gone makes it exit), so a stand-in listener holds it.
    const engine = createServer((s) => s.destroy());
    await new Promise<void>((r) => engine.listen(0, "127.0.0.1", r));
    const engineAddress = `127.0.0.1:${(engine.address() as AddressInfo).port}`;
    // Its own process group: the launcher is a shell script whose node child must die with it.
    const child = spawn("sh", [launcher, engineAddress], {
      cwd: programDir,
      env: childEnv,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const log = { text: "" };
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      log.text += chunk.toString();
    });
    child.stderr!.on("data", (chunk: Buffer) => (log.text += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the provider host printed no port within 30 s:\n${log.text}`)), 30_000);
      child.stdout!.on("data", () => {
        const m = /^(\d+)\s*$/m.exec(stdout); // the first line the host prints
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`the provider host exited before printing its port:\n${log.text}`));
      });
    }).catch(async (err: unknown) => {
      killGroup(child);
      await exited;
      engine.close();
      throw err;
    });
    return new ProviderHost(child, exited, new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()), log, engine);
  }

  /** Closes the client and kills the host's process group; resolves once it exited. */
  async stop(): Promise<void> {
    this.client.close();
    killGroup(this.child);
    await this.exited;
    if (this.engine.listening) await this.closeEngine();
  }

  private unary<Res>(invoke: (cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown): Promise<Res> {
    return new Promise((resolve, reject) => {
      invoke((err, res) => (err ? reject(withInitFailure(err)) : resolve(res)));
    });
  }

  /** Configure as the engine sends it to a dynamic provider: the stack config under full keys. */
  async configure(config: Record<string, string | Props>): Promise<void> {
    const req = new provproto.ConfigureRequest();
    for (const [k, v] of Object.entries(config)) req.getVariablesMap().set(k, typeof v === "string" ? v : String(v.value));
    req.setArgs(toStruct(config));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    await this.unary<provproto.ConfigureResponse>((cb) => this.client.configure(req, cb));
  }

  async check(r: ResourceRef, olds: Props, news: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
    const req = new provproto.CheckRequest().setUrn(urnOf(r)).setName(r.name).setType(r.type).setOlds(toStruct(olds)).setNews(toStruct(news));
    const res = await this.unary<provproto.CheckResponse>((cb) => this.client.check(req, cb));
    return { inputs: fromStruct(res.getInputs()), failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })) };
  }

  async diff(r: ResourceRef, id: string, olds: Props, news: Props): Promise<{ changes: number; replaces: string[]; deleteBeforeReplace: boolean }> {
    const req = new provproto.DiffRequest().setId(id).setUrn(urnOf(r)).setName(r.name).setType(r.type).setOlds(toStruct(olds)).setNews(toStruct(news));
    const res = await this.unary<provproto.DiffResponse>((cb) => this.client.diff(req, cb));
    return { changes: res.getChanges(), replaces: res.getReplacesList(), deleteBeforeReplace: res.getDeletebeforereplace() };
  }

  async create(r: ResourceRef, inputs: Props): Promise<{ id: string; outs: Props }> {
    const req = new provproto.CreateRequest().setUrn(urnOf(r)).setName(r.name).setType(r.type).setProperties(toStruct(inputs));
    const res = await this.unary<provproto.CreateResponse>((cb) => this.client.create(req, cb));
    return { id: res.getId(), outs: fromStruct(res.getProperties()) };
  }

  async read(r: ResourceRef, id: string, state: Props, inputs: Props): Promise<{ id: string; props: Props; inputs: Props }> {
    const req = new provproto.ReadRequest().setId(id).setUrn(urnOf(r)).setName(r.name).setType(r.type).setProperties(toStruct(state)).setInputs(toStruct(inputs));
    const res = await this.unary<provproto.ReadResponse>((cb) => this.client.read(req, cb));
    return { id: res.getId(), props: fromStruct(res.getProperties()), inputs: fromStruct(res.getInputs()) };
  }

  async update(r: ResourceRef, id: string, olds: Props, news: Props): Promise<Props> {
    const req = new provproto.UpdateRequest().setId(id).setUrn(urnOf(r)).setName(r.name).setType(r.type).setOlds(toStruct(olds)).setNews(toStruct(news));
    return fromStruct((await this.unary<provproto.UpdateResponse>((cb) => this.client.update(req, cb))).getProperties());
  }

  async delete(r: ResourceRef, id: string, state: Props): Promise<void> {
    const req = new provproto.DeleteRequest().setId(id).setUrn(urnOf(r)).setName(r.name).setType(r.type).setProperties(toStruct(state));
    await this.unary<unknown>((cb) => this.client.delete(req, cb));
  }
}

/** SIGTERM to the process group of a host started by ProviderHost.start (the launcher and its node child). */
function killGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

/** Decodes the ErrorResourceInitFailed detail the host packs into `grpc-status-details-bin`. */
function withInitFailure(err: grpc.ServiceError): HostError {
  const bin = err.metadata?.get("grpc-status-details-bin")[0];
  if (!(bin instanceof Buffer)) return err;
  for (const any of Status.deserializeBinary(bin).getDetailsList()) {
    const detail = any.unpack(provproto.ErrorResourceInitFailed.deserializeBinary, "pulumirpc.ErrorResourceInitFailed");
    if (detail) {
      return Object.assign(err, {
        initFailed: { id: detail.getId(), properties: fromStruct(detail.getProperties()), reasons: detail.getReasonsList() },
      });
    }
  }
  return err;
}

/** Polls `probe` every 25 ms until it returns true, or fails after `timeoutMs`. */
export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

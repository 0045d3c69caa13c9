// Messages on the resource: while a provider call runs, the lifecycle code's progress lines go to
// the engine's log with that resource's URN, so `pulumi up` shows them under the resource (the
// dynamic-provider host can only write them to stderr, where they appear under the stack).
import { AsyncLocalStorage } from "node:async_hooks";
import { loadGrpc } from "./grpc";

/* eslint-disable @typescript-eslint/no-require-imports */
const engrpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
const engproto = require("@pulumi/pulumi/proto/engine_pb");

const current = new AsyncLocalStorage<string>();
let client: { log(req: unknown, cb: (err: unknown) => void): void } | undefined;

export function connectEngineLog(engineAddress: string | undefined): void {
  if (!engineAddress) return;
  const grpc = loadGrpc();
  client = new engrpc.EngineClient(engineAddress, grpc.credentials.createInsecure());
}

/** Runs a provider call with `urn` as the resource its messages belong to. */
export function onResource<T>(urn: string, run: () => Promise<T>): Promise<T> {
  return current.run(urn, run);
}

export type Severity = "info" | "warning";

/** Sends one line to the engine log under the current resource (stderr when no engine is connected). */
export function engineLog(line: string, severity: Severity = "info"): void {
  const urn = current.getStore();
  if (!client) {
    process.stderr.write(`nicsrs: ${line}\n`);
    return;
  }
  const req = new engproto.LogRequest();
  req.setSeverity(severity === "warning" ? engproto.LogSeverity.WARNING : engproto.LogSeverity.INFO);
  req.setMessage(line);
  if (urn) req.setUrn(urn);
  client.log(req, (err) => {
    if (err) process.stderr.write(`nicsrs: ${line}\n`);
  });
}

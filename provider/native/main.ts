#!/usr/bin/env node
// pulumi-resource-nicsrs: the native provider plugin (`bin` of the npm package). The engine starts
// it with its own address as the argument and reads the port it prints.
import { main } from "@pulumi/pulumi/provider";
import { configureFromRequest, type ConfigureRequestProto } from "./configure";
import { setProgressSink } from "../poll";
import { connectEngineLog, engineLog } from "./engine-log";
import { loadGrpc } from "./grpc";
import { nativeProvider } from "./provider";

/* eslint-disable @typescript-eslint/no-require-imports */
const { version } = require("../../../package.json") as { version: string };

type Handler = (call: { request: ConfigureRequestProto }, callback: (err: unknown, resp?: unknown) => void) => void;

/**
 * The @pulumi/pulumi 3.270 provider server accepts Configure without passing its values on. Its
 * gRPC service object is wrapped as it is registered so that the request reaches ./configure first.
 */
function takeConfigureRequests(): void {
  const grpc = loadGrpc();
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (service: unknown, impl: Record<string, Handler>) {
    const configure = impl.configure;
    if (typeof configure === "function") {
      impl.configure = (call, callback) => {
        configureFromRequest(call.request).then(
          () => configure.call(impl, call, callback),
          (err) => callback(err),
        );
      };
    }
    return addService.call(this, service, impl);
  };
}

/** The engine's address: the first argument that is not a flag (`--tracing` takes a value). */
function engineAddress(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--tracing") i++;
    else if (!argv[i].startsWith("-")) return argv[i];
  }
  return undefined;
}

const args = process.argv.slice(2);
takeConfigureRequests();
connectEngineLog(engineAddress(args));
setProgressSink((line) => engineLog(line));
void main(nativeProvider(version), args);

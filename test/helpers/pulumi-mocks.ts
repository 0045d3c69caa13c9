// A mocked Pulumi program (pulumi.runtime.setMocks, project "proj", stack "dev") that records what
// every resource registration sends to the engine, and emulates the engine's handling of
// additionalSecretOutputs (the mock monitor ignores the option).
//
//   const registered: Registered[] = [];
//   before(() => mockPulumiProgram((args) => ({ id: "1", state: args.inputs }), registered));
import * as pulumi from "@pulumi/pulumi";
import * as settings from "@pulumi/pulumi/runtime/settings";

export interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  additionalSecretOutputs: string[];
}

/** Installs the mocks (calls answer their inputs); each registration is appended to `registered`. */
export async function mockPulumiProgram(newResource: pulumi.runtime.Mocks["newResource"], registered: Registered[]): Promise<void> {
  await pulumi.runtime.setMocks({ newResource, call: (args) => args.inputs }, "proj", "dev", false);
  const monitor = settings.getMonitor() as unknown as { registerResource: (req: unknown, cb: (err: unknown, resp: unknown) => void) => void };
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    const r = req as {
      getType(): string;
      getName(): string;
      getObject(): { toJavaScript(): Record<string, unknown> };
      getAdditionalsecretoutputsList(): string[];
    };
    const secretNames = r.getAdditionalsecretoutputsList();
    registered.push({ type: r.getType(), name: r.getName(), inputs: r.getObject().toJavaScript(), additionalSecretOutputs: secretNames });
    original(req, (err, resp) => {
      if (resp) {
        const res = resp as { getObject(): { toJavaScript(): Record<string, unknown> }; setObject(o: unknown): void };
        const obj = res.getObject().toJavaScript();
        for (const k of secretNames) {
          if (k in obj) obj[k] = { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: obj[k] };
        }
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const structproto = require("google-protobuf/google/protobuf/struct_pb");
        res.setObject(structproto.Struct.fromJavaScript(obj));
      }
      cb(err, resp);
    });
  };
}

/** The output's value, once known. */
export function outputValue<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => o.apply((v) => resolve(v)));
}

export function outputIsSecret(o: pulumi.Output<unknown>): Promise<boolean> {
  return (o as unknown as { isSecret: Promise<boolean> }).isSecret;
}

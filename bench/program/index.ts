import * as pulumi from "@pulumi/pulumi";
import { Certificate, CertificateValidation } from "pulumi-nicsrs";
import { administrator } from "../../test/provider/fixtures";
import { CERTIFICATE_FIELDS } from "../../provider/schema/certificate-fields";
import { secretNames } from "../../provider/schema/field-table";
import { quietPromiseStacks } from "../../provider/quiet-registration";

const config = new pulumi.Config("bench");
const kind = config.require("kind");
const count = config.requireNumber("count");
const validations = config.getNumber("validations") ?? 0;
const zone = config.get("zone") ?? "example.test";
const keyAlgorithm = config.get("keyAlgorithm") as "RSA" | "ECDSA" | undefined;

// The baseline: a dynamic provider that does nothing. The engine's default diff (inputs compared)
// applies, as it would to any resource without its own diff.
const noopProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `noop-${inputs.index}`, outs: inputs };
  },
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name: string, index: number) {
    super(noopProvider, name, { index }, {});
  }
}

// The names a Certificate registers as outputs (declared up front, as provider/certificate.ts does).
const CERTIFICATE_OUTPUT_NAMES = Object.keys(CERTIFICATE_FIELDS.outputs);

/** A no-op resource registering the same properties as a Certificate (an ablation: the cost of the property count alone). */
class NoopWide extends pulumi.dynamic.Resource {
  constructor(name: string, index: number, inputs: Record<string, unknown>) {
    const props: Record<string, unknown> = { index, ...inputs, refIdSeed: `${pulumi.getProject()}/${pulumi.getStack()}/${name}` };
    for (const k of CERTIFICATE_OUTPUT_NAMES) if (!(k in props)) props[k] = undefined;
    super(noopProvider, name, props, { additionalSecretOutputs: secretNames(CERTIFICATE_FIELDS.outputs) });
  }
}

/** NoopWide with the resource classes' quietPromiseStacks around the registration (an ablation: what that saves). */
class NoopWideQuiet extends pulumi.dynamic.Resource {
  constructor(name: string, index: number, inputs: Record<string, unknown>) {
    const props: Record<string, unknown> = { index, ...inputs, refIdSeed: `${pulumi.getProject()}/${pulumi.getStack()}/${name}` };
    for (const k of CERTIFICATE_OUTPUT_NAMES) if (!(k in props)) props[k] = undefined;
    const restore = quietPromiseStacks();
    try {
      super(noopProvider, name, props, { additionalSecretOutputs: secretNames(CERTIFICATE_FIELDS.outputs) });
    } finally {
      restore();
    }
  }
}

/** What a generated Node SDK's resource class is: a CustomResource of the plugin's type token. */
class NativeCertificate extends pulumi.CustomResource {
  constructor(name: string, props: Record<string, unknown>, opts: pulumi.CustomResourceOptions) {
    super("nicsrs:index:Certificate", name, props, opts);
  }
}

if (kind === "noop") {
  for (let i = 0; i < count; i++) new Noop(`r${i}`, i);
} else if (kind === "noop-wide") {
  for (let i = 0; i < count; i++) new NoopWide(`w${i}`, i, { productCode: "positivessl", domains: [`c${i}.${zone}`], administrator });
} else if (kind === "noop-wide-quiet") {
  for (let i = 0; i < count; i++) new NoopWideQuiet(`w${i}`, i, { productCode: "positivessl", domains: [`c${i}.${zone}`], administrator });
} else if (kind === "certificate") {
  for (let i = 0; i < count; i++) {
    const cert = new Certificate(`c${i}`, {
      productCode: "positivessl",
      domains: [`c${i}.${zone}`],
      administrator,
      ...(keyAlgorithm ? { key: { algorithm: keyAlgorithm } } : {}),
    });
    if (i < validations) new CertificateValidation(`c${i}-validation`, { certificate: cert, timeoutMinutes: 10 });
  }
} else if (kind === "native" || kind === "native-inputs") {
  // The native plugin's Certificate, registered as a generated Node SDK registers it: every input
  // (undefined when not given) and every output (undefined), the secret outputs named. `native-inputs`
  // (an ablation) registers only the given inputs, as a YAML program does.
  const nativeOutputs = Object.keys(CERTIFICATE_FIELDS.outputs);
  const nativeInputs = Object.keys(CERTIFICATE_FIELDS.inputs);
  const secretOutputs = secretNames(CERTIFICATE_FIELDS.outputs);
  for (let i = 0; i < count; i++) {
    const given: Record<string, unknown> = {
      productCode: "positivessl",
      domains: [`c${i}.${zone}`],
      administrator,
      ...(keyAlgorithm ? { key: { algorithm: keyAlgorithm } } : {}),
    };
    const props: Record<string, unknown> = kind === "native" ? {} : given;
    if (kind === "native") {
      for (const k of nativeInputs) props[k] = given[k];
      for (const k of nativeOutputs) if (!(k in props)) props[k] = undefined;
    }
    new NativeCertificate(`c${i}`, props, kind === "native" ? { additionalSecretOutputs: secretOutputs } : {});
  }
} else {
  throw new Error(`bench:kind must be "certificate", "native", "native-inputs", "noop" or "noop-wide", not ${JSON.stringify(kind)}`);
}

// The resource classes register with Error.stackTraceLimit = 0: @pulumi/pulumi stamps every promise
// it makes for a registered property with `new Error().stack` (read only by the promise-leak report),
// and formatting those stacks was most of a Certificate's program-side cost (bench/RESULTS.md).
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { Certificate, CertificateValidation, SectigoSslCertificate, SmimeCertificate } from "../../index";
import { mockPulumiProgram, outputValue, type Registered } from "../helpers/pulumi-mocks";
import { administrator } from "./fixtures";

type Construct = (name: string) => pulumi.CustomResource;

let certificateOutside: Certificate;

const CLASSES: [string, Construct][] = [
  ["Certificate", (n) => new Certificate(n, { productCode: "positivessl", domains: [`${n}.example.com`], administrator })],
  ["CertificateValidation", (n) => new CertificateValidation(n, { certificate: certificateOutside, timeoutMinutes: 5 })],
  ["SectigoSslCertificate", (n) => new SectigoSslCertificate(n, { orderNumber: "1234567" } as unknown as ConstructorParameters<typeof SectigoSslCertificate>[1])],
  ["SmimeCertificate", (n) => new SmimeCertificate(n, { orderNumber: "7654321" } as unknown as ConstructorParameters<typeof SmimeCertificate>[1])],
];

/** The frame counts of every stack formatted while `run` runs (the class constructor, synchronously). */
function stacksFormattedDuring(run: () => void): number[] {
  const frames: number[] = [];
  const original = Error.prepareStackTrace;
  Error.prepareStackTrace = (err, callSites) => {
    frames.push(callSites.length);
    return `${err}`;
  };
  try {
    run();
  } finally {
    Error.prepareStackTrace = original;
  }
  return frames;
}

describe("provider: resource registration without promise stacks", () => {
  const registered: Registered[] = [];
  const limit = Error.stackTraceLimit;
  before(async () => {
    await mockPulumiProgram((args) => ({ id: `${args.name}-id`, state: args.inputs }), registered);
    certificateOutside = new Certificate("outside", { productCode: "positivessl", domains: ["outside.example.com"], administrator });
  });
  beforeEach(() => {
    Error.stackTraceLimit = 17;
  });
  afterEach(() => {
    Error.stackTraceLimit = limit;
    delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
  });

  for (const [label, construct] of CLASSES) {
    it(`${label}: the promises made in the constructor carry empty stacks, and the limit is restored`, async () => {
      let res: pulumi.CustomResource | undefined;
      const frames = stacksFormattedDuring(() => (res = construct(`quiet-${label}`)));
      // Four promises per registered property, each with its stack formatted, all empty; the one stack
      // with frames is the resource's source position, which @pulumi/pulumi takes with its own limit.
      const empty = frames.filter((n) => n === 0).length;
      assert.ok(empty >= 8, `only ${empty} empty stacks were formatted: ${frames.join(",")}`);
      assert.equal(frames.length - empty, 1, `stacks with frames were formatted: ${frames.join(",")}`);
      assert.equal(Error.stackTraceLimit, 17);
      // The resource still registers and its id resolves.
      assert.equal(await outputValue(res!.id), `quiet-${label}-id`);
      assert.ok(registered.some((r) => r.name === `quiet-${label}`));
    });
  }

  it("PULUMI_DEBUG_PROMISE_LEAKS (the reader of those stacks) keeps them", () => {
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
    const frames = stacksFormattedDuring(() => new Certificate("leaky", { productCode: "positivessl", domains: ["leaky.example.com"], administrator }));
    assert.ok(frames.filter((n) => n > 0).length > 8, `the promise stacks were left empty: ${frames.join(",")}`);
  });

  it("a constructor that throws still restores the limit", () => {
    assert.throws(() => new Certificate("dup", { productCode: "positivessl", domains: ["d.example.com"], administrator }, { parent: {} as pulumi.Resource }));
    assert.equal(Error.stackTraceLimit, 17);
  });
});

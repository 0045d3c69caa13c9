// The `CertificateValidation` resource class: waits until the CA issued a Certificate's order.
// Same provider pattern as ./certificate.ts: one shared object, implementation loaded by package name.
import * as pulumi from "@pulumi/pulumi";
import type { Certificate } from "./certificate";
import { secretNames } from "./schema/field-table";
import { VALIDATION_FIELDS } from "./schema/validation-fields";
import { QuietDynamicResource } from "./quiet-registration";

/* eslint-disable @typescript-eslint/no-require-imports */
// No `delete`: validation is a wait, nothing exists at the CA to delete (the host skips a missing
// delete), and every method costs about 250 bytes of serialized provider in each resource's state.
const validationProvider: pulumi.dynamic.ResourceProvider = {
  configure: (...a) => require("pulumi-nicsrs/provider/validation-impl").configure(...a),
  check: (...a) => require("pulumi-nicsrs/provider/validation-impl").check(...a),
  diff: (...a) => require("pulumi-nicsrs/provider/validation-impl").diff(...a),
  create: (...a) => require("pulumi-nicsrs/provider/validation-impl").create(...a),
  read: (...a) => require("pulumi-nicsrs/provider/validation-impl").read(...a),
  update: (...a) => require("pulumi-nicsrs/provider/validation-impl").update(...a),
};

/** The provider object (exported for tests that serialize it). */
export const __validationProvider = validationProvider;

export interface CertificateValidationArgs {
  /** The certificate to wait for (its current certId; a reissue or renewal replaces this validation). */
  certificate?: Certificate;
  /** Or a certId directly. */
  certId?: pulumi.Input<string>;
  /** FQDNs of the DCV records the program created; create fails at once when they miss one of the certificate's DNS DCV records. */
  validationRecordFqdns?: pulumi.Input<pulumi.Input<string>[]>;
  /** How long create waits, in minutes (more than 0, at most 1440). Default 60. */
  timeoutMinutes?: pulumi.Input<number>;
  /** DNS pre-flight while waiting: each DCV record is looked up at its zone's authoritative servers. Default: config `nicsrs:dnsCheck` (on); false for split-horizon DNS the provider cannot see as the CA does. */
  dnsPreflight?: pulumi.Input<boolean>;
  /** Where DNS lookups start (walking NS delegation from there), e.g. ["1.1.1.1"] or ["127.0.0.1:5353"]. Default: config `nicsrs:dnsResolvers`, else the system's resolvers. */
  dnsResolvers?: pulumi.Input<pulumi.Input<string>[]>;
  /** Resolvers also asked, for the report only (what the world sees), e.g. ["8.8.8.8"]. */
  dnsCheckResolvers?: pulumi.Input<pulumi.Input<string>[]>;
  /** Give up early when a record is still missing or wrong after this many minutes (more than 0, at most 1440). Default: timeoutMinutes. */
  propagationTimeoutMinutes?: pulumi.Input<number>;
}

export const VALIDATION_SECRET_OUTPUTS = secretNames(VALIDATION_FIELDS.outputs);

const OUTPUT_NAMES = Object.keys(VALIDATION_FIELDS.outputs);

/**
 * Waits (in create) until the certificate is issued, polling with backoff; outputs the issued
 * material. Make it depend on the DNS records created from `Certificate.dcvRecords`.
 */
export class CertificateValidation extends QuietDynamicResource {
  declare public readonly certId: pulumi.Output<string>;
  declare public readonly status: pulumi.Output<string>;
  declare public readonly validatedDomains: pulumi.Output<string[]>;
  declare public readonly certificatePem: pulumi.Output<string>;
  declare public readonly caCertificatePem: pulumi.Output<string | undefined>;
  /** Leaf followed by the chain. */
  declare public readonly fullChainPem: pulumi.Output<string>;
  /** Secret. Only when the CA generated the key (keySource "ca"); otherwise use Certificate.privateKeyPem. */
  declare public readonly privateKeyPem: pulumi.Output<string | undefined>;
  /** Secret. */
  declare public readonly pkcs12: pulumi.Output<string | undefined>;
  /** Secret. */
  declare public readonly pkcs12Password: pulumi.Output<string | undefined>;
  declare public readonly notBefore: pulumi.Output<string>;
  declare public readonly notAfter: pulumi.Output<string>;
  declare public readonly serialNumber: pulumi.Output<string>;
  declare public readonly sha256Fingerprint: pulumi.Output<string>;
  declare public readonly subscriptionEndsAt: pulumi.Output<string | undefined>;
  declare public readonly validationRecordFqdns: pulumi.Output<string[] | undefined>;
  declare public readonly timeoutMinutes: pulumi.Output<number | undefined>;

  constructor(name: string, args: CertificateValidationArgs, opts?: pulumi.CustomResourceOptions) {
    const certId = args.certId ?? args.certificate?.certId;
    if (certId === undefined) throw new Error(`CertificateValidation ${name}: give \`certificate\` or \`certId\``);
    const props: Record<string, unknown> = {
      certId,
      validationRecordFqdns: args.validationRecordFqdns,
      timeoutMinutes: args.timeoutMinutes,
      dnsPreflight: args.dnsPreflight,
      dnsResolvers: args.dnsResolvers,
      dnsCheckResolvers: args.dnsCheckResolvers,
      propagationTimeoutMinutes: args.propagationTimeoutMinutes,
    };
    super(validationProvider, name, props, OUTPUT_NAMES, pulumi.mergeOptions(opts, { additionalSecretOutputs: VALIDATION_SECRET_OUTPUTS }), "nicsrs", "CertificateValidation");
  }
}

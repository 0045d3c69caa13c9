// The `SmimeCertificate` resource: an S/MIME certificate for an order placed at Sectigo beforehand.
// The key and CSR are made locally (or the CSR is yours); the CSR is submitted once and the certificate
// collected until issued. The provider object captures nothing (see ./certificate.ts).
import * as pulumi from "@pulumi/pulumi";
import { secretNames } from "./schema/field-table";
import { SECTIGO_SMIME_FIELDS } from "./schema/sectigo-smime-fields";
import { QuietDynamicResource } from "./quiet-registration";

/* eslint-disable @typescript-eslint/no-require-imports */
const smimeProvider: pulumi.dynamic.ResourceProvider = {
  configure: (...a) => require("pulumi-nicsrs/provider/sectigo-smime-impl").configure(...a),
  check: (...a) => require("pulumi-nicsrs/provider/sectigo-smime-impl").check(...a),
  diff: (...a) => require("pulumi-nicsrs/provider/sectigo-smime-impl").diff(...a),
  create: (...a) => require("pulumi-nicsrs/provider/sectigo-smime-impl").create(...a),
  read: (...a) => require("pulumi-nicsrs/provider/sectigo-smime-impl").read(...a),
  update: (...a) => require("pulumi-nicsrs/provider/sectigo-smime-impl").update(...a),
  delete: (...a) => require("pulumi-nicsrs/provider/sectigo-smime-impl").delete(...a),
};

/** The provider object (exported for tests that serialize it). */
export const __smimeProvider = smimeProvider;

export interface SmimeKeyArgs {
  /** Default "RSA". */
  algorithm?: pulumi.Input<"RSA" | "ECDSA">;
  /** RSA only; default 2048. */
  rsaBits?: pulumi.Input<2048 | 3072 | 4096>;
  /** ECDSA only; default "P-256". */
  curve?: pulumi.Input<"P-256" | "P-384">;
}

export interface SmimeCertificateArgs {
  /** The S/MIME order's number. Give this or `collectionCode`. */
  orderNumber?: pulumi.Input<string>;
  /** The order's collection code (AutoApplyOrder showCollectionCode=Y). Give this or `orderNumber`. */
  collectionCode?: pulumi.Input<string>;
  /** The mailbox: common name and SAN of the generated CSR. Needed unless `csr` is given. */
  email?: pulumi.Input<string>;
  /** Your own PKCS#10 CSR (PEM); no key is generated then. */
  csr?: pulumi.Input<string>;
  /** The key generated with the CSR (default RSA 2048). */
  key?: pulumi.Input<SmimeKeyArgs>;
  /** How long create waits for issuance, in minutes (at most 1440). Default 60. */
  waitTimeoutMinutes?: pulumi.Input<number>;
}

export const SMIME_SECRET_OUTPUTS = secretNames(SECTIGO_SMIME_FIELDS.outputs);

const OUTPUT_NAMES = Object.keys(SECTIGO_SMIME_FIELDS.outputs);

export class SmimeCertificate extends QuietDynamicResource {
  declare public readonly orderNumber: pulumi.Output<string | undefined>;
  declare public readonly collectionCode: pulumi.Output<string | undefined>;
  /** 2 / 1 issued, 0 being processed; negative: the last Sectigo code (-20 rejected, -21 revoked, -22 unpaid, -154 e-mail not verified). */
  declare public readonly statusCode: pulumi.Output<number>;
  /** "issued", "processing", "rejected", "revoked", "awaiting_payment", "awaiting_email_verification". */
  declare public readonly status: pulumi.Output<string>;
  declare public readonly statusMessage: pulumi.Output<string | undefined>;
  /** Whether Sectigo has the CSR. */
  declare public readonly csrSubmitted: pulumi.Output<boolean>;
  declare public readonly csrPem: pulumi.Output<string>;
  /** Secret. PKCS#8; absent when you gave the CSR. */
  declare public readonly privateKeyPem: pulumi.Output<string | undefined>;
  declare public readonly certificatePem: pulumi.Output<string | undefined>;
  /** The CA certificates, the leaf's issuer first, the root last. */
  declare public readonly chainPem: pulumi.Output<string | undefined>;
  declare public readonly fullChainPem: pulumi.Output<string | undefined>;
  declare public readonly notBefore: pulumi.Output<string | undefined>;
  declare public readonly notAfter: pulumi.Output<string | undefined>;
  declare public readonly serialNumber: pulumi.Output<string | undefined>;
  declare public readonly sha256Fingerprint: pulumi.Output<string | undefined>;
  /** The e-mail addresses in the certificate's SAN. */
  declare public readonly emails: pulumi.Output<string[] | undefined>;

  constructor(name: string, args: SmimeCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    super(smimeProvider, name, { ...args }, OUTPUT_NAMES, pulumi.mergeOptions(opts, { additionalSecretOutputs: SMIME_SECRET_OUTPUTS }), "sectigo", "SmimeCertificate");
  }
}

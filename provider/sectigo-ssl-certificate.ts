// The `SectigoSslCertificate` resource: adopts an SSL order at Sectigo (for instance the one behind a
// NicSRS `Certificate`, whose `vendorId` is Sectigo's order number) and outputs its certificate.
// The provider object loads its implementation by package name at call time and captures nothing
// (see ./certificate.ts for why).
import * as pulumi from "@pulumi/pulumi";
import { SECTIGO_SSL_FIELDS } from "./schema/sectigo-ssl-fields";
import { QuietDynamicResource } from "./quiet-registration";

/* eslint-disable @typescript-eslint/no-require-imports */
const sectigoSslProvider: pulumi.dynamic.ResourceProvider = {
  configure: (...a) => require("pulumi-nicsrs/provider/sectigo-ssl-impl").configure(...a),
  check: (...a) => require("pulumi-nicsrs/provider/sectigo-ssl-impl").check(...a),
  diff: (...a) => require("pulumi-nicsrs/provider/sectigo-ssl-impl").diff(...a),
  create: (...a) => require("pulumi-nicsrs/provider/sectigo-ssl-impl").create(...a),
  read: (...a) => require("pulumi-nicsrs/provider/sectigo-ssl-impl").read(...a),
  update: (...a) => require("pulumi-nicsrs/provider/sectigo-ssl-impl").update(...a),
  delete: (...a) => require("pulumi-nicsrs/provider/sectigo-ssl-impl").delete(...a),
};

/** The provider object (exported for tests that serialize it). */
export const __sectigoSslProvider = sectigoSslProvider;

export interface SectigoSslCertificateArgs {
  /** Sectigo order number (a NicSRS `Certificate`'s `vendorId`). Give this or `certificateId`. */
  orderNumber?: pulumi.Input<string>;
  /** Sectigo certificate ID (a NicSRS `Certificate`'s `vendorCertId`). Give this or `orderNumber`. */
  certificateId?: pulumi.Input<string>;
  /** Wait in create / update until the certificate is issued. Default false. */
  waitForIssuance?: pulumi.Input<boolean>;
  /** Limit for waitForIssuance, in minutes (at most 1440). Default 60. */
  waitTimeoutMinutes?: pulumi.Input<number>;
}

const OUTPUT_NAMES = Object.keys(SECTIGO_SSL_FIELDS.outputs);

export class SectigoSslCertificate extends QuietDynamicResource {
  declare public readonly orderNumber: pulumi.Output<string | undefined>;
  declare public readonly certificateId: pulumi.Output<string | undefined>;
  /** 2 / 1 issued, 0 being processed; -20 rejected, -21 revoked, -22 awaiting payment. */
  declare public readonly statusCode: pulumi.Output<number>;
  /** "issued", "processing", "rejected", "revoked" or "awaiting_payment". */
  declare public readonly status: pulumi.Output<string>;
  /** Sectigo's message for rejected / revoked / unpaid orders. */
  declare public readonly statusMessage: pulumi.Output<string | undefined>;
  /** Sectigo's certificate status, e.g. "Awaiting Validation", "Issued", "Revoked". */
  declare public readonly certificateStatus: pulumi.Output<string | undefined>;
  /** e.g. "Complete", "Awaiting Legal Documents", "Awaiting Brand Validation". */
  declare public readonly validationStatus: pulumi.Output<string | undefined>;
  declare public readonly fqdn: pulumi.Output<string | undefined>;
  /** Multi-domain orders while processing: domain → VALIDATED / NOTVALIDATED / AWAITINGBRAND. */
  declare public readonly mdcDomainDetails: pulumi.Output<Record<string, string> | undefined>;
  /** csr, dcv, ovCallback, organizationValidation, freeDVUP, evClickThrough, brandVal → -1 n/a, 0 not completed, 1 completed, 2 in progress. */
  declare public readonly statusDetails: pulumi.Output<Record<string, number> | undefined>;
  /** CAA check: "Authorized", "Not Authorized", "Awaiting Completion", … */
  declare public readonly caaStatus: pulumi.Output<string | undefined>;
  /** The end-entity certificate (PEM). */
  declare public readonly certificatePem: pulumi.Output<string | undefined>;
  /** The CA certificates, the leaf's issuer first, the root last. */
  declare public readonly chainPem: pulumi.Output<string | undefined>;
  declare public readonly fullChainPem: pulumi.Output<string | undefined>;
  /** ISO 8601. */
  declare public readonly notBefore: pulumi.Output<string | undefined>;
  declare public readonly notAfter: pulumi.Output<string | undefined>;
  declare public readonly serialNumber: pulumi.Output<string | undefined>;
  declare public readonly sha256Fingerprint: pulumi.Output<string | undefined>;
  declare public readonly sans: pulumi.Output<string[] | undefined>;

  constructor(name: string, args: SectigoSslCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    super(sectigoSslProvider, name, { ...args }, OUTPUT_NAMES, opts, "sectigo", "SslCertificate");
  }
}

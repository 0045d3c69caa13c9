// The `Certificate` resource class. Its dynamic provider is one shared object whose methods load
// the implementation by package name at call time: Pulumi serializes the provider into every
// resource's state, and this keeps that text small (no captured schemas, clients or secrets) and
// resolvable from the program's directory, where the provider process runs.
import * as pulumi from "@pulumi/pulumi";
import type { Contact, DcvMethod, OrganizationInfo } from "../sdk/nicsrs/wire-types";
import type { DcvEmailOut, DcvFileOut, DcvRecordOut } from "./certificate-outputs";
import { CERTIFICATE_FIELDS } from "./schema/certificate-fields";
import { secretNames } from "./schema/field-table";
import { QuietDynamicResource } from "./quiet-registration";

/* eslint-disable @typescript-eslint/no-require-imports */
// Each method requires the implementation itself: the closure serializer leaves `require` alone
// (it is a Node module global), and a shared helper would be captured and serialized too.
const certificateProvider: pulumi.dynamic.ResourceProvider = {
  configure: (...a) => require("pulumi-nicsrs/provider/cert-impl").configure(...a),
  check: (...a) => require("pulumi-nicsrs/provider/cert-impl").check(...a),
  diff: (...a) => require("pulumi-nicsrs/provider/cert-impl").diff(...a),
  create: (...a) => require("pulumi-nicsrs/provider/cert-impl").create(...a),
  read: (...a) => require("pulumi-nicsrs/provider/cert-impl").read(...a),
  update: (...a) => require("pulumi-nicsrs/provider/cert-impl").update(...a),
  delete: (...a) => require("pulumi-nicsrs/provider/cert-impl").delete(...a),
};

/** The provider object (exported for tests that serialize it). */
export const __certificateProvider = certificateProvider;

export type ContactArgs = { [K in keyof Contact]: pulumi.Input<Contact[K]> };
export type OrganizationArgs = { [K in keyof OrganizationInfo]: pulumi.Input<OrganizationInfo[K]> };

export interface DomainDcvArgs {
  /** DCV method for this domain (overrides `dcvMethod`). */
  method?: pulumi.Input<DcvMethod>;
  /** Approver mailbox for EMAIL DCV: admin@, administrator@, postmaster@, webmaster@ or hostmaster@ the domain or a parent. */
  email?: pulumi.Input<string>;
}

export interface KeyArgs {
  /** Default "RSA". */
  algorithm?: pulumi.Input<"RSA" | "ECDSA">;
  /** RSA only; default 2048. */
  rsaBits?: pulumi.Input<2048 | 3072 | 4096>;
  /** ECDSA only; default "P-256". */
  curve?: pulumi.Input<"P-256" | "P-384">;
}

export type DeletePolicy = "cancelPending" | "retain" | "cancel" | "revoke";

export interface CertificateArgs {
  /** NicSRS product code, e.g. "positivessl", "positivessl-multi-domain", "positivessl-wildcard", "sectigo-ov". */
  productCode: pulumi.Input<string>;
  /** Subscription length in years (1-6, as the product allows). Default 1. */
  years?: pulumi.Input<number>;
  /** Domain names; the first is the common name. Wildcards (`*.example.com`) where the product allows. */
  domains: pulumi.Input<pulumi.Input<string>[]>;
  /** Default "CNAME_CSR_HASH". */
  dcvMethod?: pulumi.Input<DcvMethod>;
  /** Approver mailbox for EMAIL DCV (domains without their own `domainDcv` email). */
  dcvEmail?: pulumi.Input<string>;
  /** Per-domain DCV overrides, keyed by a name in `domains`. */
  domainDcv?: pulumi.Input<Record<string, pulumi.Input<DomainDcvArgs>>>;
  /** Server platform sent with the order (e.g. "other"). */
  server?: pulumi.Input<string>;
  /** Sectigo `uniqueValue` (1-20 letters and digits), appended to CSR-hash DCV values. */
  uniqueValue?: pulumi.Input<string>;
  /** Administrator contact, sent with every paid order (place, renewal): required unless `certId` adopts an existing order. */
  administrator?: pulumi.Input<ContactArgs>;
  /** Technical contact (required for OV/EV). */
  tech?: pulumi.Input<ContactArgs>;
  /** Finance contact (required for OV/EV). */
  finance?: pulumi.Input<ContactArgs>;
  /** Organization (required for OV/EV). */
  organization?: pulumi.Input<OrganizationArgs>;
  /** Your own CSR (PEM). The private key then stays with you; renewals reuse this CSR. */
  csr?: pulumi.Input<string>;
  /** Key generated locally with its CSR (default RSA 2048); a fresh one on every reissue / renew. */
  key?: pulumi.Input<KeyArgs>;
  /** "local" (default): key and CSR made here; "ca": NicSRS generates the key (outputs pkcs12). */
  keySource?: pulumi.Input<"local" | "ca">;
  /**
   * Absolute path of a file holding the private key (local keys): created with mode 0600 when
   * absent, reused for reissues and renewals, never a Pulumi output (privateKeyPem stays empty).
   * The file is read and written on the machine that runs `pulumi up`.
   */
  privateKeyFile?: pulumi.Input<string>;
  /** Days before notAfter when reissue / renew is planned (1-90, at most half the lifetime). Default 30. */
  renewBeforeDays?: pulumi.Input<number>;
  /** Wait in create / update until the certificate is issued. Default false (use CertificateValidation). */
  waitForIssuance?: pulumi.Input<boolean>;
  /** Limit for waitForIssuance, in minutes (more than 0, at most 1440). Default 60. */
  waitTimeoutMinutes?: pulumi.Input<number>;
  /** What destroy does at the CA. Default "cancelPending". */
  deletePolicy?: pulumi.Input<DeletePolicy>;
  /** Idempotency key of the first order (1-64 chars). Default: derived from the stack, the resource's parents and name, and how often it was replaced (never from inputs you may edit). */
  refId?: pulumi.Input<string>;
  /** Adopt an existing order instead of placing one (collected, not placed). */
  certId?: pulumi.Input<string>;
}

export const CERTIFICATE_SECRET_OUTPUTS = secretNames(CERTIFICATE_FIELDS.outputs);

/** Every output, declared on the resource so that each is an Output even when the program leaves it unset. */
const OUTPUT_NAMES = Object.keys(CERTIFICATE_FIELDS.outputs);

/**
 * The stable half of the derived refId: project, stack, the parent's URN and the resource name.
 * A plain string, computed synchronously: an input built from `parent.urn` would make the parent a
 * dependency, and Pulumi expands a dependency on a component to all its children — a cycle (the
 * program never finishes registering) for a Certificate beside its DNS records and validation.
 */
export function refIdSeed(name: string, opts?: pulumi.CustomResourceOptions): string {
  const base = `${pulumi.getProject()}/${pulumi.getStack()}`;
  const parent = opts?.parent;
  return parent ? `${base}/${urnOf(parent)}/${name}` : `${base}/${name}`;
}

const STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * The URN the engine gives `res` (urn:pulumi:<stack>::<project>::<parent types $-joined>::<name>),
 * from the type and name every Resource records at construction, walking up its parents.
 */
export function urnOf(res: pulumi.Resource): string {
  const chain: { type: string; name: string }[] = [];
  for (let r: pulumi.Resource | undefined = res; r; r = (r as unknown as { __parentResource?: pulumi.Resource }).__parentResource) {
    const { __pulumiType: type, __name: name } = r as unknown as { __pulumiType?: string; __name?: string };
    if (type === STACK_TYPE) break;
    chain.unshift({ type: type ?? "", name: name ?? "" });
  }
  const types = chain.map((c) => c.type).join("$");
  return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${types}::${chain[chain.length - 1]?.name ?? ""}`;
}

/**
 * A TLS certificate ordered through NicSRS: place → DCV records out → (CertificateValidation waits)
 * → issued material; reissued or renewed when its end nears; destroyed by `deletePolicy`.
 */
export class Certificate extends QuietDynamicResource {
  /** The current order's certId (the resource id stays the first one). */
  declare public readonly certId: pulumi.Output<string>;
  /** The refId the current order was sent with. */
  declare public readonly refId: pulumi.Output<string>;
  /** CA status: PENDING, PROCESSING, COMPLETE, CANCELLED, REVOKED, EXPIRED, FAILED. */
  declare public readonly status: pulumi.Output<string>;
  declare public readonly vendorId: pulumi.Output<string | undefined>;
  declare public readonly vendorCertId: pulumi.Output<string | undefined>;
  /** DNS records to create for DCV (CNAME_CSR_HASH: `_<md5>.<domain>` CNAME). */
  declare public readonly dcvRecords: pulumi.Output<DcvRecordOut[]>;
  /** Files to serve for HTTP(S) DCV. */
  declare public readonly dcvFiles: pulumi.Output<DcvFileOut[]>;
  /** Approver mailboxes for EMAIL DCV. */
  declare public readonly dcvEmails: pulumi.Output<DcvEmailOut[]>;
  /** Domains the CA reported validated at the last collect. */
  declare public readonly validatedDomains: pulumi.Output<string[]>;
  declare public readonly csrPem: pulumi.Output<string | undefined>;
  /** Secret. The local key (keySource "local"), or the CA's once issued (keySource "ca"). */
  declare public readonly privateKeyPem: pulumi.Output<string | undefined>;
  declare public readonly certificatePem: pulumi.Output<string | undefined>;
  declare public readonly caCertificatePem: pulumi.Output<string | undefined>;
  declare public readonly fullChainPem: pulumi.Output<string | undefined>;
  /** Secret. Base64 PKCS#12 when the CA generated the key. */
  declare public readonly pkcs12: pulumi.Output<string | undefined>;
  /** Secret. */
  declare public readonly pkcs12Password: pulumi.Output<string | undefined>;
  declare public readonly notBefore: pulumi.Output<string | undefined>;
  declare public readonly notAfter: pulumi.Output<string | undefined>;
  declare public readonly serialNumber: pulumi.Output<string | undefined>;
  declare public readonly sha256Fingerprint: pulumi.Output<string | undefined>;
  /** End of the paid subscription (the CA's dueDate). */
  declare public readonly subscriptionEndsAt: pulumi.Output<string | undefined>;
  declare public readonly placedAt: pulumi.Output<string | undefined>;
  /** When the renewal planner starts reissuing / renewing (from notAfter, or its estimate). */
  declare public readonly renewalWindowOpensAt: pulumi.Output<string | undefined>;
  /** certIds this resource's earlier orders had, oldest first. */
  declare public readonly previousCertIds: pulumi.Output<string[] | undefined>;
  /**
   * Issued orders found under this resource's refId from a failed run whose inputs were edited
   * since: kept at the CA (not cancelled automatically), and not touched by delete.
   */
  declare public readonly unclaimedCertIds: pulumi.Output<string[] | undefined>;
  /** True when the issued certificate does not match the key in state (fixed by a reissue on the next up). */
  declare public readonly keyMismatch: pulumi.Output<boolean | undefined>;
  /** What the last create/update did at the CA and whether it was paid, e.g. "new order (paid: positivessl, 1 year)", "free reissue inside the subscription". */
  declare public readonly lastAction: pulumi.Output<string | undefined>;
  declare public readonly productCode: pulumi.Output<string>;
  declare public readonly domains: pulumi.Output<string[]>;
  declare public readonly years: pulumi.Output<number | undefined>;

  constructor(name: string, args: CertificateArgs, opts?: pulumi.CustomResourceOptions) {
    const props: Record<string, unknown> = { ...args, refIdSeed: refIdSeed(name, opts) };
    super(certificateProvider, name, props, OUTPUT_NAMES, pulumi.mergeOptions(opts, { additionalSecretOutputs: CERTIFICATE_SECRET_OUTPUTS }), "nicsrs", "Certificate");
  }
}

// Certificate: every input and output, read off provider/certificate.ts (the Args interface and the
// declared outputs), certificate-inputs.ts (defaults, allowed values) and certificate-diff.ts
// (replace, stable and create-only keys). test/unit/schema-fields.test.ts holds the two in step.
import { DCV_METHODS } from "../../sdk/nicsrs/wire";
import type { Field, ResourceTable } from "./field-table";
import { ref } from "./object-types";

const str = (description: string, extra: Partial<Field> = {}): Field => ({ type: "string", description, ...extra });
const strList = (description: string, extra: Partial<Field> = {}): Field => ({ type: { array: "string" }, description, ...extra });

const inputs = {
  productCode: str('NicSRS product code, e.g. "positivessl", "positivessl-multi-domain", "positivessl-wildcard", "sectigo-ov".', {
    required: true,
    replaceOnChanges: true,
    stable: true,
  }),
  years: { type: "integer", description: "Subscription length in years (1-6, as the product allows).", default: 1 },
  domains: strList("Domain names; the first is the common name. Wildcards (`*.example.com`) where the product allows.", {
    required: true,
    replaceOnChanges: true,
    stable: true,
  }),
  dcvMethod: str("DCV method of every domain without its own `domainDcv` method.", { allowed: DCV_METHODS, default: "CNAME_CSR_HASH" }),
  dcvEmail: str("Approver mailbox for EMAIL DCV (domains without their own `domainDcv` email)."),
  domainDcv: { type: { map: ref("DomainDcv") }, description: "Per-domain DCV overrides, keyed by a name in `domains`." },
  server: str('Server platform sent with the order (e.g. "other").'),
  uniqueValue: str("Sectigo `uniqueValue` (1-20 letters and digits), appended to CSR-hash DCV values.", { replaceOnChanges: true, stable: true }),
  administrator: { type: ref("Contact"), description: "Administrator contact (required by the API).", required: true },
  tech: { type: ref("Contact"), description: "Technical contact (required for OV/EV)." },
  finance: { type: ref("Contact"), description: "Finance contact (required for OV/EV)." },
  organization: { type: ref("Organization"), description: "Organization (required for OV/EV)." },
  csr: str("Your own CSR (PEM). The private key then stays with you; renewals reuse this CSR.", { replaceOnChanges: true, stable: true }),
  key: {
    type: ref("Key"),
    description: "Key generated locally with its CSR (default RSA 2048); a fresh one on every reissue / renew.",
    replaceOnChanges: true,
    stable: true,
  },
  keySource: str('"local": key and CSR made here; "ca": NicSRS generates the key (outputs pkcs12).', {
    allowed: ["local", "ca"],
    default: "local",
    replaceOnChanges: true,
    stable: true,
  }),
  privateKeyFile: str(
    "Absolute path of a file holding the private key (local keys): created with mode 0600 when absent, reused for reissues and renewals, never a Pulumi output (privateKeyPem stays empty).",
  ),
  renewBeforeDays: { type: "integer", description: "Days before notAfter when reissue / renew is planned (1-90, at most half the lifetime).", default: 30 },
  waitForIssuance: { type: "boolean", description: "Wait in create / update until the certificate is issued (otherwise use CertificateValidation).", default: false },
  waitTimeoutMinutes: { type: "number", description: "Limit for waitForIssuance, in minutes (more than 0, at most 1440).", default: 60 },
  deletePolicy: str("What destroy does at the CA.", { allowed: ["cancelPending", "retain", "cancel", "revoke"], default: "cancelPending" }),
  refId: str("Idempotency key of the first order (1-64 chars). Default: derived from the stack, the resource name and the order's inputs.", {
    createOnly: true,
  }),
  certId: str("Adopt an existing order instead of placing one (collected, not placed).", { replaceOnChanges: true }),
} as const satisfies Record<string, Field>;

const outputs = {
  certId: str("The current order's certId (the resource id stays the first one).", { required: true }),
  refId: str("The refId the current order was sent with."),
  status: str("CA status: PENDING, PROCESSING, COMPLETE, CANCELLED, REVOKED, EXPIRED, FAILED.", { required: true }),
  vendorId: str("The CA vendor's order id (Sectigo's order number)."),
  vendorCertId: str("The CA vendor's certificate id."),
  dcvRecords: { type: { array: ref("DcvRecord") }, description: "DNS records to create for DCV (CNAME_CSR_HASH: `_<md5>.<domain>` CNAME)." },
  dcvFiles: { type: { array: ref("DcvFile") }, description: "Files to serve for HTTP(S) DCV." },
  dcvEmails: { type: { array: ref("DcvEmail") }, description: "Approver mailboxes for EMAIL DCV." },
  validatedDomains: strList("Domains the CA reported validated at the last collect."),
  csrPem: str("The CSR the order was sent with."),
  privateKeyPem: str('The local key (keySource "local"), or the CA\'s once issued (keySource "ca").', { secret: true }),
  certificatePem: str("The issued certificate (PEM)."),
  caCertificatePem: str("The CA chain (PEM)."),
  fullChainPem: str("Leaf followed by the chain."),
  pkcs12: str("Base64 PKCS#12 when the CA generated the key.", { secret: true }),
  pkcs12Password: str("Password of pkcs12.", { secret: true }),
  notBefore: str("Start of the certificate's validity (ISO 8601)."),
  notAfter: str("End of the certificate's validity (ISO 8601)."),
  serialNumber: str("The certificate's serial number."),
  sha256Fingerprint: str("SHA-256 fingerprint of the certificate."),
  subscriptionEndsAt: str("End of the paid subscription (the CA's dueDate)."),
  placedAt: str("When the current order was placed."),
  renewalWindowOpensAt: str("When the renewal planner starts reissuing / renewing (from notAfter, or its estimate)."),
  previousCertIds: strList("certIds this resource's earlier orders had, oldest first."),
  unclaimedCertIds: strList(
    "Issued orders found under this resource's refId from a failed run whose inputs were edited since: kept at the CA (not cancelled automatically), and not touched by delete.",
  ),
  lastAction: str('What the last create/update did at the CA and whether it was paid, e.g. "new order (paid: positivessl, 1 year)", "free reissue inside the subscription".'),
  keyMismatch: { type: "boolean", description: "True when the issued certificate does not match the key in state (fixed by a reissue on the next up)." },
  productCode: str("The product code (input echo).", { required: true }),
  domains: strList("The domain names (input echo).", { required: true }),
  years: { type: "integer", description: "Subscription length in years (input echo)." },
} as const satisfies Record<string, Field>;

export const CERTIFICATE_FIELDS = {
  token: "nicsrs:index:Certificate",
  description:
    "A TLS certificate ordered through NicSRS: place → DCV records out → (CertificateValidation waits) → issued material; reissued or renewed when its end nears; destroyed by `deletePolicy`.",
  inputs,
  outputs,
} as const satisfies ResourceTable;

/** Inputs the resource class adds itself (not user inputs): the stable half of the derived refId. */
export const CERTIFICATE_HIDDEN_INPUTS = { refIdSeed: { stable: true, createOnly: true }, orderGeneration: { createOnly: true } } as const;

// Certificate: every input and output. The dynamic provider derives from it its defaults, the diff's
// replace, stable and create-only keys, the check's allowed-values text, the secret and declared
// outputs; the public CertificateArgs stays hand-written (test/unit/schema-fields.test.ts keeps it in step).
import { DCV_EMAIL_LOCAL_PARTS, DCV_METHODS } from "../../sdk/nicsrs/wire";
import { field, type Field, type ResourceTable } from "./field-table";
import { ref } from "./object-types";

const str = field("string");
const MAILBOXES = DCV_EMAIL_LOCAL_PARTS.map((l) => `${l}@`).join(", ");
const CONTACT_ALLOWED = "a contact { firstName, lastName, job, email, mobile, address, city, state, postCode, country, organization }";
const strList = field({ array: "string" } as const);

const inputs = {
  productCode: str('NicSRS product code, e.g. "positivessl", "positivessl-multi-domain", "positivessl-wildcard", "sectigo-ov".', {
    required: true,
    replaceOnChanges: true,
    stable: true,
    allowedText: 'a NicSRS product code such as "positivessl-multi-domain"',
  }),
  years: field("integer")("Subscription length in years (1-6, as the product allows).", { default: 1, allowedText: "an integer from 1 to 6" }),
  domains: strList("Domain names; the first is the common name. Wildcards (`*.example.com`) where the product allows.", {
    required: true,
    replaceOnChanges: true,
    stable: true,
    allowedText: "a list of 1 or more domain names, the first one the common name",
  }),
  dcvMethod: str("DCV method of every domain without its own `domainDcv` method.", { allowed: DCV_METHODS, default: "CNAME_CSR_HASH" }),
  dcvEmail: str("Approver mailbox for EMAIL DCV (domains without their own `domainDcv` email).", { allowedText: `an approved DCV mailbox: ${MAILBOXES} the domain or a parent domain` }),
  domainDcv: field({ map: ref("DomainDcv") })("Per-domain DCV overrides, keyed by a name in `domains`.", {
    allowedText: "an object mapping a name in `domains` to { method?, email? }",
  }),
  server: str('Server platform sent with the order (e.g. "other").', { allowedText: 'a server platform such as "other"' }),
  uniqueValue: str("Sectigo `uniqueValue` (1-20 letters and digits), appended to CSR-hash DCV values.", {
    replaceOnChanges: true,
    stable: true,
    allowedText: "1-20 characters from a-z, A-Z, 0-9",
  }),
  administrator: field(ref("Contact"))("Administrator contact (required by the API).", { required: true, allowedText: CONTACT_ALLOWED }),
  tech: field(ref("Contact"))("Technical contact (required for OV/EV).", { allowedText: CONTACT_ALLOWED }),
  finance: field(ref("Contact"))("Finance contact (required for OV/EV).", { allowedText: CONTACT_ALLOWED }),
  organization: field(ref("Organization"))("Organization (required for OV/EV).", {
    allowedText: "{ organizationName, organizationCity, organizationMobile, organizationAddress, organizationCountry, organizationPostCode, organizationState? }",
  }),
  csr: str("Your own CSR (PEM). The private key then stays with you; renewals reuse this CSR.", {
    replaceOnChanges: true,
    stable: true,
    allowedText: "a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----)",
  }),
  key: field(ref("Key"))("Key generated locally with its CSR (default RSA 2048); a fresh one on every reissue / renew.", {
    replaceOnChanges: true,
    stable: true,
    allowedText: '{ algorithm?: "RSA" | "ECDSA", rsaBits?: 2048 | 3072 | 4096, curve?: "P-256" | "P-384" }',
  }),
  keySource: str('"local": key and CSR made here; "ca": NicSRS generates the key (outputs pkcs12).', {
    allowed: ["local", "ca"],
    default: "local",
    replaceOnChanges: true,
    stable: true,
  }),
  privateKeyFile: str(
    "Absolute path of a file holding the private key (local keys): created with mode 0600 when absent, reused for reissues and renewals, never a Pulumi output (privateKeyPem stays empty).",
    { allowedText: "an absolute path of the private key file (created with mode 0600 when absent)" },
  ),
  renewBeforeDays: field("integer")("Days before notAfter when reissue / renew is planned (1-90, at most half the lifetime).", {
    default: 30,
    allowedText: "an integer from 1 to 90",
  }),
  waitForIssuance: field("boolean")("Wait in create / update until the certificate is issued (otherwise use CertificateValidation).", {
    default: false,
    allowedText: "true or false",
  }),
  waitTimeoutMinutes: field("number")("Limit for waitForIssuance, in minutes (more than 0, at most 1440).", {
    default: 60,
    allowedText: "minutes, more than 0 and at most 1440",
  }),
  deletePolicy: str("What destroy does at the CA.", { allowed: ["cancelPending", "retain", "cancel", "revoke"], default: "cancelPending" }),
  refId: str("Idempotency key of the first order (1-64 chars). Default: derived from the stack, the resource name and the order's inputs.", {
    createOnly: true,
    allowedText: "1-64 characters",
  }),
  certId: str("Adopt an existing order instead of placing one (collected, not placed).", {
    replaceOnChanges: true,
    allowedText: 'a NicSRS certId such as "260113vghhracpaw"',
  }),
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

/**
 * Inputs the provider adds itself (not user inputs): the two halves of the derived refId, set by the
 * resource class (refIdSeed) and by check (orderGeneration).
 */
export const CERTIFICATE_HIDDEN_INPUTS = {
  refIdSeed: { stable: true, createOnly: true, allowedText: "a string (set by the resource class)" },
  orderGeneration: { createOnly: true, allowedText: "an integer of at least 1 (set by check)" },
} as const satisfies Record<string, Partial<Field>>;

/**
 * Outputs kept in state that are no field of the table: `certId` and `refId` are outputs there (the
 * current order), so the inputs of those names are stored as `adoptedCertId` and `requestedRefId`;
 * the adopted certId never changes in place.
 */
export const CERTIFICATE_STORED_INPUTS = { certId: "adoptedCertId", refId: "requestedRefId" } as const;
export const CERTIFICATE_STABLE_STATE = ["adoptedCertId"] as const;

// Certificate: every input and output. The dynamic provider derives from it its defaults, the diff's
// replace, stable and create-only keys, the check's allowed-values text, the secret and declared
// outputs; the public CertificateArgs stays hand-written (test/unit/schema-fields.test.ts keeps it in step).
import { DCV_EMAIL_LOCAL_PARTS, DCV_METHODS } from "../../sdk/nicsrs/wire-types";
import { field, type Field, type ResourceTable } from "./field-table";
import { ref } from "./object-types";

const str = field("string");
const MAILBOXES = DCV_EMAIL_LOCAL_PARTS.map((l) => `${l}@`).join(", ");
const CONTACT_ALLOWED = "a contact { firstName, lastName, job, email, mobile, address, city, state, postCode, country, organization }";
const strList = field({ array: "string" } as const);

const inputs = {
  productCode: str("A NicSRS product code: `positivessl` (DV, 1 name), `positivessl-multi-domain` (DV, up to 250), `positivessl-wildcard` (DV, wildcard), `sectigo-ov` (OV), `sectigo-ev` (EV), `rapidssl-standard-dv` (DigiCert), or any other code of your account (its limits then checked by the CA at create).", {
    required: true,
    replaceOnChanges: true,
    stable: true,
    allowedText: 'a NicSRS product code such as "positivessl-multi-domain"',
  }),
  years: field("integer")("Subscription length in years, an integer 1-6 as the product allows (`sectigo-ev` 1-2, `sectigo-ov` 1-5, `rapidssl-standard-dv` 1-3). A subscription spans several certificate files (see renewal).", { default: 1, allowedText: "an integer from 1 to 6" }),
  domains: strList("1 or more domain names; the first is the common name. Letters, digits, hyphens, dots; an optional leading `*.` where the product takes wildcards. No duplicates.", {
    required: true,
    replaceOnChanges: true,
    stable: true,
    allowedText: "a list of 1 or more domain names, the first one the common name",
  }),
  dcvMethod: str("DCV method of every domain without its own `domainDcv` method. HTTP(S) is not allowed for wildcards.", { allowed: DCV_METHODS, default: "CNAME_CSR_HASH" }),
  dcvEmail: str("Approver mailbox for EMAIL DCV: `admin@`, `administrator@`, `postmaster@`, `webmaster@` or `hostmaster@` the domain or a parent domain (not a bare TLD). Required when a domain uses EMAIL without its own `domainDcv` email.", { allowedText: `an approved DCV mailbox: ${MAILBOXES} the domain or a parent domain` }),
  domainDcv: field({ map: ref("DomainDcv") })("Per-domain DCV overrides (`{ method?, email? }`); keys must be names in `domains`.", {
    allowedText: "an object mapping a name in `domains` to { method?, email? }",
  }),
  server: str('Server platform sent with the order (e.g. "other").', { allowedText: 'a server platform such as "other"' }),
  uniqueValue: str("Sectigo only: `uniqueValue`, 1-20 of `a-z A-Z 0-9`, appended to CSR-hash DCV values.", {
    replaceOnChanges: true,
    stable: true,
    allowedText: "1-20 characters from a-z, A-Z, 0-9",
  }),
  administrator: field(ref("Contact"))(
    "Administrator contact, sent with every paid order (place and renewal): required unless `certId` adopts an existing order (the CA does not report an order's contacts, so `pulumi import` cannot fill it in; an adopted order needs it only when a renewal falls due). Every field non-empty, `email` an address, `country` an ISO 3166-1 alpha-2 code (`GB`).",
    { allowedText: CONTACT_ALLOWED },
  ),
  tech: field(ref("Contact"))("Technical contact (required for OV/EV orders, like `administrator`).", { allowedText: CONTACT_ALLOWED }),
  finance: field(ref("Contact"))("Finance contact (required for OV/EV orders, like `administrator`).", { allowedText: CONTACT_ALLOWED }),
  organization: field(ref("Organization"))("Organization (required for OV/EV orders, like `administrator`).", {
    allowedText: "{ organizationName, organizationCity, organizationMobile, organizationAddress, organizationCountry, organizationPostCode, organizationState? }",
  }),
  csr: str("Your own CSR (PEM): the key stays with you and every reissue / renewal reuses this CSR. Not with `key` or `keySource: \"ca\"`. Its common name must be `domains[0]` (without one, `domains[0]` must be among its SANs) and every SAN must be in `domains`.", {
    replaceOnChanges: true,
    stable: true,
    allowedText: "a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----)",
  }),
  key: field(ref("Key"))("Key generated locally with its CSR (default RSA 2048; ECDSA default P-256); a fresh one on every reissue / renewal. `rsaBits` only with RSA, `curve` only with ECDSA.", {
    replaceOnChanges: true,
    stable: true,
    allowedText: '{ algorithm?: "RSA" | "ECDSA", rsaBits?: 2048 | 3072 | 4096, curve?: "P-256" | "P-384" }',
  }),
  keySource: str('"local": key and CSR made here; "ca": no CSR is sent and NicSRS generates the key, which comes back with the certificate (privateKeyPem, pkcs12, pkcs12Password).', {
    allowed: ["local", "ca"],
    default: "local",
    replaceOnChanges: true,
    stable: true,
  }),
  privateKeyFile: str(
    "Absolute path of a file for the local key: created with mode 0600 (never overwritten) when absent, read when present; reissues and renewals reuse it. The key never becomes a Pulumi output (privateKeyPem stays empty). The file is on the machine that runs `pulumi up` (keep it across CI runs); refresh and update check the issued certificate against its key (a mismatch sets keyMismatch). Not with `csr` or `keySource: \"ca\"`.",
    { allowedText: "an absolute path of the private key file (created with mode 0600 when absent)" },
  ),
  renewBeforeDays: field("integer")("An integer 1-90: reissue / renewal is planned this many days before notAfter (never more than half the certificate's lifetime).", {
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
  deletePolicy: str("What `pulumi destroy` (and the old side of a replacement) does at the CA.", { allowed: ["cancelPending", "retain", "cancel", "revoke"], default: "cancelPending" }),
  refId: str("Idempotency key of the first order (1-64 characters). Default: `pulumi-` + 24 hex digits of a SHA-256 over the project, stack, the parent's URN, the resource name and how often the resource was replaced, never over inputs you may edit. Used when the order is placed; changing it later changes nothing.", {
    createOnly: true,
    allowedText: "1-64 characters",
  }),
  certId: str("Adopt an order placed outside Pulumi: create collects it instead of placing one (the domains must match the order's).", {
    replaceOnChanges: true,
    allowedText: 'a NicSRS certId such as "260113vghhracpaw"',
  }),
} as const satisfies Record<string, Field>;

const outputs = {
  certId: str("The current order's certId (changes on reissue / renewal; the resource id stays the first one).", { required: true }),
  refId: str("The refId the current order was sent with."),
  status: str("CA status: PENDING, PROCESSING, COMPLETE, CANCELLED, REVOKED, EXPIRED, FAILED.", { required: true }),
  vendorId: str("The CA vendor's order id (Sectigo's order number)."),
  vendorCertId: str("The CA vendor's certificate id."),
  dcvRecords: { type: { array: ref("DcvRecord") }, description: "DNS records to create for DCV; `name` is the FQDN (CNAME_CSR_HASH: `_<MD5 of the CSR>.<domain>` CNAME `<hash>.<hash>.sectigo.com`; DigiCert: TXT `_dnsauth`)." },
  dcvFiles: { type: { array: ref("DcvFile") }, description: "Files to serve for HTTP(S) DCV." },
  dcvEmails: { type: { array: ref("DcvEmail") }, description: "Approver mailboxes for EMAIL DCV." },
  validatedDomains: strList("Domains the CA reported validated at the last collect."),
  csrPem: str('The CSR the current order was sent with (absent with keySource "ca").'),
  privateKeyPem: str('The local key (keySource "local"), or the CA\'s once issued (keySource "ca"); absent for your own CSR, with privateKeyFile, and for adopted orders until their first reissue.', { secret: true }),
  certificatePem: str("The issued certificate (PEM), once issued and collected (by create with waitForIssuance, refresh, or update)."),
  caCertificatePem: str("The CA chain (PEM)."),
  fullChainPem: str("Leaf followed by the chain."),
  pkcs12: str("Base64 PKCS#12 when the CA generated the key.", { secret: true }),
  pkcs12Password: str("Password of pkcs12.", { secret: true }),
  notBefore: str("Start of the certificate's validity (ISO 8601, read from the X.509)."),
  notAfter: str("End of the certificate's validity (ISO 8601, read from the X.509)."),
  serialNumber: str("The certificate's serial number (lower-case hex)."),
  sha256Fingerprint: str("SHA-256 fingerprint of the certificate (upper-case hex, colon separated)."),
  subscriptionEndsAt: str("End of the paid subscription (the CA's dueDate)."),
  placedAt: str("When the current order was placed."),
  renewalWindowOpensAt: str("When the renewal planner starts reissuing / renewing (from notAfter, or its estimate)."),
  previousCertIds: strList("certIds of this resource's earlier orders, oldest first."),
  unclaimedCertIds: strList(
    "Issued orders found under this resource's refId from a failed run whose inputs were edited since: kept at the CA (not cancelled automatically), and not touched by delete.",
  ),
  lastAction: str('What the last create / update did at the CA and whether it was paid: "new order (paid: positivessl, 1 year)", "took over existing paid order … instead of buying a new one", "adopted existing order … (no charge)", "free reissue inside the subscription: …", "renewal (paid: …): …", "DCV method switch (free): …", "collect only (no order, no charge)".'),
  keyMismatch: { type: "boolean", description: "True when the issued certificate does not match the private key (in state, or in privateKeyFile): the next up reissues it with that key (free)." },
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

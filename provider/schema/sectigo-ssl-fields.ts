// SectigoSslCertificate: inputs and outputs. sectigo-ssl-impl.ts derives from it the inputs it echoes,
// the default wait, the replace keys and the check's allowed-values text.
import { field, type Field, type ResourceTable } from "./field-table";
import { SECTIGO_ISSUED_OUTPUTS } from "./sectigo-issued-fields";

const str = field("string");

const inputs = {
  orderNumber: str("Sectigo order number (a NicSRS `Certificate`'s `vendorId`). Exactly one of this and `certificateId`.", {
    replaceOnChanges: true,
    allowedText: "a Sectigo order number, 1-128 characters",
  }),
  certificateId: str("Sectigo certificate ID (a NicSRS `Certificate`'s `vendorCertId`). Exactly one of this and `orderNumber`.", {
    replaceOnChanges: true,
    allowedText: "an integer of at most 16 digits",
  }),
  waitForIssuance: field("boolean")("Wait in create / update until the certificate is issued.", { default: false, allowedText: "true or false" }),
  waitTimeoutMinutes: field("number")("Limit for waitForIssuance, in minutes (more than 0, at most 1440). On timeout the resource is still recorded; the next up continues.", {
    default: 60,
    allowedText: "minutes, more than 0 and at most 1440",
  }),
} as const satisfies Record<string, Field>;

const outputs = {
  orderNumber: str("Sectigo order number."),
  certificateId: str("Sectigo certificate ID."),
  statusCode: { type: "integer", description: "2 / 1 issued, 0 being processed; -20 rejected, -21 revoked, -22 awaiting payment.", required: true },
  status: str('"issued", "processing", "rejected", "revoked" or "awaiting_payment".', { required: true }),
  statusMessage: str("Sectigo's message for rejected / revoked / unpaid orders."),
  certificateStatus: str('Sectigo\'s certificate status, e.g. "Awaiting Validation", "Issued", "Revoked".'),
  validationStatus: str('e.g. "Complete", "Awaiting Legal Documents", "Awaiting Brand Validation".'),
  fqdn: str("The order's common name."),
  mdcDomainDetails: { type: { map: "string" }, description: "Multi-domain orders while processing: domain → VALIDATED / NOTVALIDATED / AWAITINGBRAND." },
  statusDetails: {
    type: { map: "integer" },
    description: "csr, dcv, ovCallback, organizationValidation, freeDVUP, evClickThrough, brandVal → -1 n/a, 0 not completed, 1 completed, 2 in progress.",
  },
  caaStatus: str('CAA check: "Authorized", "Not Authorized", "Awaiting Completion", …'),
  certificatePem: str("The end-entity certificate (PEM)."),
  ...SECTIGO_ISSUED_OUTPUTS,
  sans: { type: { array: "string" }, description: "The certificate's subject alternative names." },
} as const satisfies Record<string, Field>;

export const SECTIGO_SSL_FIELDS = {
  token: "nicsrs:sectigo:SslCertificate",
  description:
    "Adopts an SSL order at Sectigo (for instance the one behind a NicSRS Certificate, whose `vendorId` is Sectigo's order number) and outputs its certificate.",
  inputs,
  outputs,
} as const satisfies ResourceTable;

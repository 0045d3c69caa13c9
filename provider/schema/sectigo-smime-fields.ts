// SmimeCertificate: inputs and outputs. sectigo-smime-impl.ts derives from it the inputs it echoes,
// the default wait, the replace keys and the check's allowed-values text; the resource class its
// secret and declared outputs.
import { field, type Field, type ResourceTable } from "./field-table";
import { SECTIGO_ISSUED_OUTPUTS } from "./sectigo-issued-fields";
import { ref } from "./object-types";

const str = field("string");

const inputs = {
  orderNumber: str("The S/MIME order's number. Exactly one of this and `collectionCode`.", { replaceOnChanges: true, allowedText: "a Sectigo order number, 1-128 characters" }),
  collectionCode: str("The order's collection code (AutoApplyOrder showCollectionCode=Y). Exactly one of this and `orderNumber`.", {
    replaceOnChanges: true,
    allowedText: "a collection code, 1-16 characters",
  }),
  email: str("The mailbox: common name and SAN of the generated CSR. Needed unless `csr` is given.", {
    replaceOnChanges: true,
    allowedText: "an e-mail address",
  }),
  csr: str("Your own PKCS#10 CSR (PEM); no key is generated then.", {
    replaceOnChanges: true,
    allowedText: "a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----)",
  }),
  key: field(ref("Key"))("The key generated with the CSR (default RSA 2048).", {
    replaceOnChanges: true,
    allowedText: '{ algorithm?: "RSA" | "ECDSA", rsaBits?: 2048 | 3072 | 4096, curve?: "P-256" | "P-384" }',
  }),
  waitTimeoutMinutes: field("number")("How long create waits for issuance, in minutes (at most 1440).", {
    default: 60,
    allowedText: "minutes, more than 0 and at most 1440",
  }),
} as const satisfies Record<string, Field>;

const outputs = {
  orderNumber: str("The S/MIME order's number."),
  collectionCode: str("The order's collection code."),
  statusCode: {
    type: "integer",
    description: "2 / 1 issued, 0 being processed; negative: the last Sectigo code (-20 rejected, -21 revoked, -22 unpaid, -154 e-mail not verified).",
    required: true,
  },
  status: str('"issued", "processing", "rejected", "revoked", "awaiting_payment", "awaiting_email_verification".', { required: true }),
  statusMessage: str("Sectigo's message for a negative statusCode."),
  csrSubmitted: { type: "boolean", description: "Whether Sectigo has the CSR.", required: true },
  csrPem: str("The CSR submitted.", { required: true }),
  privateKeyPem: str("PKCS#8; set only when the key was generated here (absent when you gave the CSR).", { secret: true }),
  certificatePem: str("The certificate (PEM)."),
  ...SECTIGO_ISSUED_OUTPUTS,
  emails: { type: { array: "string" }, description: "The e-mail addresses in the certificate's SAN." },
} as const satisfies Record<string, Field>;

export const SECTIGO_SMIME_FIELDS = {
  token: "nicsrs:sectigo:SmimeCertificate",
  description:
    "An S/MIME certificate for an order placed at Sectigo beforehand: the key and CSR are made locally (or the CSR is yours), the CSR is submitted once and the certificate collected until issued.",
  inputs,
  outputs,
} as const satisfies ResourceTable;

// CertificateValidation: inputs and outputs. validation-impl.ts derives from it the inputs it echoes,
// the default timeout, the replace and stable keys and the check's allowed-values text.
import { field, type Field, type ResourceTable } from "./field-table";

const str = field("string");
const SERVERS = 'addresses where DNS lookups start, e.g. ["1.1.1.1"] or ["127.0.0.1:5353"]';

const inputs = {
  certId: str("The certId of the certificate to wait for (a Certificate's `certId`; a reissue or renewal replaces this validation).", {
    required: true,
    replaceOnChanges: true,
    stable: true,
    allowedText: 'a NicSRS certId such as "260113vghhracpaw", or pass `certificate`',
  }),
  validationRecordFqdns: {
    type: { array: "string" },
    description: "FQDNs of the DCV records the program created; create fails at once (before waiting) when they miss one of the certificate's DNS DCV records, naming the missing ones. A trailing dot is ignored.",
    allowedText: "a list of DNS record names",
  },
  timeoutMinutes: field("number")("How long create waits, in minutes (more than 0, at most 1440).", {
    default: 60,
    allowedText: "minutes, more than 0 and at most 1440 (default 60)",
  }),
  dnsPreflight: {
    type: "boolean",
    description: "DNS pre-flight while waiting (each DCV record looked up at its zone's authoritative servers). Default: config nicsrs:dnsCheck (on); false turns it off, for split-horizon DNS the provider cannot see as the CA does.",
    allowedText: "true or false (default: the nicsrs:dnsCheck config, on)",
  },
  dnsResolvers: {
    type: { array: "string" },
    description: 'Where DNS lookups start (walking NS delegation), e.g. ["1.1.1.1"] or ["127.0.0.1:5353"]. Default: config nicsrs:dnsResolvers, else the system\'s resolvers.',
    allowedText: SERVERS,
  },
  dnsCheckResolvers: {
    type: { array: "string" },
    description: 'Public resolvers also asked, for the report only, e.g. ["8.8.8.8"]. Default: config nicsrs:dnsCheckResolvers.',
    allowedText: 'resolvers to also ask, for the report, e.g. ["8.8.8.8"]',
  },
  propagationTimeoutMinutes: {
    type: "number",
    description: "Give up early when a record is still missing or wrong after this many minutes (more than 0, at most 1440). Default: timeoutMinutes.",
    allowedText: "minutes, more than 0 and at most 1440 (default: timeoutMinutes)",
  },
} as const satisfies Record<string, Field>;

const outputs = {
  certId: str("The certId waited for.", { required: true }),
  status: str("CA status at the last collect.", { required: true }),
  validatedDomains: { type: { array: "string" }, description: "Domains the CA reported validated.", required: true },
  certificatePem: str("The issued certificate (PEM).", { required: true }),
  caCertificatePem: str("The CA chain (PEM)."),
  fullChainPem: str("Leaf followed by the chain.", { required: true }),
  privateKeyPem: str('Only when the CA generated the key (keySource "ca"); otherwise use Certificate.privateKeyPem.', { secret: true }),
  pkcs12: str("Base64 PKCS#12 when the CA generated the key.", { secret: true }),
  pkcs12Password: str("Password of pkcs12.", { secret: true }),
  notBefore: str("Start of the certificate's validity (ISO 8601).", { required: true }),
  notAfter: str("End of the certificate's validity (ISO 8601).", { required: true }),
  serialNumber: str("The certificate's serial number.", { required: true }),
  sha256Fingerprint: str("SHA-256 fingerprint of the certificate.", { required: true }),
  subscriptionEndsAt: str("End of the paid subscription (the CA's dueDate)."),
  validationRecordFqdns: { type: { array: "string" }, description: "The validationRecordFqdns input." },
  timeoutMinutes: { type: "number", description: "The timeoutMinutes input." },
} as const satisfies Record<string, Field>;

export const VALIDATION_FIELDS = {
  token: "nicsrs:index:CertificateValidation",
  description:
    "Waits (in create) until the certificate is issued, polling with backoff; outputs the issued material. Make it depend on the DNS records created from `Certificate.dcvRecords`.",
  inputs,
  outputs,
} as const satisfies ResourceTable;

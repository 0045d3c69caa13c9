// The outputs both Sectigo resources give for an issued certificate (after its certificatePem).
import { field, type Field } from "./field-table";

const str = field("string");

export const SECTIGO_ISSUED_OUTPUTS = {
  chainPem: str("The CA certificates, the leaf's issuer first, the root last."),
  fullChainPem: str("Leaf followed by the chain."),
  notBefore: str("ISO 8601."),
  notAfter: str("ISO 8601."),
  serialNumber: str("The certificate's serial number."),
  sha256Fingerprint: str("SHA-256 fingerprint of the certificate."),
} as const satisfies Record<string, Field>;

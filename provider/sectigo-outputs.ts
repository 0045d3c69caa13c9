// Outputs both Sectigo resources build from a collect result.
import type { SectigoResult } from "../sdk/sectigo";
import { parseCertificate } from "../sdk/x509";

type Props = Record<string, unknown>;

/** "issued" (2 or 1), "processing" (0). Errors that end an order map to rejected / revoked / awaiting_payment. */
export function statusOf(r: SectigoResult): "issued" | "processing" {
  return r.statusCode === 0 ? "processing" : "issued";
}

export const STATUS_FOR_CODE: Record<number, string> = { [-20]: "rejected", [-21]: "revoked", [-22]: "awaiting_payment", [-154]: "awaiting_email_verification" };

export function certificateOutputs(r: SectigoResult): Props {
  if (!r.leafPem) return {};
  const cert = parseCertificate(r.leafPem);
  const chainPem = r.chainPems.join("");
  return {
    certificatePem: r.leafPem,
    chainPem,
    fullChainPem: r.leafPem + chainPem,
    notBefore: r.notBefore ?? cert.notBefore,
    notAfter: r.notAfter ?? cert.notAfter,
    serialNumber: cert.serialNumber,
    sha256Fingerprint: cert.sha256Fingerprint,
    sans: cert.sans,
    emails: cert.emails,
  };
}

/** CollectSSL's status fields, as outputs (absent ones left out). */
export function sslStatusOutputs(r: SectigoResult): Props {
  const details = r.statusDetails ? Object.fromEntries(Object.entries(r.statusDetails).map(([k, v]) => [k, v.code])) : undefined;
  return {
    statusCode: r.statusCode,
    status: statusOf(r),
    certificateStatus: r.certificateStatus,
    validationStatus: r.validationStatus,
    fqdn: r.fqdn,
    mdcDomainDetails: r.mdcDomainDetails2 ?? r.mdcDomainDetails,
    statusDetails: details,
    caaStatus: r.caaStatus,
  };
}

/** Outputs that describe the collected certificate: replaced as a whole by each collect that carries one. */
export const CERTIFICATE_OUTPUTS = ["certificatePem", "chainPem", "fullChainPem", "notBefore", "notAfter", "serialNumber", "sha256Fingerprint", "sans", "emails"] as const;

// The one typed result of both endpoints, whatever format and encoding was asked for.
import type { SectigoEndpoint, SectigoSuccessCode } from "./codes";

export type StatusDetailName = "csr" | "dcv" | "ovCallback" | "organizationValidation" | "freeDVUP" | "evClickThrough" | "brandVal";

export interface StatusDetail {
  /** -1 not required / not applicable · 0 not completed · 1 completed · 2 in progress. */
  code: number;
  meaning: string;
}

export type StatusDetails = Partial<Record<StatusDetailName, StatusDetail>>;

export interface SectigoCertificates {
  /** The end-entity certificate (absent for queryType 0 and 3, or while processing). */
  leafPem?: string;
  /** CA certificates, from the leaf's issuer up to the root. */
  chainPems: string[];
}

export interface SectigoResult extends SectigoCertificates {
  endpoint: SectigoEndpoint;
  /** 2 attached · 1 available · 0 being processed. Negative codes are thrown as SectigoApiError. */
  statusCode: SectigoSuccessCode;
  statusMeaning: string;
  /** True for status 0: being processed, ask again later. */
  processing: boolean;
  /** ISO 8601 UTC. From `DD/MM/YYYY` lines (00:00:00 / 23:59:59 GMT, as the docs say) or epoch seconds. */
  notBefore?: string;
  notAfter?: string;
  fqdn?: string;
  certificateStatus?: string;
  validationStatus?: string;
  /** domain → DCV status (VALIDATED, NOTVALIDATED, AWAITINGBRAND…). */
  mdcDomainDetails?: Record<string, string>;
  mdcDomainDetails2?: Record<string, string>;
  statusDetails?: StatusDetails;
  caaStatus?: string;
  /** Which encoding the certificates arrived in (for diagnostics). */
  payload?: PayloadKind;
}

export type PayloadKind = "zip" | "netscape" | "pkcs7" | "individual" | "cmmf" | "none";

/** Fields a format parser extracts before the certificates are decoded and ordered. */
export type ParsedFields = Omit<SectigoResult, "endpoint" | "statusMeaning" | "processing" | "leafPem" | "chainPems"> & {
  /** Decoded DER certificates in the order the payload listed them. */
  certificatesDer: Uint8Array[];
};

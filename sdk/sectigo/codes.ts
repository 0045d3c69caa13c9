// Status codes of CollectSSL and RequestAndCollectSMIME (api-docs/sectigo-*.txt), code → meaning.
// Both pages share the numbering; where their wording differs both texts are kept.

export type SectigoEndpoint = "CollectSSL" | "RequestAndCollectSMIME";

export interface StatusCodeInfo {
  /** The message as CollectSSL documents it (absent: the code is S/MIME only). */
  collectSsl?: string;
  /** The message as RequestAndCollectSMIME documents it (absent: the code is CollectSSL only). */
  smime?: string;
  /** What it means for a caller. */
  meaning: string;
}

export const SECTIGO_STATUS_CODES = {
  2: { collectSsl: "Certificates Attached", smime: "Certificates attached.", meaning: "the certificate is issued and attached to this response" },
  1: { collectSsl: "Certificates Available", smime: "Certificates available.", meaning: "the certificate is issued and available for collection (not attached)" },
  0: { collectSsl: "Being processed by Sectigo", smime: "Request accepted and being processed by Sectigo.", meaning: "the order is being processed; ask again later (not an error)" },
  [-1]: { collectSsl: "Request was not made over https!", smime: "Request was not made over https!", meaning: "the request must use HTTPS" },
  [-2]: { collectSsl: "Unrecognised argument!", smime: "Unrecognised argument!", meaning: "an argument is not recognised" },
  [-3]: { collectSsl: "The 'xxx' argument is missing!", smime: "The 'xxx' argument is missing!", meaning: "a required argument is missing" },
  [-4]: { collectSsl: "The value of the 'xxx' argument is invalid!", smime: "The value of the 'xxxx' argument is invalid!", meaning: "an argument value is invalid" },
  [-13]: { smime: "The CSR uses an unsupported key size", meaning: "the key size in the CSR is not supported" },
  [-14]: { collectSsl: "An unknown error occurred!", smime: "An unknown error occurred!", meaning: "an unknown error occurred" },
  [-16]: {
    collectSsl: "Permission denied!",
    smime: "Incorrect login details, account is locked, password has expired or your source IP is blocked.",
    meaning: "permission denied: wrong login, locked account, expired password or blocked source IP",
  },
  [-17]: { collectSsl: "Request used GET rather than POST!", smime: "Request used GET rather than POST!", meaning: "the request must be a POST" },
  [-18]: { smime: "A CSR has already been provided.", meaning: "a CSR was already submitted for this order" },
  [-20]: { collectSsl: "The certificate request has been rejected!", smime: "The CSR has been rejected!", meaning: "the certificate request (CSR) has been rejected" },
  [-21]: { collectSsl: "The certificate has been revoked!", smime: "The certificate has been revoked!", meaning: "the certificate has been revoked" },
  [-22]: { collectSsl: "Still awaiting payment!", smime: "Still awaiting payment!", meaning: "the order is still awaiting payment" },
  [-153]: { smime: "Unsupported product type!", meaning: "the product type is not supported by this endpoint" },
  [-154]: { smime: "Email verification not yet completed!", meaning: "the email verification has not been completed" },
} as const satisfies Record<number, StatusCodeInfo>;

export type SectigoStatusCode = keyof typeof SECTIGO_STATUS_CODES;
export type SectigoSuccessCode = 0 | 1 | 2;
export type SectigoErrorCode = Exclude<SectigoStatusCode, SectigoSuccessCode>;

export const SECTIGO_ERROR_CODES = Object.keys(SECTIGO_STATUS_CODES)
  .map(Number)
  .filter((c) => c < 0)
  .sort((a, b) => b - a) as SectigoErrorCode[];

export function isKnownStatusCode(code: number): code is SectigoStatusCode {
  return Object.prototype.hasOwnProperty.call(SECTIGO_STATUS_CODES, code);
}

/** The caller-facing meaning of a status code (also for codes neither page lists). */
export function describeStatusCode(code: number): string {
  return isKnownStatusCode(code) ? SECTIGO_STATUS_CODES[code].meaning : `undocumented status code ${code}`;
}

/** The message the given endpoint documents for a code, falling back to the other page's wording. */
export function documentedMessage(endpoint: SectigoEndpoint, code: number): string | undefined {
  if (!isKnownStatusCode(code)) return undefined;
  const info: StatusCodeInfo = SECTIGO_STATUS_CODES[code];
  return endpoint === "CollectSSL" ? info.collectSsl ?? info.smime : info.smime ?? info.collectSsl;
}

/** Status-detail values (showStatusDetails=Y): csrStatus, dcvStatus, … */
export const STATUS_DETAIL_MEANINGS: Record<string, string> = {
  "-1": "not-required",
  "0": "not-completed",
  "1": "completed",
  "2": "in-progress",
};

/** CAA check statuses CollectSSL documents (plus `Error 'nnn'`). */
export const CAA_STATUSES = [
  "Authorized",
  "Not Authorized",
  "Unrecognized Critical Tag",
  "Empty",
  "Malformed Response",
  "Timeout",
  "ERROR",
  "Awaiting Completion",
] as const;

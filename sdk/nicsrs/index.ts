export { NicSrsClient, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, generateRefId, type NicSrsClientOptions } from "./client";
export {
  NicSrsError,
  NicSrsApiError,
  NicSrsValidationError,
  NicSrsTransportError,
  NicSrsResponseError,
  flattenWireErrors,
} from "./errors";
export { normalizeDcv, normalizeDcvMethod, dnsRecordName, dcvFilePath, type DcvSource, type RequestedDomain } from "./dcv";
export { wireDateToIso } from "./dates";
export { normalizeCertStatus } from "./normalize";
export { backoffDelayMs, parseRetryAfter, DEFAULT_RETRY, type RetryOptions } from "./retry";
export type * from "./types";

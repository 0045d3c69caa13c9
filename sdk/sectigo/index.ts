export { SectigoClient, SECTIGO_DEFAULT_BASE_URL, type SectigoClientOptions } from "./client";
export {
  SECTIGO_STATUS_CODES,
  SECTIGO_ERROR_CODES,
  CAA_STATUSES,
  describeStatusCode,
  documentedMessage,
  isKnownStatusCode,
  type SectigoEndpoint,
  type SectigoStatusCode,
  type SectigoErrorCode,
  type SectigoSuccessCode,
} from "./codes";
export { SectigoError, SectigoApiError, SectigoArgumentError, SectigoTransportError, SectigoResponseError } from "./errors";
export {
  CollectSslRequestSchema,
  SmimeRequestSchema,
  collectSslContext,
  smimeContext,
  type CollectSslRequest,
  type SmimeRequest,
  type ResponseContext,
} from "./requests";
export { parseSectigoResponse } from "./parse";
export { runExclusive as runSectigoExclusive, accountKey as sectigoAccountKey } from "./queue";
export type { RetryOptions as SectigoRetryOptions } from "./http";
export type { SectigoResult, SectigoCertificates, StatusDetail, StatusDetails, StatusDetailName, PayloadKind } from "./types";

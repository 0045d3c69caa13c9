// Sectigo CollectSSL and RequestAndCollectSMIME: client, request schemas, typed results and errors.
export { SectigoClient, SECTIGO_DEFAULT_BASE_URL, type SectigoClientOptions } from "./client";
export {
  SECTIGO_STATUS_CODES,
  SECTIGO_ERROR_CODES,
  CAA_STATUSES as SECTIGO_CAA_STATUSES,
  describeStatusCode as describeSectigoStatusCode,
  documentedMessage as sectigoDocumentedMessage,
  isKnownStatusCode as isKnownSectigoStatusCode,
  type SectigoEndpoint,
  type SectigoStatusCode,
  type SectigoErrorCode,
  type SectigoSuccessCode,
} from "./codes";
export { SectigoError, SectigoApiError, SectigoArgumentError, SectigoTransportError, SectigoResponseError } from "./errors";
/** @internal zod schemas stay out of the published .d.ts */
export { CollectSslRequestSchema, SmimeRequestSchema } from "./requests";
export {
  collectSslContext,
  smimeContext,
  type CollectSslRequest,
  type SmimeRequest,
  type ResponseContext as SectigoResponseContext,
} from "./requests";
export { parseSectigoResponse } from "./parse";
export { runExclusive as runSectigoExclusive, accountKey as sectigoAccountKey } from "./queue";
export type { RetryOptions as SectigoRetryOptions } from "./http";
export type {
  SectigoResult,
  SectigoCertificates,
  StatusDetail as SectigoStatusDetail,
  StatusDetails as SectigoStatusDetails,
  StatusDetailName as SectigoStatusDetailName,
  PayloadKind as SectigoPayloadKind,
} from "./types";

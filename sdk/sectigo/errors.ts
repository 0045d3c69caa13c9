// Typed errors. None of them ever carries the login password: messages are built from
// endpoint names, codes and server text only, and the client scrubs them (sdk/http/redact.ts).
import { describeStatusCode, documentedMessage, type SectigoEndpoint } from "./codes";

export class SectigoError extends Error {
  constructor(
    message: string,
    readonly endpoint?: SectigoEndpoint,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The server answered with a negative status code. */
export class SectigoApiError extends SectigoError {
  readonly codeMeaning: string;
  constructor(
    endpoint: SectigoEndpoint,
    readonly code: number,
    /** The server's error line (or the documented text when the server sent none). */
    readonly errorMessage: string,
  ) {
    super(`Sectigo ${endpoint} failed with ${code}: ${errorMessage} (${describeStatusCode(code)})`, endpoint);
    this.codeMeaning = describeStatusCode(code);
  }

  static fromCode(endpoint: SectigoEndpoint, code: number, serverMessage?: string): SectigoApiError {
    return new SectigoApiError(endpoint, code, serverMessage?.trim() || documentedMessage(endpoint, code) || "no message");
  }
}

/** The request was rejected locally, before anything was sent. */
export class SectigoArgumentError extends SectigoError {
  constructor(
    endpoint: SectigoEndpoint | undefined,
    readonly issues: string[],
  ) {
    super(`invalid Sectigo ${endpoint ?? "client"} arguments: ${issues.join("; ")}`, endpoint);
  }
}

/** The server could not be reached, the connection broke, or the call timed out. */
export class SectigoTransportError extends SectigoError {
  constructor(
    endpoint: SectigoEndpoint,
    message: string,
    /** False only when the request certainly never left this process (e.g. connection refused). */
    readonly mayHaveReachedServer: boolean,
    readonly timedOut = false,
    options?: { cause?: unknown },
  ) {
    super(`Sectigo ${endpoint}: ${message}`, endpoint);
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** The server answered with something that is not a well-formed response (HTML page, truncated body, …). */
export class SectigoResponseError extends SectigoError {
  constructor(
    readonly reason: string,
    readonly excerpt = "",
    endpoint?: SectigoEndpoint,
    readonly httpStatus?: number,
  ) {
    super(`malformed Sectigo${endpoint ? ` ${endpoint}` : ""} response: ${reason}${excerpt ? ` (starts with ${JSON.stringify(excerpt)})` : ""}`, endpoint);
  }

  withContext(endpoint: SectigoEndpoint, httpStatus?: number): SectigoResponseError {
    return new SectigoResponseError(this.reason, this.excerpt, endpoint, httpStatus ?? this.httpStatus);
  }
}

/** At most `max` printable characters of a body, for error messages. */
export function excerptOf(body: string | Uint8Array, max = 120): string {
  const text = typeof body === "string" ? body : Buffer.from(body.subarray(0, max * 4)).toString("latin1");
  // eslint-disable-next-line no-control-regex
  return text.slice(0, max).replace(/[\x00-\x08\x0b-\x1f\x7f-\xff]/g, "?");
}

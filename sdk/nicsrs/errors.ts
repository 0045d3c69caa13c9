// Error types thrown by NicSrsClient. None of them ever carries the API token: messages, excerpts
// and causes are built from redacted text, and raw undici errors are never attached.
import { describeCode, type Envelope, type WireErrors } from "./wire";

export class NicSrsError extends Error {
  /** The endpoint called (`place`, `collect`, …). */
  readonly endpoint: string;
  /** Set on errors from place / renew / reissue: the idempotency key that was sent. */
  declare refId?: string;
  /**
   * Set on errors from place / renew / reissue: "refused" when the answer proves nothing was
   * ordered; "unknown" when the CA may have taken (and charged) it and no lookup found it.
   */
  declare orderOutcome?: "refused" | "unknown";

  constructor(endpoint: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.endpoint = endpoint;
  }

  /** Appends a sentence to the message (and to the stack, whose first line repeats it). */
  annotate(sentence: string): this {
    const before = this.message;
    // Read the stack first: V8 formats it on first access, from the message current at that time.
    const stack = this.stack;
    this.message = `${before} ${sentence}`;
    if (stack) this.stack = stack.replace(before, this.message);
    return this;
  }
}

/** The API answered with an error code (anything but 1, and 2 outside collect). */
export class NicSrsApiError extends NicSrsError {
  readonly code: number;
  readonly codeMeaning: string;
  /** Every message from `errors` (field messages prefixed `field: `), then `msg`. */
  readonly messages: string[];
  declare readonly msg?: string;

  constructor(endpoint: string, code: number, messages: string[], msg?: string, message?: string) {
    const meaning = describeCode(code);
    const detail = messages.length > 0 ? `: ${messages.join("; ")}` : "";
    super(endpoint, message ?? `NicSRS ${endpoint} failed with code ${code} (${meaning})${detail}`);
    this.code = code;
    this.codeMeaning = meaning;
    this.messages = messages;
    if (msg !== undefined) this.msg = msg;
  }
}

/**
 * A request that failed validation before anything was sent. Code -1 as the API itself would
 * answer; `fields` names the offending paths (`params.Administrator.email`).
 */
export class NicSrsValidationError extends NicSrsApiError {
  readonly fields: string[];

  constructor(endpoint: string, issues: { path: string; message: string }[]) {
    const messages = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    super(endpoint, -1, messages, undefined, `invalid NicSRS ${endpoint} request (nothing was sent): ${messages.join("; ")}`);
    this.fields = [...new Set(issues.map((i) => i.path))];
  }
}

/** The HTTP exchange itself failed (connection, timeout, reset). */
export class NicSrsTransportError extends NicSrsError {
  /**
   * false only when the request certainly never left this process (connection refused, DNS
   * failure, connect timeout, TLS handshake failure); true when the server may have acted on it.
   */
  readonly mayHaveReachedServer: boolean;
  /** The underlying error code (`ECONNREFUSED`, `UND_ERR_HEADERS_TIMEOUT`, `TimeoutError`…). */
  declare readonly errorCode?: string;

  constructor(endpoint: string, message: string, mayHaveReachedServer: boolean, errorCode?: string, cause?: Error) {
    super(endpoint, message, cause ? { cause } : undefined);
    this.mayHaveReachedServer = mayHaveReachedServer;
    if (errorCode !== undefined) this.errorCode = errorCode;
  }
}

/** A reply that is not a usable NicSRS answer: HTTP error status, non-JSON, or wrong shape. */
export class NicSrsResponseError extends NicSrsError {
  readonly httpStatus: number;
  /** The start of the body (≤ 300 characters), with the token redacted. */
  readonly excerpt: string;
  /** From a Retry-After header, when the server sent one. */
  declare readonly retryAfterMs?: number;

  constructor(endpoint: string, message: string, httpStatus: number, excerpt: string, retryAfterMs?: number) {
    super(endpoint, message);
    this.httpStatus = httpStatus;
    this.excerpt = excerpt;
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}

/** Flattens `errors` (string | string[] | field → string | string[]) into plain messages. */
export function flattenWireErrors(errors: WireErrors | null | undefined): string[] {
  if (errors === null || errors === undefined) return [];
  if (typeof errors === "string") return errors.trim() ? [errors.trim()] : [];
  if (Array.isArray(errors)) return errors.map((e) => e.trim()).filter(Boolean);
  const out: string[] = [];
  for (const [field, value] of Object.entries(errors)) {
    for (const m of Array.isArray(value) ? value : [value]) {
      if (m.trim()) out.push(`${field}: ${m.trim()}`);
    }
  }
  return out;
}

export function apiErrorFromEnvelope(endpoint: string, env: Envelope, redact: (s: string) => string): NicSrsApiError {
  const messages = flattenWireErrors(env.errors).map(redact);
  const msg = env.msg ? redact(env.msg) : undefined;
  if (msg && !messages.includes(msg)) messages.push(msg);
  return new NicSrsApiError(endpoint, env.code, messages, msg);
}

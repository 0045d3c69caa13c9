import type { WireErrors } from "../../sdk/nicsrs/wire";

/** A NicSRS response body. */
export interface WireReply {
  code: number;
  msg?: string;
  errors?: WireErrors;
  data?: unknown;
  status?: string;
  certStatus?: string;
}

/** Thrown by handlers to answer with an error code. */
export class ApiFailure extends Error {
  constructor(
    readonly code: number,
    msg: string,
    readonly errors?: WireErrors,
  ) {
    super(msg);
  }

  toReply(): WireReply {
    return this.errors === undefined ? { code: this.code, msg: this.message } : { code: this.code, msg: this.message, errors: this.errors };
  }
}

export type FieldErrors = Record<string, string[]>;

export function addError(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}

/** Code -1 with field → messages. */
export function invalid(errors: FieldErrors, msg = "parameter validation failed"): ApiFailure {
  return new ApiFailure(-1, msg, errors);
}

export function invalidField(field: string, message: string): ApiFailure {
  return invalid({ [field]: [message] });
}

export function refused(msg: string): ApiFailure {
  return new ApiFailure(-6, msg);
}

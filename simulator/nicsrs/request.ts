import type { z } from "zod";
import { addError, ApiFailure, FieldErrors, invalid, invalidField } from "./reply";

export type Fields = Record<string, unknown>;

/** The body as fields: JSON or x-www-form-urlencoded (sniffed when the content type says neither). */
export function decodeBody(body: Buffer, contentType = ""): Fields {
  const text = body.toString("utf8");
  const type = contentType.split(";")[0].trim().toLowerCase();
  const looksJson = /^\s*\{/.test(text);
  if (type === "application/json" || (type !== "application/x-www-form-urlencoded" && looksJson)) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Fields;
    } catch {
      // fall through to the error below
    }
    throw new ApiFailure(-1, "the request body is not a JSON object", ["the request body is not a JSON object"]);
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/** `params` arrives as a JSON-encoded string (most clients) or as an object (JSON bodies). */
export function decodeParams(fields: Fields): Fields {
  if (typeof fields.params !== "string") return fields;
  try {
    return { ...fields, params: JSON.parse(fields.params) as unknown };
  } catch {
    throw invalidField("params", "params is not valid JSON");
  }
}

/** @internal Validates with a wire.ts schema; failures become code -1 with field → messages (the `params.` prefix dropped). */
export function parseRequest<S extends z.ZodType>(schema: S, fields: Fields): z.infer<S> {
  const result = schema.safeParse(fields);
  if (result.success) return result.data;
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const missing = issue.code === "invalid_type" && valueAt(fields, issue.path) === undefined;
    const path = issue.path.map(String);
    if (path[0] === "params" && path.length > 1) path.shift();
    const field = path.join(".") || "request";
    addError(errors, field, missing ? `${path[path.length - 1] ?? field} is required` : issue.message);
  }
  throw invalid(errors);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

// The one way the four resources report bad inputs: a CheckFailure per property, worded
// `<value> is not allowed (<what is allowed>)` or `is required (<what is allowed>)`, formatted one per
// line, plus the `clean` every output goes through. Pure: no CA call, no Pulumi import.
import type { z } from "zod";
import { cutValue } from "./input-bounds";
import { formatPath, segments, stripUnknowns, underAny, type PathSegment } from "./unknowns";

/** A Pulumi check failure. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** `invalid Certificate inputs:` then `  domains[1]: "exa mple.com" is not a valid domain name (…)`, one per line. */
export function formatFailures(failures: readonly CheckFailure[], what = "Certificate"): string {
  return `invalid ${what} inputs:\n${failures.map((f) => `  ${f.property}: ${f.reason}`).join("\n")}`;
}

/** Throws the formatted failures, if any. */
export function assertNoFailures(failures: readonly CheckFailure[], what: string): void {
  if (failures.length > 0) throw new Error(formatFailures(failures, what));
}

/** Drops undefined values (protobuf Structs cannot carry them) — shallow and in arrays of objects. */
export function clean<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.map((e) => (e && typeof e === "object" && !Array.isArray(e) ? clean(e as object) : e)) : v;
  }
  return out as T;
}

/** The inputs without the serialized provider the engine adds. */
export function withoutProvider(raw: Record<string, unknown>): Record<string, unknown> {
  const { __provider: _p, ...rest } = raw ?? {};
  return rest;
}

/** A value for a failure message: never a CSR or anything long; objects are named, not printed. */
export function showValue(value: unknown, path?: readonly PathSegment[]): string {
  if (path && path[0] === "csr") return "the CSR";
  return cutValue(value);
}

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg as string];
  }
  return v;
}

/** `is required (what)` when absent; `<value> is …` when `what` is a sentence; else `<value> is not allowed (what)`. */
export function failure(root: unknown, path: readonly PathSegment[], what: string): CheckFailure {
  const value = valueAt(root, path);
  const reason = value === undefined ? `is required (${what})` : what.startsWith("is ") ? `${showValue(value, path)} ${what}` : `${showValue(value, path)} is not allowed (${what})`;
  return { property: formatPath(path), reason };
}

/** `<value> <sentence>`, for rules across fields. */
export function failureText(root: unknown, path: readonly PathSegment[], sentence: string): CheckFailure {
  return { property: formatPath(path), reason: `${showValue(valueAt(root, path), path)} ${sentence}` };
}

/** @internal */
/**
 * The zod rules' failures on inputs that may hold unknowns (a value under an unknown is not judged).
 * `allowedFor` words what a path allows; `notHere` says what an unexpected key is not ("an input of …").
 * Also returns the unknown-stripped value, for rules across fields.
 */
export function schemaFailures(
  schema: z.ZodType,
  input: Record<string, unknown>,
  allowedFor: (path: readonly PathSegment[]) => string,
  notHere: (path: readonly PathSegment[]) => string,
): { failures: CheckFailure[]; value: unknown } {
  const { value, unknownPaths } = stripUnknowns(input);
  const failures: CheckFailure[] = [];
  const result = schema.safeParse(value, { error: (iss) => allowedFor(segments(iss.path)) });
  if (!result.success) {
    for (const iss0 of result.error.issues) {
      const iss = { ...iss0, path: segments(iss0.path) };
      if (iss.code === "unrecognized_keys") {
        for (const k of iss.keys) {
          const path = [...iss.path, k.length > 64 ? `${k.slice(0, 40)}…(${k.length} chars)` : k];
          failures.push({ property: formatPath(path), reason: `is not ${notHere(iss.path)}` });
        }
        continue;
      }
      if (underAny(iss.path, unknownPaths)) continue;
      failures.push(failure(input, iss.path, iss.message));
    }
  }
  return { failures, value };
}

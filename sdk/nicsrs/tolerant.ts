// Tolerant readers for NicSRS answers (and the simulator's reading of requests). NicSRS backends
// drift from the docs: ids arrive as numbers, flags as "Y"/"1"/1/true, empty objects as `[]`,
// optional fields as null or "". These helpers coerce such values to the one type the client
// exposes, so that only what is needed to act safely is validated, and a missing essential field
// is reported by name. Every schema built from them ignores unknown fields.
// Internal: the published .d.ts never reach zod (see wire-types.ts).
import { z } from "zod";

/** null, "" and whitespace-only strings mean "not given". */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** @internal An optional field where absent, null and "" all mean "not given" (→ undefined). */
export function blank<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (isBlank(v) ? undefined : v), schema.optional());
}

/** @internal A JSON-encoded value decoded; text that is not JSON comes back as it was (the schema then says why). */
export function parsedOrSame(v: string): unknown {
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/** @internal An optional object where null, "", `[]` (PHP's empty object) and a JSON string are tolerated. */
export function blankObject<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => {
    if (isBlank(v) || (Array.isArray(v) && v.length === 0)) return undefined;
    return typeof v === "string" && /^\s*[[{]/.test(v) ? parsedOrSame(v) : v;
  }, schema.optional());
}

function scalarToString(v: unknown): unknown {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "bigint") return v.toString();
  return typeof v === "string" ? v.trim() : v;
}

/** @internal An id the client needs (certId…): a non-empty string or a number, read as a string. */
export const requiredId = z.preprocess(
  scalarToString,
  z.string({ error: (iss) => (iss.input === undefined || iss.input === null ? "missing" : "not a string or number") }).min(1, "empty"),
);

/** @internal An optional id or text: strings kept, numbers read as strings, null / "" / anything else → undefined. */
export const optText = z.preprocess((v) => {
  const s = scalarToString(v);
  return typeof s === "string" && s !== "" ? s : undefined;
}, z.string().optional());

/** @internal Like optText but keeps the exact string (PEMs, file contents): no trimming. */
export const optRaw = z.preprocess((v) => (typeof v === "string" ? (v === "" ? undefined : v) : scalarToString(v) || undefined), z.string().optional());

const TRUE = /^(y|yes|1|true|on)$/i;
const FALSE = /^(n|no|0|false|off)$/i;

/** "Y"/"N", "1"/"0", 1/0, true/false, "yes"/"no" → boolean; anything else → undefined. */
export function readFlag(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return TRUE.test(v.trim()) ? true : FALSE.test(v.trim()) ? false : undefined;
  return undefined;
}

/** @internal A flag read with readFlag. */
export const flag = z.preprocess(readFlag, z.boolean().optional());

/** A number or a numeric string → number; anything else → undefined. */
export function readNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** @internal An optional number read with readNumber. */
export const optNumber = z.preprocess(readNumber, z.number().optional());

/** @internal An object that may come as `[]` (PHP's empty array) or null: read as `{}`, unknown fields kept. */
export function tolerantObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.preprocess((v) => (v === null || v === undefined || (Array.isArray(v) && v.length === 0) ? {} : v), z.looseObject(shape));
}

/** @internal A list whose entries that do not parse are dropped (an object's values are a list; null / other → absent). */
export function lenientList<S extends z.ZodType>(entry: S) {
  return z.preprocess((v) => {
    const list = Array.isArray(v) ? v : v && typeof v === "object" ? Object.values(v) : undefined;
    return list?.filter((e) => entry.safeParse(e).success);
  }, z.array(entry).optional());
}

/** @internal A map domain → entry; `[]`, null and non-object entries are dropped. */
export function lenientRecord<S extends z.ZodType>(entry: S) {
  return z.preprocess((v) => {
    if (!v || typeof v !== "object" || Array.isArray(v)) return undefined;
    return Object.fromEntries(Object.entries(v).filter(([, e]) => e && typeof e === "object" && entry.safeParse(e).success));
  }, z.record(z.string(), entry).optional());
}

/** The first of `names` that holds a value (not null / ""): for fields with aliases (status/certStatus…). */
export function firstOf(obj: Record<string, unknown> | undefined, ...names: string[]): unknown {
  for (const n of names) if (obj && !isBlank(obj[n])) return obj[n];
  return undefined;
}

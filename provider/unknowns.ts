// Pulumi's "unknown" placeholder. During `pulumi preview` an input computed from another resource
// reaches the dynamic provider's check and diff as this exact string (anywhere in the tree: a whole
// field, one array element, one field of a nested object). Validation must accept it.

/** `pulumi.runtime.unknownValue` as it crosses the dynamic-provider boundary. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** Whether the value is, or contains, the unknown placeholder. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

export type PathSegment = string | number;

/**
 * A deep copy with every unknown leaf replaced by `undefined` (object keys removed), and the
 * paths where unknowns were. Validation then runs on the copy and drops issues at or under
 * those paths.
 */
export function stripUnknowns(value: unknown): { value: unknown; unknownPaths: PathSegment[][] } {
  const unknownPaths: PathSegment[][] = [];
  const walk = (v: unknown, path: PathSegment[]): unknown => {
    if (v === UNKNOWN) {
      unknownPaths.push(path);
      return undefined;
    }
    if (Array.isArray(v)) return v.map((e, i) => walk(e, [...path, i]));
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, e] of Object.entries(v)) {
        const w = walk(e, [...path, k]);
        if (w !== undefined) out[k] = w;
      }
      return out;
    }
    return v;
  };
  return { value: walk(value, []), unknownPaths };
}

/** Whether `path` is at or under one of `prefixes`. */
export function underAny(path: readonly PathSegment[], prefixes: readonly (readonly PathSegment[])[]): boolean {
  return prefixes.some((p) => p.length <= path.length && p.every((seg, i) => String(seg) === String(path[i])));
}

/** `domains[1]`, `administrator.email`, `domainDcv["www.example.com"].email`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** A zod issue path (which may hold symbols) as path segments. */
export function segments(path: readonly PropertyKey[] | undefined): PathSegment[] {
  return (path ?? []).map((p) => (typeof p === "number" ? p : String(p)));
}

// Size limits for every string a resource sends to a CA, checked in `check` before anything else,
// and the one way a failure message shows a value (cut, so a huge input is never echoed whole).
//
// The vendor pages give no lengths. The limits are the X.509 upper bounds (RFC 5280 appendix A:
// organization and names 64, locality and state 128, postal code 40) for fields that end up in a
// certificate subject, and generous bounds elsewhere (addresses 255, e-mail 254 per RFC 5321, a CSR
// 16 KiB, which holds a 16384-bit RSA request with 250 SANs). A value the CA would cut or refuse
// after charging is refused here instead.
import type { CheckFailure } from "./check";
import { isUnknown, formatPath, UNKNOWN, type PathSegment } from "./unknowns";

interface BoundFailure extends CheckFailure {
  path: PathSegment[];
}

/** `"abc…"` for strings (first 40 characters, then the length), numbers and booleans as they are. */
export function cutValue(value: unknown, keep = 40): string {
  if (typeof value === "string") {
    return value.length > keep ? `${JSON.stringify(value.slice(0, keep))}…(${value.length} chars)` : JSON.stringify(value);
  }
  if (value === undefined) return "(absent)";
  if (value === null) return "null";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return "an object";
}

export const CONTACT_LIMITS: Record<string, number> = {
  firstName: 64,
  lastName: 64,
  job: 64,
  organization: 64,
  email: 254,
  mobile: 32,
  address: 255,
  city: 128,
  state: 128,
  postCode: 40,
  country: 64,
  organation: 64,
  idType: 32,
};

export const ORGANIZATION_LIMITS: Record<string, number> = {
  organizationName: 64,
  organizationCity: 128,
  organizationMobile: 32,
  organizationAddress: 255,
  organizationCountry: 64,
  organizationPostCode: 40,
  organizationState: 128,
  organizationRegNumber: 64,
  idType: 32,
};

export const CSR_MAX = 16_384;
export const DOMAIN_MAX = 253;
export const MAX_DOMAINS = 250;

/** A limit tree: a number bounds a string; an object bounds an object's fields; `[x]` bounds every element. */
export type Limits = number | { readonly [field: string]: Limits } | readonly [Limits, number];

export const CERTIFICATE_LIMITS: Limits = {
  productCode: 64,
  domains: [DOMAIN_MAX, MAX_DOMAINS],
  dcvMethod: 32,
  dcvEmail: 254,
  domainDcv: { "*": { method: 32, email: 254 } },
  server: 64,
  uniqueValue: 20,
  administrator: CONTACT_LIMITS,
  tech: CONTACT_LIMITS,
  finance: CONTACT_LIMITS,
  organization: ORGANIZATION_LIMITS,
  csr: CSR_MAX,
  key: { algorithm: 16, curve: 16 },
  keySource: 16,
  deletePolicy: 32,
  privateKeyFile: 4096,
  refId: 64,
  certId: 64,
  refIdSeed: 1024,
};

export const VALIDATION_LIMITS: Limits = { certId: 64, validationRecordFqdns: [DOMAIN_MAX, MAX_DOMAINS] };

export const SECTIGO_SSL_LIMITS: Limits = { orderNumber: 128, certificateId: 16 };

export const SECTIGO_SMIME_LIMITS: Limits = {
  orderNumber: 128,
  collectionCode: 16,
  email: 254,
  csr: CSR_MAX,
  key: { algorithm: 16, curve: 16 },
};

/**
 * Every string longer than its limit, and every list longer than its limit, as a failure naming the
 * field, the length and the limit. Unknowns and non-strings pass (the schema reports wrong types).
 */
export function boundFailures(value: unknown, limits: Limits): CheckFailure[] {
  return walk(value, limits, []).map(({ property, reason }) => ({ property, reason }));
}

/**
 * The size failures, and a copy of `input` in which each over-long value stands in as Pulumi's
 * unknown: present, but judged no further (so it is reported once, by its length, never echoed).
 */
export function withBounds(input: Record<string, unknown>, limits: Limits): { failures: CheckFailure[]; checked: Record<string, unknown> } {
  const found = walk(input, limits, []);
  if (found.length === 0) return { failures: [], checked: input };
  const checked = structuredClone(input);
  for (const f of found) {
    let at: Record<string | number, unknown> = checked;
    f.path.slice(0, -1).forEach((seg) => (at = at[seg] as Record<string | number, unknown>));
    at[f.path[f.path.length - 1]] = UNKNOWN;
  }
  return { failures: found.map(({ property, reason }) => ({ property, reason })), checked };
}

function walk(value: unknown, limits: Limits, path: PathSegment[]): BoundFailure[] {
  if (value === undefined || value === null || isUnknown(value)) return [];
  if (typeof limits === "number") {
    if (typeof value === "string" && value.length > limits) {
      return [{ path, property: formatPath(path), reason: `${cutValue(value)} is too long: at most ${limits} characters` }];
    }
    return [];
  }
  if (Array.isArray(limits)) {
    if (!Array.isArray(value)) return [];
    const [each, maxItems] = limits as readonly [Limits, number];
    if (value.length > maxItems) return [{ path, property: formatPath(path), reason: `has ${value.length} entries; at most ${maxItems}` }];
    return value.flatMap((v, i) => walk(v, each, [...path, i]));
  }
  if (typeof value !== "object" || Array.isArray(value)) return [];
  const fields = limits as { readonly [field: string]: Limits };
  const out: BoundFailure[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const limit = fields[k] ?? fields["*"];
    if (limit === undefined) {
      // An unexpected field is the schema's business; only its size is ours.
      if (typeof v === "string" && v.length > 1024) out.push({ path: [...path, k], property: formatPath([...path, k]), reason: `${cutValue(v)} is too long` });
      continue;
    }
    if (fields["*"] !== undefined && fields[k] === undefined && k.length > DOMAIN_MAX) {
      out.push({ path, property: formatPath(path), reason: `has a key ${cutValue(k)} longer than ${DOMAIN_MAX} characters` });
      continue;
    }
    out.push(...walk(v, limit, [...path, k]));
  }
  return out;
}

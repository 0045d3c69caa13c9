// The Certificate's inputs: the zod schema and the cross-field rules (the checkers), with defaults and
// allowed-values text from the field table (./schema/certificate-fields.ts), and the normalized spec
// the rest of the provider works from. Pure: no CA call, no Pulumi import.
import { createHash } from "node:crypto";
import { isAbsolute } from "node:path";
import { z } from "zod";
import {
  ContactSchema,
  DCV_EMAIL_LOCAL_PARTS,
  DCV_METHODS,
  DcvMethodSchema,
  OrganizationInfoSchema,
  RefIdSchema,
  UniqueValueSchema,
  type Contact,
  type DcvMethod,
  type OrganizationInfo,
} from "../sdk/nicsrs/wire";
import { parseCsr } from "../sdk/x509";
import { productFacts } from "./products";
import { formatPath, type PathSegment } from "./unknowns";
import { CERTIFICATE_LIMITS, withBounds } from "./input-bounds";
import { csrDomainProblems } from "./csr-domains";
import { failureText, schemaFailures, valueAt, withoutProvider, type CheckFailure } from "./check";
import { CERTIFICATE_FIELDS, CERTIFICATE_HIDDEN_INPUTS } from "./schema/certificate-fields";
import { allowedTextOf, createOnlyNames, replaceNames, type FieldFacts, type ObjectType } from "./schema/field-table";
import { OBJECT_TYPES } from "./schema/object-types";

const INPUTS = CERTIFICATE_FIELDS.inputs;
export const DELETE_POLICIES = INPUTS.deletePolicy.allowed;
export type DeletePolicy = (typeof DELETE_POLICIES)[number];
export const KEY_SOURCES = INPUTS.keySource.allowed;
export const KEY_ALGORITHMS = OBJECT_TYPES.Key.properties.algorithm.allowed;
export const RSA_BITS = OBJECT_TYPES.Key.properties.rsaBits.allowed;
export const EC_CURVES = OBJECT_TYPES.Key.properties.curve.allowed;

export const DEFAULTS = {
  years: INPUTS.years.default,
  dcvMethod: INPUTS.dcvMethod.default,
  renewBeforeDays: INPUTS.renewBeforeDays.default,
  waitForIssuance: INPUTS.waitForIssuance.default,
  waitTimeoutMinutes: INPUTS.waitTimeoutMinutes.default,
  deletePolicy: INPUTS.deletePolicy.default,
  key: {
    algorithm: OBJECT_TYPES.Key.properties.algorithm.default,
    rsaBits: OBJECT_TYPES.Key.properties.rsaBits.default,
    curve: OBJECT_TYPES.Key.properties.curve.default,
  },
};

/** Letters, digits and hyphens per label (not at a label's ends), dots between, optional `*.`. */
const DOMAIN_RE = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const DOMAIN_MESSAGE = 'is not a valid domain name (letters, digits, hyphens, dots; optional leading "*.")';
const MAILBOXES = DCV_EMAIL_LOCAL_PARTS.map((l) => `${l}@`).join(", ");

const Domain = z.string().max(253, "at most 253 characters").regex(DOMAIN_RE, DOMAIN_MESSAGE);

const DomainDcvSchema = z.strictObject({ method: DcvMethodSchema.optional(), email: z.string().optional() });
const KeySchema = z.strictObject({
  algorithm: z.enum(KEY_ALGORITHMS).optional(),
  rsaBits: z.literal(RSA_BITS).optional(),
  curve: z.enum(EC_CURVES).optional(),
});

/** The raw inputs as the resource class sends them (before defaults). */
/** @internal */
export const CertificateInputsSchema = z.strictObject({
  productCode: z.string().trim().min(1),
  years: z.number().int().min(1).max(6).optional(),
  domains: z.array(Domain).min(1),
  dcvMethod: DcvMethodSchema.optional(),
  dcvEmail: z.string().optional(),
  domainDcv: z.record(z.string(), DomainDcvSchema).optional(),
  server: z.string().trim().min(1).optional(),
  uniqueValue: UniqueValueSchema.optional(),
  administrator: ContactSchema.optional(),
  tech: ContactSchema.optional(),
  finance: ContactSchema.optional(),
  organization: OrganizationInfoSchema.optional(),
  csr: z.string().optional(),
  key: KeySchema.optional(),
  keySource: z.enum(KEY_SOURCES).optional(),
  privateKeyFile: z.string().min(1).optional(),
  renewBeforeDays: z.number().int().min(1).max(90).optional(),
  waitForIssuance: z.boolean().optional(),
  waitTimeoutMinutes: z.number().positive().max(1440).optional(),
  deletePolicy: z.enum(DELETE_POLICIES).optional(),
  refId: RefIdSchema.optional(),
  certId: z.string().trim().min(1).optional(),
  /** Set by the resource class: project/stack/name, the stable half of the derived refId. */
  refIdSeed: z.string().optional(),
  /** Set by check (./order-ref.ts): how often the resource's order was replaced, the other half. */
  orderGeneration: z.number().int().min(1).optional(),
});
/** @internal */
export type CertificateInputs = z.infer<typeof CertificateInputsSchema>;
/** @internal */
export const INPUT_NAMES = Object.keys(CertificateInputsSchema.shape) as (keyof CertificateInputs)[];

/** A value of the domainDcv map (its fields are worded by the table's DomainDcv object type). */
const DOMAIN_DCV_ENTRY = "{ method?, email? }";

const TOP_FIELDS: FieldFacts = { ...INPUTS, ...CERTIFICATE_HIDDEN_INPUTS };
const TYPES: Readonly<Record<string, ObjectType>> = OBJECT_TYPES;

/** The object type a top-level field holds (directly or as map values), for its nested fields' allowed values. */
function objectTypeOf(name: string): string | undefined {
  const t = TOP_FIELDS[name]?.type;
  if (t && typeof t === "object" && "ref" in t) return t.ref;
  if (t && typeof t === "object" && "map" in t && typeof t.map === "object" && "ref" in t.map) return t.map.ref;
  return undefined;
}

function allowedFor(path: readonly PathSegment[]): string {
  const key = path.map((s) => (typeof s === "number" ? "" : s)).filter(Boolean);
  if (key.length === 1 && allowedTextOf(TOP_FIELDS[key[0]])) return allowedTextOf(TOP_FIELDS[key[0]])!;
  if (path[0] === "domains" && path.length === 2) return DOMAIN_MESSAGE;
  if (key[0] === "domainDcv" && key.length === 2) return DOMAIN_DCV_ENTRY;
  const type = objectTypeOf(key[0]);
  const inner = type && key.length >= 2 ? TYPES[type]?.properties[key[key.length - 1]] : undefined;
  if (allowedTextOf(inner)) return allowedTextOf(inner)!;
  if (key.length >= 2 && (type === "Contact" || type === "Organization")) return "a non-empty string";
  if (key.length >= 2 && allowedTextOf(TOP_FIELDS[key[0]])) return allowedTextOf(TOP_FIELDS[key[0]])!;
  return "see the Certificate documentation";
}

/** The names a user may give (the hidden inputs are the provider's own). */
const USER_INPUT_NAMES = Object.keys(INPUTS).join(", ");

/**
 * Validates the inputs (with unknowns allowed anywhere). Returns every failure; an empty list means
 * every known value is valid.
 */
export function validateCertificateInputs(raw: Record<string, unknown>): CheckFailure[] {
  const input = withoutProvider(raw);
  // Sizes first: an over-long value is reported once, by its length, and checked no further.
  const { failures: tooLong, checked } = withBounds(input, CERTIFICATE_LIMITS);
  const blocked = tooLong.map((f) => f.property);
  const isBlocked = (property: string) => blocked.some((b) => property === b || property.startsWith(`${b}.`) || property.startsWith(`${b}[`));
  const notHere = (path: readonly PathSegment[]) =>
    path.length === 0 ? `an input of Certificate (inputs: ${USER_INPUT_NAMES})` : `a field here (${allowedFor(path)})`;
  const { failures: ruleFailures, value } = schemaFailures(CertificateInputsSchema, checked, allowedFor, notHere);
  const failures: CheckFailure[] = [...tooLong, ...ruleFailures];
  failures.push(...crossFieldFailures(input, value as Record<string, unknown>).filter((f) => !isBlocked(f.property)));
  // one failure per property is enough
  const seen = new Set<string>();
  return failures.filter((f) => (seen.has(f.property + f.reason) ? false : (seen.add(f.property + f.reason), true)));
}


const isStr = (v: unknown): v is string => typeof v === "string";

/** `admin@example.com` for `www.example.com`: an approved mailbox at the domain or a parent (not a TLD). */
export function dcvEmailProblem(domain: string, email: string): string | undefined {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at).toLowerCase();
  const host = email.slice(at + 1).toLowerCase();
  const base = domain.toLowerCase().replace(/^\*\./, "");
  if (at <= 0 || !(DCV_EMAIL_LOCAL_PARTS as readonly string[]).includes(local) || !host.includes(".") || !(base === host || base.endsWith(`.${host}`))) {
    return `is not an approved DCV mailbox for ${domain} (${MAILBOXES} ${base} or a parent domain)`;
  }
  return undefined;
}

/** Rules across fields, on the unknown-stripped value (anything absent is skipped). */
function crossFieldFailures(root: Record<string, unknown>, v: Record<string, unknown>): CheckFailure[] {
  const out: CheckFailure[] = [];
  const domains = Array.isArray(v.domains) ? v.domains : [];
  const knownDomains = domains.filter((d): d is string => isStr(d) && DOMAIN_RE.test(d));
  const lower = (d: string) => d.toLowerCase();
  const has = (k: string) => k in root && root[k] !== undefined;

  // duplicates
  const seen = new Map<string, number>();
  domains.forEach((d, i) => {
    if (!isStr(d)) return;
    if (seen.has(lower(d))) out.push(failureText(root, ["domains", i], `is listed twice (also domains[${seen.get(lower(d))}])`));
    else seen.set(lower(d), i);
  });

  // DCV per domain
  const overrides = v.domainDcv && typeof v.domainDcv === "object" ? (v.domainDcv as Record<string, { method?: unknown; email?: unknown }>) : {};
  for (const key of Object.keys(overrides)) {
    if (!domains.some((d) => isStr(d) && lower(d) === lower(key)) && !domains.some((d) => d === undefined)) {
      out.push({ property: formatPath(["domainDcv", key]), reason: `"${key}" is not one of domains` });
    }
  }
  const topMethodKnown = v.dcvMethod === undefined ? !("dcvMethod" in root) : isStr(v.dcvMethod);
  for (const domain of knownDomains) {
    const okey = Object.keys(overrides).find((k) => lower(k) === lower(domain));
    const o = okey ? overrides[okey] : undefined;
    const methodPath: PathSegment[] = o && "method" in (root.domainDcv as Record<string, Record<string, unknown>>)[okey!] ? ["domainDcv", okey!, "method"] : ["dcvMethod"];
    const method = o?.method ?? v.dcvMethod ?? (topMethodKnown ? DEFAULTS.dcvMethod : undefined);
    if (!isStr(method) || !(DCV_METHODS as readonly string[]).includes(method)) continue;
    if (domain.startsWith("*.") && (method === "HTTP_CSR_HASH" || method === "HTTPS_CSR_HASH")) {
      out.push(failureText(root, methodPath, `is not allowed for the wildcard ${domain} (use CNAME_CSR_HASH or EMAIL)`));
    }
    if (method === "EMAIL") {
      const emailPath: PathSegment[] = o && o.email !== undefined ? ["domainDcv", okey!, "email"] : ["dcvEmail"];
      const rawEmail = valueAt(root, emailPath);
      const email = o?.email ?? v.dcvEmail;
      if (rawEmail === undefined && email === undefined) {
        out.push({ property: formatPath(emailPath), reason: `is required when ${domain} uses EMAIL DCV (${MAILBOXES} ${domain.replace(/^\*\./, "")} or a parent domain)` });
      } else if (isStr(email)) {
        const problem = dcvEmailProblem(domain, email);
        if (problem) out.push(failureText(root, emailPath, problem));
      }
    }
  }

  // the order's contacts: sent with a paid order, not needed to adopt one by certId
  if (!has("certId") && !has("administrator")) {
    out.push({ property: "administrator", reason: `is required when certId is not set: a new order sends it (${allowedFor(["administrator"])})` });
  }

  // key material
  if (has("csr") && has("key")) out.push({ property: "key", reason: "cannot be combined with csr (a CSR already fixes the key; give one or the other)" });
  if (has("csr") && v.keySource === "ca") out.push({ property: "keySource", reason: '"ca" cannot be combined with csr (the CA generates the key only when no CSR is sent)' });
  if (has("key") && v.keySource === "ca") out.push({ property: "key", reason: 'cannot be combined with keySource "ca" (the CA chooses the key)' });
  if (has("privateKeyFile") && has("csr")) out.push({ property: "privateKeyFile", reason: "cannot be combined with csr (with your own CSR the key is already yours)" });
  if (has("privateKeyFile") && v.keySource === "ca") out.push({ property: "privateKeyFile", reason: 'cannot be combined with keySource "ca" (the CA generates that key and returns it in pkcs12)' });
  if (isStr(v.privateKeyFile) && !isAbsolute(v.privateKeyFile)) out.push(failureText(root, ["privateKeyFile"], "is not an absolute path (the provider's working directory is not yours to rely on)"));
  const key = v.key as { algorithm?: unknown; rsaBits?: unknown; curve?: unknown } | undefined;
  if (key && typeof key === "object") {
    const keyRaw = root.key as Record<string, unknown>;
    const algorithm = key.algorithm ?? (keyRaw && "algorithm" in keyRaw ? undefined : "RSA");
    if (algorithm === "ECDSA" && key.rsaBits !== undefined) out.push(failureText(root, ["key", "rsaBits"], "is only for RSA keys (this key is ECDSA: set curve)"));
    if (algorithm === "RSA" && key.curve !== undefined) out.push(failureText(root, ["key", "curve"], 'is only for ECDSA keys (set algorithm: "ECDSA")'));
  }
  if (isStr(v.csr)) {
    try {
      const parsed = parseCsr(v.csr);
      const problems = csrDomainProblems(parsed, v.domains);
      if (problems.length > 0) out.push({ property: "csr", reason: `does not match domains: ${problems.join("; ")}` });
    } catch (err) {
      out.push({ property: "csr", reason: `is not a usable certificate request (${(err as Error).message})` });
    }
  }

  // product rules (limits known for the catalogue's codes; validation type guessed otherwise)
  if (isStr(v.productCode) && v.productCode.trim()) {
    const facts = productFacts(v.productCode);
    const code = v.productCode.trim();
    if (facts.maxDomains !== undefined && Array.isArray(v.domains) && domains.length > facts.maxDomains) {
      out.push({ property: "domains", reason: `has ${domains.length} names; ${code} takes at most ${facts.maxDomains}` });
    }
    if (facts.wildcard === false) {
      domains.forEach((d, i) => {
        if (isStr(d) && d.startsWith("*.")) out.push(failureText(root, ["domains", i], `is a wildcard; ${code} does not take wildcards (use a wildcard product such as positivessl-wildcard)`));
      });
    }
    if (facts.years && typeof v.years === "number" && Number.isInteger(v.years) && v.years >= 1 && v.years <= 6 && !facts.years.includes(v.years)) {
      out.push({ property: "years", reason: `${v.years} is not allowed for ${code} (${facts.years[0]}-${facts.years[facts.years.length - 1]})` });
    }
    if (facts.validationType !== "DV" && !has("certId")) {
      for (const field of ORGANIZATION_INPUTS) {
        if (!has(field)) out.push({ property: field, reason: `is required for ${facts.validationType} products such as ${code} when certId is not set (${allowedFor([field])})` });
      }
    }
    if (facts.known && facts.vendor !== "Sectigo" && has("uniqueValue")) {
      out.push({ property: "uniqueValue", reason: `is only used by Sectigo products; ${code} is ${facts.vendor}` });
    }
  }
  return out;
}

/** The contacts OV/EV orders send besides the administrator. */
const ORGANIZATION_INPUTS = ["organization", "tech", "finance"] as const;

/**
 * The inputs a paid order (place or renewal) sends that the spec lacks: the CA does not report an
 * order's contacts, so a Certificate that adopted its order by certId (or `pulumi import`) may have
 * none, and needs them only when a renewal falls due. Empty when the order can be sent.
 */
export function missingOrderContacts(spec: CertificateSpec): string[] {
  const needed = ["administrator", ...(productFacts(spec.productCode).validationType !== "DV" ? ORGANIZATION_INPUTS : [])] as const;
  return needed.filter((k) => spec[k] === undefined);
}

// ---- normalized spec ----------------------------------------------------------------------

export interface DomainDcv {
  domain: string;
  method: DcvMethod;
  email?: string;
}

export interface KeySpec {
  algorithm: "RSA" | "ECDSA";
  rsaBits?: 2048 | 3072 | 4096;
  curve?: "P-256" | "P-384";
}

/** The inputs with defaults applied and DCV resolved per domain. */
export interface CertificateSpec {
  productCode: string;
  years: number;
  /** Lower-cased, in the given order (the first is the common name). */
  domains: string[];
  dcv: DomainDcv[];
  server?: string;
  uniqueValue?: string;
  administrator?: Contact;
  tech?: Contact;
  finance?: Contact;
  organization?: OrganizationInfo;
  csr?: string;
  /** Local keys only: the key lives in this file, never in an output. */
  privateKeyFile?: string;
  /** `csr`: the user's CSR; `local`: key and CSR generated here; `ca`: the CA generates the key. */
  keySource: "csr" | "local" | "ca";
  key?: KeySpec;
  renewBeforeDays: number;
  waitForIssuance: boolean;
  waitTimeoutMinutes: number;
  deletePolicy: DeletePolicy;
  refId?: string;
  certId?: string;
  refIdSeed?: string;
}

/**
 * The spec from inputs (validated) or from stored state (lenient: never throws, so state written
 * by an older version still diffs).
 */
export function toSpec(raw: Record<string, unknown>): CertificateSpec {
  const r = (raw ?? {}) as Partial<CertificateInputs> & Record<string, unknown>;
  const str = (x: unknown) => (typeof x === "string" ? x : undefined);
  const domains = (Array.isArray(r.domains) ? r.domains : []).map((d) => String(d).trim().toLowerCase());
  const overrides = (r.domainDcv && typeof r.domainDcv === "object" ? r.domainDcv : {}) as Record<string, { method?: DcvMethod; email?: string }>;
  const byLower = new Map(Object.entries(overrides).map(([k, o]) => [k.toLowerCase(), o]));
  const dcvMethod = (str(r.dcvMethod) as DcvMethod | undefined) ?? DEFAULTS.dcvMethod;
  const dcv = domains.map((domain) => {
    const o = byLower.get(domain) ?? {};
    const method = o.method ?? dcvMethod;
    const email = method === "EMAIL" ? (o.email ?? str(r.dcvEmail))?.toLowerCase() : undefined;
    return email ? { domain, method, email } : { domain, method };
  });
  const csr = str(r.csr);
  const keySource = csr ? "csr" : r.keySource === "ca" ? "ca" : "local";
  let key: KeySpec | undefined;
  if (keySource === "local") {
    const k = (r.key ?? {}) as Partial<KeySpec>;
    const algorithm = k.algorithm === "ECDSA" ? "ECDSA" : "RSA";
    key = algorithm === "RSA" ? { algorithm, rsaBits: k.rsaBits ?? DEFAULTS.key.rsaBits } : { algorithm, curve: k.curve ?? DEFAULTS.key.curve };
  }
  return {
    productCode: String(r.productCode ?? "").trim(),
    years: typeof r.years === "number" ? r.years : DEFAULTS.years,
    domains,
    dcv,
    server: str(r.server),
    uniqueValue: str(r.uniqueValue),
    administrator: r.administrator as Contact | undefined,
    tech: r.tech as Contact | undefined,
    finance: r.finance as Contact | undefined,
    organization: r.organization as OrganizationInfo | undefined,
    csr,
    privateKeyFile: keySource === "local" ? str(r.privateKeyFile) : undefined,
    keySource,
    key,
    renewBeforeDays: typeof r.renewBeforeDays === "number" ? r.renewBeforeDays : DEFAULTS.renewBeforeDays,
    waitForIssuance: typeof r.waitForIssuance === "boolean" ? r.waitForIssuance : DEFAULTS.waitForIssuance,
    waitTimeoutMinutes: typeof r.waitTimeoutMinutes === "number" ? r.waitTimeoutMinutes : DEFAULTS.waitTimeoutMinutes,
    deletePolicy: (DELETE_POLICIES as readonly string[]).includes(String(r.deletePolicy)) ? (r.deletePolicy as DeletePolicy) : DEFAULTS.deletePolicy,
    refId: str(r.refId),
    certId: str(r.certId),
    refIdSeed: str(r.refIdSeed),
  };
}

// ---- what identifies the order ---------------------------------------------------------------

/** The inputs whose change means a different order: those that replace, and the create-only refId. */
export const REPLACE_KEYS: readonly string[] = [...replaceNames(INPUTS), ...createOnlyNames(INPUTS)];

/** A canonical text of the replacement-relevant inputs. */
export function orderIdentity(spec: CertificateSpec): string {
  return JSON.stringify({
    productCode: spec.productCode.toLowerCase(),
    commonName: spec.domains[0] ?? "",
    domains: [...spec.domains].sort(),
    keySource: spec.keySource,
    key: spec.key ?? null,
    csr: spec.csr ? sha256Hex(spec.csr.replace(/\s+/g, "")) : null,
    uniqueValue: spec.uniqueValue ?? null,
  });
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** `pulumi-<24 hex>` of a seed and parts (see ./order-ref.ts for the first order's). */
export function deriveRefId(seed: string, ...parts: string[]): string {
  return `pulumi-${sha256Hex([seed, ...parts].join("\n")).slice(0, 24)}`;
}

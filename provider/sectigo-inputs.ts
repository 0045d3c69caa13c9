// Input checks of SectigoSslCertificate and SmimeCertificate (Pulumi check failures; unknowns pass),
// worded like every resource's (./check.ts) with the allowed-values text of their field tables.
import { failure, withoutProvider, type CheckFailure } from "./check";
import { isUnknown } from "./unknowns";
import { withBounds, SECTIGO_SMIME_LIMITS, SECTIGO_SSL_LIMITS, type Limits } from "./input-bounds";
import { allowedTextOf, type Field } from "./schema/field-table";
import { OBJECT_TYPES } from "./schema/object-types";
import { SECTIGO_SMIME_FIELDS } from "./schema/sectigo-smime-fields";
import { SECTIGO_SSL_FIELDS } from "./schema/sectigo-ssl-fields";

type Props = Record<string, unknown>;
type Table = Readonly<Record<string, Partial<Field>>>;

const CREDENTIAL_KEYS = ["loginName", "loginPassword", "password"];
const KEY = OBJECT_TYPES.Key.properties;
const present = (v: unknown) => v !== undefined && v !== null && v !== "";
const judged = (v: unknown) => present(v) && !isUnknown(v);
const notAllowed = (props: Props, table: Table, name: string): CheckFailure => failure(props, [name], allowedTextOf(table[name]) ?? name);

function idFailure(props: Props, table: Table, name: string, max: number, digitsOnly: boolean): CheckFailure | undefined {
  const v = props[name];
  if (!judged(v)) return undefined;
  const s = typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? String(v) : typeof v === "string" ? v.trim() : undefined;
  if (s === undefined || s.length === 0 || s.length > max || (digitsOnly && !/^\d+$/.test(s))) return notAllowed(props, table, name);
  return undefined;
}

function exactlyOne(props: Props, names: string[]): CheckFailure | undefined {
  const given = names.filter((n) => present(props[n]));
  if (given.length === 1) return undefined;
  return { property: given[1] ?? names[0], reason: `give exactly one of ${names.join(" or ")}` };
}

function common(props: Props, table: Table): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const k of CREDENTIAL_KEYS)
    if (k in props && props[k] !== undefined)
      out.push({ property: k, reason: "Sectigo credentials are not inputs: set sectigo:loginName / sectigo:loginPassword (secret) in the stack config, or SECTIGO_LOGIN_NAME / SECTIGO_LOGIN_PASSWORD" });
  const t = props.waitTimeoutMinutes;
  if (judged(t) && !(typeof t === "number" && t > 0 && t <= 1440)) out.push(notAllowed(props, table, "waitTimeoutMinutes"));
  return out;
}

/** Size failures first; an over-long value is then judged no further. */
function bounded(props: Props, limits: Limits, rest: (p: Props) => CheckFailure[]): CheckFailure[] {
  const { failures, checked } = withBounds(withoutProvider(props), limits);
  return [...failures, ...rest(checked)];
}

export function checkSslInputs(props: Props): CheckFailure[] {
  return bounded(props, SECTIGO_SSL_LIMITS, checkSsl);
}

export function checkSmimeInputs(props: Props): CheckFailure[] {
  return bounded(props, SECTIGO_SMIME_LIMITS, checkSmime);
}

function checkSsl(props: Props): CheckFailure[] {
  const table: Table = SECTIGO_SSL_FIELDS.inputs;
  const out = common(props, table);
  const one = exactlyOne(props, ["orderNumber", "certificateId"]);
  if (one) out.push(one);
  for (const f of [idFailure(props, table, "orderNumber", 128, false), idFailure(props, table, "certificateId", 16, true)]) if (f) out.push(f);
  const w = props.waitForIssuance;
  if (judged(w) && typeof w !== "boolean") out.push(notAllowed(props, table, "waitForIssuance"));
  return out;
}

function checkSmime(props: Props): CheckFailure[] {
  const table: Table = SECTIGO_SMIME_FIELDS.inputs;
  const out = common(props, table);
  const one = exactlyOne(props, ["orderNumber", "collectionCode"]);
  if (one) out.push(one);
  for (const f of [idFailure(props, table, "orderNumber", 128, false), idFailure(props, table, "collectionCode", 16, false)]) if (f) out.push(f);
  const { email, csr, key } = props;
  if (judged(email) && !(typeof email === "string" && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) out.push(notAllowed(props, table, "email"));
  if (!present(csr) && !present(email)) out.push({ property: "email", reason: "is required to generate the CSR (an e-mail address; or give your own csr)" });
  if (judged(csr) && !(typeof csr === "string" && /-----BEGIN (NEW )?CERTIFICATE REQUEST-----/.test(csr))) out.push(notAllowed(props, table, "csr"));
  if (present(csr) && present(key)) out.push({ property: "key", reason: "cannot be combined with csr (a key applies only when the CSR is generated here; drop it or csr)" });
  if (judged(key)) {
    const k = key as Props;
    const alg = k.algorithm ?? KEY.algorithm.default;
    const allows = (f: { readonly allowed: readonly (string | number)[] }, v: unknown) => f.allowed.some((a) => a === v);
    if (typeof key !== "object" || Array.isArray(key)) out.push(notAllowed(props, table, "key"));
    else if (!isUnknown(alg) && !allows(KEY.algorithm, alg)) out.push(failure(props, ["key", "algorithm"], allowedTextOf(KEY.algorithm)!));
    else if (alg === "RSA" && k.rsaBits !== undefined && !isUnknown(k.rsaBits) && !allows(KEY.rsaBits, k.rsaBits))
      out.push(failure(props, ["key", "rsaBits"], allowedTextOf(KEY.rsaBits)!));
    else if (alg === "ECDSA" && k.curve !== undefined && !isUnknown(k.curve) && !allows(KEY.curve, k.curve)) out.push(failure(props, ["key", "curve"], allowedTextOf(KEY.curve)!));
  }
  return out;
}

export const idString = (v: unknown): string | undefined => (v === undefined || v === null || v === "" ? undefined : String(v).trim());

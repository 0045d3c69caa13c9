// Input checks of SectigoSslCertificate and SmimeCertificate (Pulumi check failures; unknowns pass).
import type { CheckFailure } from "./certificate-inputs";
import { isUnknown } from "./unknowns";
import { withBounds, SECTIGO_SMIME_LIMITS, SECTIGO_SSL_LIMITS, type Limits } from "./input-bounds";

type Props = Record<string, unknown>;

const CREDENTIAL_KEYS = ["loginName", "loginPassword", "password"];
const present = (v: unknown) => v !== undefined && v !== null && v !== "";

function idFailure(props: Props, name: string, max: number, digitsOnly: boolean): CheckFailure | undefined {
  const v = props[name];
  if (!present(v) || isUnknown(v)) return undefined;
  const s = typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? String(v) : typeof v === "string" ? v.trim() : undefined;
  if (s === undefined || s.length === 0 || s.length > max || (digitsOnly && !/^\d+$/.test(s)))
    return { property: name, reason: digitsOnly ? `${name} must be an integer of at most ${max} digits` : `${name} must be a string of 1-${max} characters` };
  return undefined;
}

function exactlyOne(props: Props, names: string[]): CheckFailure | undefined {
  const given = names.filter((n) => present(props[n]));
  if (given.length === 1) return undefined;
  return { property: given[1] ?? names[0], reason: `give exactly one of ${names.join(" or ")}` };
}

function common(props: Props): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const k of CREDENTIAL_KEYS)
    if (k in props && props[k] !== undefined)
      out.push({ property: k, reason: "Sectigo credentials are not inputs: set sectigo:loginName / sectigo:loginPassword (secret) in the stack config, or SECTIGO_LOGIN_NAME / SECTIGO_LOGIN_PASSWORD" });
  const t = props.waitTimeoutMinutes;
  if (present(t) && !isUnknown(t) && !(typeof t === "number" && t > 0 && t <= 1440))
    out.push({ property: "waitTimeoutMinutes", reason: "waitTimeoutMinutes must be a number of minutes, more than 0 and at most 1440" });
  return out;
}

/** Size failures first; an over-long value is then judged no further. */
function bounded(props: Props, limits: Limits, rest: (p: Props) => CheckFailure[]): CheckFailure[] {
  const { __provider: _p, ...input } = props ?? {};
  const { failures, checked } = withBounds(input, limits);
  return [...failures, ...rest(checked)];
}

export function checkSslInputs(props: Props): CheckFailure[] {
  return bounded(props, SECTIGO_SSL_LIMITS, checkSsl);
}

export function checkSmimeInputs(props: Props): CheckFailure[] {
  return bounded(props, SECTIGO_SMIME_LIMITS, checkSmime);
}

function checkSsl(props: Props): CheckFailure[] {
  const out = common(props);
  const one = exactlyOne(props, ["orderNumber", "certificateId"]);
  if (one) out.push(one);
  for (const f of [idFailure(props, "orderNumber", 128, false), idFailure(props, "certificateId", 16, true)]) if (f) out.push(f);
  const w = props.waitForIssuance;
  if (present(w) && !isUnknown(w) && typeof w !== "boolean") out.push({ property: "waitForIssuance", reason: "waitForIssuance must be a boolean" });
  return out;
}

function checkSmime(props: Props): CheckFailure[] {
  const out = common(props);
  const one = exactlyOne(props, ["orderNumber", "collectionCode"]);
  if (one) out.push(one);
  for (const f of [idFailure(props, "orderNumber", 128, false), idFailure(props, "collectionCode", 16, false)]) if (f) out.push(f);
  const { email, csr, key } = props;
  if (present(email) && !isUnknown(email) && !(typeof email === "string" && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)))
    out.push({ property: "email", reason: "email must be an e-mail address" });
  if (!present(csr) && !present(email)) out.push({ property: "email", reason: "email is needed to generate the CSR (or give your own csr)" });
  if (present(csr) && !isUnknown(csr) && !(typeof csr === "string" && /-----BEGIN (NEW )?CERTIFICATE REQUEST-----/.test(csr)))
    out.push({ property: "csr", reason: "csr must be a PEM certificate request" });
  if (present(csr) && present(key)) out.push({ property: "key", reason: "key applies only when the CSR is generated here; drop it or csr" });
  if (present(key) && !isUnknown(key)) {
    const k = key as Props;
    const alg = k.algorithm ?? "RSA";
    if (typeof key !== "object" || Array.isArray(key)) out.push({ property: "key", reason: "key must be an object" });
    else if (!isUnknown(alg) && alg !== "RSA" && alg !== "ECDSA") out.push({ property: "key.algorithm", reason: 'key.algorithm must be "RSA" or "ECDSA"' });
    else if (alg === "RSA" && k.rsaBits !== undefined && !isUnknown(k.rsaBits) && ![2048, 3072, 4096].includes(k.rsaBits as number))
      out.push({ property: "key.rsaBits", reason: "key.rsaBits must be 2048, 3072 or 4096" });
    else if (alg === "ECDSA" && k.curve !== undefined && !isUnknown(k.curve) && k.curve !== "P-256" && k.curve !== "P-384")
      out.push({ property: "key.curve", reason: 'key.curve must be "P-256" or "P-384"' });
  }
  return out;
}

export function failuresText(failures: CheckFailure[]): string {
  return failures.map((f) => `${f.property}: ${f.reason}`).join("; ");
}

export const idString = (v: unknown): string | undefined => (v === undefined || v === null || v === "" ? undefined : String(v).trim());

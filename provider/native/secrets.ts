// Secret values as they cross the provider protocol when the provider accepts secrets: an object
// carrying Pulumi's signature key. The lifecycle code works on plain values; secretness is put
// back on the way out.
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

type Props = Record<string, unknown>;

export function isSecret(v: unknown): v is { value: unknown } {
  return v !== null && typeof v === "object" && (v as Props)[SIG_KEY] === SECRET_SIG;
}

export function secret(value: unknown): Props {
  return { [SIG_KEY]: SECRET_SIG, value };
}

/** A deep copy with every secret replaced by its value. */
export function reveal(v: unknown): unknown {
  if (isSecret(v)) return reveal(v.value);
  if (Array.isArray(v)) return v.map(reveal);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, reveal(e)]));
  return v;
}

export function containsSecret(v: unknown): boolean {
  if (isSecret(v)) return true;
  if (Array.isArray(v)) return v.some(containsSecret);
  if (v !== null && typeof v === "object") return Object.values(v).some(containsSecret);
  return false;
}

/** `outs` with the named top-level fields (when present) marked secret. */
export function markSecret(outs: Props, names: Iterable<string>): Props {
  const out = { ...outs };
  for (const k of names) if (out[k] !== undefined && !isSecret(out[k])) out[k] = secret(out[k]);
  return out;
}

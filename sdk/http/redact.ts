// Scrubbing secrets (API token, login password) out of any text bound for a log or an error.

/**
 * A function replacing every occurrence of each secret with `mask`, in every form a secret takes
 * on the wire or in an echo of it: raw, JSON-escaped, URL-encoded and form-encoded (space as `+`).
 */
export function makeRedactor(secrets: readonly (string | undefined)[], mask = "[REDACTED]"): (text: string) => string {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    forms.add(s);
    forms.add(JSON.stringify(s).slice(1, -1));
    forms.add(encodeURIComponent(s));
    forms.add(new URLSearchParams({ s }).toString().slice(2));
  }
  // Longest first, so a form that contains another is replaced whole.
  const ordered = [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const f of ordered) out = out.split(f).join(mask);
    return out;
  };
}

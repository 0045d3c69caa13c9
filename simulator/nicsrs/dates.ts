const UTC8_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DD HH:mm:ss` in UTC+8, as the real API writes dates. */
export function toWireDate(at: string | Date): string {
  const d = new Date(new Date(at).getTime() + UTC8_MS);
  return d.toISOString().slice(0, 19).replace("T", " ");
}

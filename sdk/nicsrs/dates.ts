// NicSRS dates are "YYYY-MM-DD HH:mm:ss" with no zone, in UTC+8 (Beijing time).
const WIRE_OFFSET_MINUTES = 8 * 60;
const WIRE_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Converts a wire date to ISO 8601 UTC (`2019-12-21 08:00:00` → `2019-12-21T00:00:00.000Z`).
 * Strings that already carry a zone are re-emitted in UTC. Empty, `0000-00-00…` and
 * unparseable values give undefined rather than an error: a date is never worth failing a call.
 */
export function wireDateToIso(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text || text.startsWith("0000-00-00")) return undefined;
  const m = WIRE_DATE.exec(text);
  if (m) {
    const [, y, mo, d, h = "0", mi = "0", s = "0"] = m;
    // Date.UTC would roll over out-of-range parts (month 13); reject those instead.
    if (+mo! < 1 || +mo! > 12 || +d! < 1 || +d! > 31 || +h > 23 || +mi > 59 || +s > 59) return undefined;
    const utcMs = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s) - WIRE_OFFSET_MINUTES * 60_000;
    return new Date(utcMs).toISOString();
  }
  if (HAS_ZONE.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
  }
  return undefined;
}

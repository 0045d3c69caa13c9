// The small text fields shared by the response formats.
import { CAA_STATUSES, STATUS_DETAIL_MEANINGS } from "../codes";
import { SectigoResponseError, excerptOf } from "../errors";
import type { StatusDetail, StatusDetailName } from "../types";

export function parseStatusCode(text: string | undefined): number {
  const t = (text ?? "").trim();
  if (!/^-?\d{1,6}$/.test(t)) throw new SectigoResponseError("no status code", excerptOf(text ?? ""));
  return Number(t);
}

function dmyToIso(dmy: string, time: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(dmy);
  if (!m) throw new SectigoResponseError(`bad date ${JSON.stringify(dmy)}`);
  const iso = `${m[3]}-${m[2]}-${m[1]}T${time}Z`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso.slice(0, 10)) throw new SectigoResponseError(`bad date ${JSON.stringify(dmy)}`);
  return d.toISOString();
}

/** `14/05/2003 13/05/2004` → ISO, 00:00:00 and 23:59:59 GMT (the docs say Sectigo certificates always use these times). */
export function parseValidityLine(line: string): { notBefore: string; notAfter: string } {
  const parts = line.trim().split(/\s+/);
  if (parts.length !== 2) throw new SectigoResponseError("validity line is not two DD/MM/YYYY dates", excerptOf(line));
  return { notBefore: dmyToIso(parts[0], "00:00:00"), notAfter: dmyToIso(parts[1], "23:59:59") };
}

export function epochToIso(value: string, name: string): string {
  if (!/^\d{1,12}$/.test(value.trim())) throw new SectigoResponseError(`${name} is not epoch seconds`, excerptOf(value));
  return new Date(Number(value.trim()) * 1000).toISOString();
}

/** `domain1.com VALIDATED, domain2.com NOTVALIDATED` → { "domain1.com": "VALIDATED", … }. */
export function parseMdcDetails(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of text.split(",")) {
    const t = item.trim();
    if (t === "") continue;
    const m = /^(\S+)\s+([A-Za-z_-]+)$/.exec(t);
    if (!m) throw new SectigoResponseError("MDC domain details are not `domain STATUS` pairs", excerptOf(t));
    out[m[1].toLowerCase()] = m[2].toUpperCase();
  }
  return out;
}

export const STATUS_DETAIL_ORDER: StatusDetailName[] = ["csr", "dcv", "ovCallback", "organizationValidation", "freeDVUP", "evClickThrough", "brandVal"];

/** Wire names in responseFormat=1 (matched case-insensitively: the page spells `ovCallBackStatus`). */
export const STATUS_DETAIL_FIELDS: Record<StatusDetailName, string> = {
  csr: "csrStatus",
  dcv: "dcvStatus",
  ovCallback: "ovCallbackStatus",
  organizationValidation: "organizationValidationStatus",
  freeDVUP: "freeDVUPStatus",
  evClickThrough: "evClickThroughStatus",
  brandVal: "brandValStatus",
};

/** `1`, `1 - completed`, `csrStatus=1` or `csrStatus: 1` → { code: 1, meaning: "completed" }. */
export function parseStatusDetail(line: string, name: string): StatusDetail {
  const m = /^(?:[A-Za-z]+\s*[=:]\s*)?(-?\d)(?:\s*[-–]\s*[A-Za-z -]+)?$/.exec(line.trim());
  if (!m || !(m[1] in STATUS_DETAIL_MEANINGS)) throw new SectigoResponseError(`${name} is not a status detail (-1, 0, 1 or 2)`, excerptOf(line));
  return { code: Number(m[1]), meaning: STATUS_DETAIL_MEANINGS[m[1]] };
}

export function isCaaStatus(line: string): boolean {
  const t = line.trim();
  return (CAA_STATUSES as readonly string[]).includes(t) || /^Error '?-?\d+'?$/.test(t);
}

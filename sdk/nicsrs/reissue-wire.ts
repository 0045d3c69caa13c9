// Wire bodies for the reissue shapes real clients send, and readers for the smaller endpoints
// (DCVemail, caaCheck) whose answers are not in the vendor pages. Facts and guesses:
// docs/nicsrs-api.md.
import { readFlag, isBlank } from "./tolerant";
import type { CaaCheckResult, DomainInfo, OrganizationInfo } from "./wire-types";

interface ReissueFields {
  certId: string;
  reason?: string;
  refId?: string;
  params?: { csr?: string; uniqueValue?: string; server?: string; domainInfo?: DomainInfo[]; organizationInfo?: OrganizationInfo };
}

function defined(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/**
 * @internal `/ssl/reissue` as the NicSRS WHMCS module sends it: `certId`, top-level `csr`, and
 * `domainInfo` as a JSON-encoded string.
 */
export function reissueWireBody(req: ReissueFields): Record<string, unknown> {
  const p = req.params ?? {};
  return defined({
    certId: req.certId,
    reason: req.reason,
    refId: req.refId,
    csr: p.csr,
    uniqueValue: p.uniqueValue,
    server: p.server,
    domainInfo: p.domainInfo ? JSON.stringify(p.domainInfo) : undefined,
  });
}

/** @internal `/ssl/replace` as the older NicSRS module sends it: `certId` + `params{csr, domainInfo, organizationInfo}`. */
export function replaceWireBody(req: ReissueFields): Record<string, unknown> {
  return defined({ certId: req.certId, reason: req.reason, refId: req.refId, params: defined({ ...(req.params ?? {}) }) });
}

function emailsIn(v: unknown): string[] {
  if (typeof v === "string") return v.split(/[\s,;]+/).filter((s) => s.includes("@"));
  if (Array.isArray(v)) return v.flatMap((e) => (e && typeof e === "object" ? emailsIn((e as Record<string, unknown>).email ?? (e as Record<string, unknown>).dcvEmail) : emailsIn(e)));
  return [];
}

/** @internal `DCVemail` answers: a list, `{emails|list|dcvEmail: …}`, or `{<domain>: […]}`. */
export function readApproverEmails(data: unknown, domain: string): string[] {
  let found: string[] = emailsIn(data);
  if (found.length === 0 && data && typeof data === "object" && !Array.isArray(data)) {
    const obj = data as Record<string, unknown>;
    const wanted = domain.trim().toLowerCase().replace(/^\*\./, "");
    const key = Object.keys(obj).find((k) => k.toLowerCase().replace(/^\*\./, "") === wanted);
    found = emailsIn(key ? obj[key] : undefined);
    if (found.length === 0) for (const k of ["emails", "list", "dcvEmail", "email", "approverEmails"]) found.push(...emailsIn(obj[k]));
  }
  return [...new Set(found.map((e) => e.trim().toLowerCase()))];
}

function recordText(r: unknown): string {
  if (typeof r === "string") return r.trim();
  if (r && typeof r === "object") {
    const o = r as Record<string, unknown>;
    const parts = [o.flags ?? o.flag, o.tag, o.value].filter((x) => !isBlank(x));
    return parts.length > 0 ? parts.join(" ") : JSON.stringify(r);
  }
  return String(r);
}

/**
 * @internal `caaCheck` answers. An explicit flag (`allowed`, `pass`, `result`, `status`…) wins;
 * without one, code 1 is read as "allowed" (a refusal comes as an error code). A guess: see docs.
 */
export function readCaaCheck(data: unknown, domain: string, msg?: string): CaaCheckResult {
  const obj = data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  let allowed: boolean | undefined;
  for (const k of ["allowed", "pass", "passed", "canIssue", "result", "status", "caa"]) {
    const v = obj[k];
    const f = typeof v === "string" && /^(pass|ok|success|allowed)$/i.test(v) ? true : typeof v === "string" && /^(fail|failed|denied|refused)$/i.test(v) ? false : readFlag(v);
    if (f !== undefined) {
      allowed = f;
      break;
    }
  }
  const list = [obj.records, obj.caaRecords, obj.caa, obj.list, Array.isArray(data) ? data : undefined].find(Array.isArray) as unknown[] | undefined;
  const result: CaaCheckResult = { domain: typeof obj.domain === "string" ? obj.domain : domain, allowed: allowed ?? true, records: (list ?? []).map(recordText) };
  if (msg) result.message = msg;
  return result;
}

// responseFormat=1: application/x-www-form-urlencoded parameters (section 3 of the CollectSSL page).
import { SectigoApiError, SectigoResponseError, excerptOf } from "../errors";
import type { ResponseContext } from "../requests";
import type { ParsedFields, StatusDetailName, StatusDetails } from "../types";
import { decodeMaybeArmored } from "./base64";
import { epochToIso, parseMdcDetails, parseStatusCode, parseStatusDetail, STATUS_DETAIL_FIELDS } from "./fields";
import { certificatesFromText } from "./payload";

export function parseUrlEncodedResponse(text: string, ctx: ResponseContext): ParsedFields {
  const body = text.trim();
  if (!/^[^\s<>"{}]*$/.test(body)) throw new SectigoResponseError("not a URL-encoded body", excerptOf(body));
  const params = new URLSearchParams(body);
  // Names are case-insensitive on the wire (the page itself writes ovCallBackStatus).
  const byName = new Map<string, string[]>();
  for (const [k, v] of params) {
    const key = k.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), v]);
  }
  const one = (name: string): string | undefined => {
    const values = byName.get(name.toLowerCase());
    if (values && values.length > 1) throw new SectigoResponseError(`parameter ${name} appears ${values.length} times`);
    return values?.[0];
  };

  const status = parseStatusCode(one("errorCode"));
  if (status < 0) throw SectigoApiError.fromCode(ctx.endpoint, status, one("errorMessage"));
  if (status > 2) throw new SectigoResponseError(`unknown status code ${status}`, excerptOf(body));
  const fields: ParsedFields = { statusCode: status as 0 | 1 | 2, certificatesDer: [] };

  const notBefore = one("notBefore");
  const notAfter = one("notAfter");
  if (notBefore !== undefined) fields.notBefore = epochToIso(notBefore, "notBefore");
  if (notAfter !== undefined) fields.notAfter = epochToIso(notAfter, "notAfter");
  const set = (key: "fqdn" | "certificateStatus" | "validationStatus" | "caaStatus") => {
    const v = one(key);
    if (v !== undefined) fields[key] = v.trim();
  };
  set("fqdn");
  set("certificateStatus");
  set("validationStatus");
  set("caaStatus");
  const mdc = one("mdcDomainDetails");
  if (mdc !== undefined) fields.mdcDomainDetails = parseMdcDetails(mdc);
  const mdc2 = one("mdcDomainDetails2");
  if (mdc2 !== undefined) fields.mdcDomainDetails2 = parseMdcDetails(mdc2);
  const details: StatusDetails = {};
  for (const [name, wire] of Object.entries(STATUS_DETAIL_FIELDS) as [StatusDetailName, string][]) {
    const v = one(wire);
    if (v !== undefined) details[name] = parseStatusDetail(v, wire);
  }
  if (Object.keys(details).length > 0) fields.statusDetails = details;

  const spaceIsPlus = { spaceIsPlus: true };
  const blob = ([["zipFile", "zip"], ["netscapeCertificateSequence", "netscape"], ["pkcs7", "pkcs7"]] as const).filter(([name]) => one(name) !== undefined);
  const individual = [...(byName.get("cacertificate") ?? []), ...(byName.get("certificate") ?? [])];
  if (blob.length > 1 || (blob.length === 1 && individual.length > 0)) throw new SectigoResponseError("more than one kind of certificate payload");
  if (blob.length === 1) {
    const [name, kind] = blob[0];
    fields.payload = kind;
    fields.certificatesDer = certificatesFromText(kind, one(name)!, spaceIsPlus);
  } else if (individual.length > 0) {
    fields.payload = "individual";
    fields.certificatesDer = individual.map((v, n) => decodeMaybeArmored(v, `certificate #${n + 1}`, spaceIsPlus));
  }
  if (status === 2 && fields.certificatesDer.length === 0 && ctx.queryType !== 0) throw new SectigoResponseError("status 2 without certificates");
  return fields;
}

// responseFormat=0: newline-delimited and positional; which lines exist depends on the
// status code and on the show* flags of the request (sections 2.2.1–2.2.9 of the CollectSSL page).
import { SectigoApiError, SectigoResponseError, excerptOf } from "../errors";
import type { ResponseContext } from "../requests";
import type { ParsedFields, StatusDetails } from "../types";
import { looksArmored, scanPemBlocks } from "./base64";
import { isCaaStatus, parseMdcDetails, parseStatusCode, parseStatusDetail, parseValidityLine, STATUS_DETAIL_ORDER } from "./fields";
import { certificatesFromText, payloadKind } from "./payload";

const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;

export function parseNewlineResponse(text: string, ctx: ResponseContext): ParsedFields {
  const lines = text.split(/\r?\n/);
  const status = parseStatusCode(lines[0]);
  if (status < 0) throw SectigoApiError.fromCode(ctx.endpoint, status, lines[1]);
  if (status > 2) throw new SectigoResponseError(`unknown status code ${status}`, excerptOf(text));
  const fields: ParsedFields = { statusCode: status as 0 | 1 | 2, certificatesDer: [] };

  let i = 1;
  const next = (what: string): string => {
    if (i >= lines.length) throw new SectigoResponseError(`response ends before the ${what} line (line ${i + 1})`, excerptOf(text));
    return lines[i++];
  };
  if (status > 0 && ctx.showValidityPeriod) Object.assign(fields, parseValidityLine(next("validity period")));
  if (status > 0 && ctx.showFQDN) {
    const fqdn = next("FQDN").trim();
    if (!/^[A-Za-z0-9*._-]+$/.test(fqdn)) throw new SectigoResponseError("bad FQDN line", excerptOf(fqdn));
    fields.fqdn = fqdn;
  }

  const tailFixed =
    (ctx.showExtStatus ? 2 : 0) + (status === 0 && ctx.showMDCDomainDetails ? 1 : 0) + (ctx.showStatusDetails ? 7 : 0) + (status === 0 && ctx.showMDCDomainDetails2 ? 1 : 0);

  if (status === 2) {
    const kind = payloadKind(ctx.responseType);
    fields.payload = kind;
    if (looksArmored(lines[i] ?? "")) {
      const scan = scanPemBlocks(lines, i, "certificates");
      fields.certificatesDer = certificatesFromText(kind, lines.slice(i, scan.end).join("\n"));
      i = scan.end;
    } else {
      // A bare Base64 payload has no end marker: it ends where the trailing fixed lines begin.
      while (lines.length > i && lines[lines.length - 1].trim() === "") lines.pop();
      const hasCaa = lines.length - i - tailFixed >= 2 && isCaaStatus(lines[lines.length - 1]);
      const end = lines.length - tailFixed - (hasCaa ? 1 : 0);
      const blob = lines.slice(i, end);
      if (blob.length === 0) throw new SectigoResponseError("status 2 without certificates", excerptOf(text));
      if (!blob.every((l) => BASE64_LINE.test(l.trim()))) throw new SectigoResponseError("certificate payload is not Base64", excerptOf(blob.find((l) => !BASE64_LINE.test(l.trim())) ?? ""));
      fields.certificatesDer = certificatesFromText(kind, blob.join(""));
      i = end;
    }
  }

  const rest = lines.slice(i);
  while (rest.length > tailFixed && rest[rest.length - 1].trim() === "") rest.pop();
  if (rest.length !== tailFixed && rest.length !== tailFixed + 1)
    throw new SectigoResponseError(`expected ${tailFixed} or ${tailFixed + 1} lines after the ${i === 1 ? "status" : "header"}, got ${rest.length}`, excerptOf(rest.join("\n")));
  let k = 0;
  if (ctx.showExtStatus) {
    fields.certificateStatus = rest[k++].trim();
    fields.validationStatus = rest[k++].trim();
  }
  if (status === 0 && ctx.showMDCDomainDetails) fields.mdcDomainDetails = parseMdcDetails(rest[k++]);
  if (ctx.showStatusDetails) {
    const details: StatusDetails = {};
    for (const name of STATUS_DETAIL_ORDER) details[name] = parseStatusDetail(rest[k++], `${name}Status`);
    fields.statusDetails = details;
  }
  if (status === 0 && ctx.showMDCDomainDetails2) fields.mdcDomainDetails2 = parseMdcDetails(rest[k++]);
  if (k < rest.length) {
    const caa = rest[k].trim();
    if (caa === "" || caa.length > 100 || !/^[\x20-\x7e]+$/.test(caa)) throw new SectigoResponseError("bad CAA status line", excerptOf(caa));
    fields.caaStatus = caa;
  }
  return fields;
}

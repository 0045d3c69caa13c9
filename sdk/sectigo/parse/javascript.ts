// S/MIME responseEncoding=2: JavaScript variable declarations,
//   var g_errorCode = 2;  var g_ccc = "<Base64 of the structure responseType asked for>";
// String values may use escapes and `"…" + "…"` concatenation. Only literals are read; nothing is evaluated.
import { SectigoApiError, SectigoResponseError, excerptOf } from "../errors";
import type { ResponseContext } from "../requests";
import type { ParsedFields } from "../types";
import { parseStatusCode } from "./fields";
import { certificatesFromText, payloadKind } from "./payload";

const STRING = String.raw`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'`;
const DECLARATION = new RegExp(String.raw`(?:^|[;\s])(?:var|let|const)?\s*(g_\w+)\s*=\s*(-?\d+|(?:${STRING})(?:\s*\+\s*(?:${STRING}))*)\s*(?:;|$)`, "gm");

function unescape(literal: string): string {
  return literal.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e[0] === "u" && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === "x" && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: "\n", r: "\r", t: "\t" } as Record<string, string>)[e] ?? e;
  });
}

export function parseJavaScriptVariables(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const m of text.matchAll(DECLARATION)) {
    const value = /^-?\d+$/.test(m[2]) ? m[2] : [...m[2].matchAll(new RegExp(STRING, "g"))].map((s) => unescape(s[0])).join("");
    if (vars.has(m[1])) throw new SectigoResponseError(`${m[1]} is declared twice`);
    vars.set(m[1], value);
  }
  return vars;
}

export function parseJavaScriptResponse(text: string, ctx: ResponseContext): ParsedFields {
  if (/<\s*html|<\s*!doctype/i.test(text)) throw new SectigoResponseError("an HTML page, not JavaScript variables", excerptOf(text));
  const vars = parseJavaScriptVariables(text);
  const status = parseStatusCode(vars.get("g_errorCode"));
  if (status < 0) throw SectigoApiError.fromCode(ctx.endpoint, status, vars.get("g_errorMessage"));
  if (status > 2) throw new SectigoResponseError(`unknown status code ${status}`, excerptOf(text));
  const fields: ParsedFields = { statusCode: status as 0 | 1 | 2, certificatesDer: [] };
  const ccc = vars.get("g_ccc");
  if (status === 2) {
    if (!ccc || ccc.trim() === "") throw new SectigoResponseError("status 2 without g_ccc", excerptOf(text));
    fields.payload = payloadKind(ctx.responseType);
    fields.certificatesDer = certificatesFromText(fields.payload, ccc);
  }
  return fields;
}

// One entry point for every response body: picks the format parser, decodes the certificates,
// orders them, and turns anything unexpected into a SectigoResponseError (never another exception).
import { describeStatusCode } from "../codes";
import { SectigoError, SectigoResponseError, excerptOf } from "../errors";
import type { ResponseContext } from "../requests";
import type { ParsedFields, SectigoResult } from "../types";
import { orderCertificates, validityOf } from "./certificates";
import { parseJavaScriptResponse } from "./javascript";
import { parseNewlineResponse } from "./newline";
import { certificatesFromBytes } from "./payload";
import { parseUrlEncodedResponse } from "./urlencoded";

const MAX_BODY_BYTES = 4 << 20;

/** responseEncoding=1 success bodies are the bare structure: a ZIP (PK\3\4) or a DER SEQUENCE with a long-form length. */
function isBinaryPayload(body: Uint8Array): boolean {
  if (body.length >= 4 && body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04) return true;
  // A text status line "0\n" also starts with 0x30; a DER structure of any real size has 0x81–0x84 next.
  return body.length >= 2 && body[0] === 0x30 && body[1] >= 0x81 && body[1] <= 0x84;
}

function parseFields(body: Uint8Array, ctx: ResponseContext): ParsedFields {
  if (ctx.responseEncoding === 1 && isBinaryPayload(body)) {
    const kind = body[0] === 0x50 ? "zip" : ctx.responseType === 0 ? "zip" : "pkcs7";
    return { statusCode: 2, payload: kind, certificatesDer: certificatesFromBytes(kind, body) };
  }
  const text = new TextDecoder("utf-8").decode(body);
  if (text.trim() === "") throw new SectigoResponseError("empty body");
  if (ctx.responseEncoding === 2 || /\bg_errorCode\b/.test(text)) return parseJavaScriptResponse(text, ctx);
  if (/^\s*-?\d+\s*(\r?\n|$)/.test(text)) return parseNewlineResponse(text.replace(/^\s+/, ""), ctx);
  if (/(^|&)errorCode=/i.test(text.trim())) return parseUrlEncodedResponse(text, ctx);
  throw new SectigoResponseError(/<\s*(html|!doctype)/i.test(text) ? "an HTML page, not a Sectigo response" : "not a Sectigo response", excerptOf(text));
}

export function parseSectigoResponse(body: Uint8Array | string, ctx: ResponseContext): SectigoResult {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  try {
    if (bytes.length > MAX_BODY_BYTES) throw new SectigoResponseError(`body larger than ${MAX_BODY_BYTES} bytes`);
    const { certificatesDer, ...fields } = parseFields(bytes, ctx);
    const certs = orderCertificates(certificatesDer);
    if (fields.statusCode === 2 && (ctx.queryType === 1 || ctx.queryType === 2) && !certs.leafPem)
      throw new SectigoResponseError("status 2 but no end-entity certificate");
    if (fields.statusCode === 2 && ctx.queryType === 3 && certs.chainPems.length === 0) throw new SectigoResponseError("status 2 but no CA certificates");
    const result: SectigoResult = {
      endpoint: ctx.endpoint,
      ...fields,
      statusMeaning: describeStatusCode(fields.statusCode),
      processing: fields.statusCode === 0,
      ...certs,
    };
    if (certs.leafPem && (result.notBefore === undefined || result.notAfter === undefined)) {
      const v = validityOf(certs.leafPem);
      result.notBefore ??= v.notBefore;
      result.notAfter ??= v.notAfter;
    }
    return result;
  } catch (e) {
    if (e instanceof SectigoResponseError) throw e.withContext(ctx.endpoint);
    if (e instanceof SectigoError) throw e;
    throw new SectigoResponseError(`unreadable response (${e instanceof Error ? e.message : String(e)})`, excerptOf(bytes), ctx.endpoint);
  }
}

// Request arguments of the two endpoints (zod), with the combination rules both pages document,
// checked before anything is sent. `toForm` turns a parsed request into the form fields.
import { z } from "zod";
import type { SectigoEndpoint } from "./codes";

const yesNo = z.boolean().optional();
const integerId = (digits: number) =>
  z
    .union([z.string().trim().regex(new RegExp(`^\\d{1,${digits}}$`), `an integer of at most ${digits} digits`), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)])
    .transform(String);
const orderNumber = z.union([z.string().trim().min(1).max(128), z.number().int().nonnegative()]).transform(String);
const queryType = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).default(1);

/** @internal (zod stays out of the published .d.ts; the plain types below agree with it) */
export const CollectSslRequestSchema = z
  .strictObject({
    orderNumber: orderNumber.optional(),
    certificateID: integerId(16).optional(),
    baseOrderNumber: integerId(20).optional(),
    /** 0 status only · 1 status + certificate + chain · 2 certificate only · 3 chain only. */
    queryType,
    /** 0 ZIP · 1 Netscape certificate sequence · 2 PKCS#7 · 3 individually encoded. */
    responseType: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
    /** 0 Base64 · 1 binary. */
    responseEncoding: z.union([z.literal(0), z.literal(1)]).optional(),
    /** 0 newline-delimited · 1 URL-encoded. */
    responseFormat: z.union([z.literal(0), z.literal(1)]).optional(),
    showValidityPeriod: yesNo,
    showFQDN: yesNo,
    showExtStatus: yesNo,
    showMDCDomainDetails: yesNo,
    showMDCDomainDetails2: yesNo,
    showStatusDetails: yesNo,
  })
  .superRefine((r, ctx) => {
    const ids = [r.orderNumber, r.certificateID, r.baseOrderNumber].filter((v) => v !== undefined);
    if (ids.length !== 1) ctx.addIssue({ code: "custom", message: "exactly one of orderNumber, certificateID or baseOrderNumber must be given" });
    if (r.responseType !== undefined && r.responseType <= 2 && r.queryType !== 1)
      ctx.addIssue({ code: "custom", message: "responseType 0 (ZIP), 1 (Netscape) and 2 (PKCS#7) need queryType 1" });
    if (r.responseEncoding === 1) {
      if (r.queryType !== 1) ctx.addIssue({ code: "custom", message: "responseEncoding 1 (binary) needs queryType 1" });
      if (r.responseType !== 0 && r.responseType !== 2) ctx.addIssue({ code: "custom", message: "responseEncoding 1 (binary) needs responseType 0 (ZIP) or 2 (PKCS#7)" });
    }
  });
interface CollectSslFlags {
  responseType?: 0 | 1 | 2 | 3;
  responseEncoding?: 0 | 1;
  responseFormat?: 0 | 1;
  showValidityPeriod?: boolean;
  showFQDN?: boolean;
  showExtStatus?: boolean;
  showMDCDomainDetails?: boolean;
  showMDCDomainDetails2?: boolean;
  showStatusDetails?: boolean;
}
export interface CollectSslRequest extends CollectSslFlags {
  orderNumber?: string | number;
  certificateID?: string | number;
  baseOrderNumber?: string | number;
  queryType?: 0 | 1 | 2 | 3;
}
export interface ParsedCollectSslRequest extends CollectSslFlags {
  orderNumber?: string;
  certificateID?: string;
  baseOrderNumber?: string;
  queryType: 0 | 1 | 2 | 3;
}

/** @internal */
export const SmimeRequestSchema = z
  .strictObject({
    orderNumber: orderNumber.optional(),
    collectionCode: z.string().trim().min(1).max(16).optional(),
    /** PKCS#10, Base64, with or without the BEGIN/END lines. Giving it is a mutation: it can be given once per order. */
    csr: z
      .string()
      .max(32767)
      .refine((s) => /^[A-Za-z0-9+/=\s]+$/.test(s.replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, "")), "a PKCS#10 CSR in Base64, with or without its BEGIN/END lines")
      .optional(),
    returnCertificate: yesNo,
    queryType,
    /** 1 Netscape certificate sequence · 2 PKCS#7 · 3 individually encoded (default) · 4 CMMF. */
    responseType: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
    /** 0 Base64 · 1 binary · 2 JavaScript variable declarations. */
    responseEncoding: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
    responseMimeType: z.string().min(1).max(255).optional(),
    showValidityPeriod: yesNo,
  })
  .superRefine((r, ctx) => {
    if ((r.orderNumber === undefined) === (r.collectionCode === undefined))
      ctx.addIssue({ code: "custom", message: "exactly one of orderNumber or collectionCode must be given" });
    if (r.responseType !== undefined && r.responseType !== 3 && r.queryType !== 1)
      ctx.addIssue({ code: "custom", message: "responseType 1 (Netscape), 2 (PKCS#7) and 4 (CMMF) need queryType 1" });
    if (r.responseEncoding === 1 && (r.queryType !== 1 || r.responseType !== 2))
      ctx.addIssue({ code: "custom", message: "responseEncoding 1 (binary) needs queryType 1 and responseType 2 (PKCS#7)" });
    if (r.showValidityPeriod && (r.responseEncoding ?? 0) !== 0)
      ctx.addIssue({ code: "custom", message: "showValidityPeriod applies only with responseEncoding 0" });
  });
interface SmimeFields {
  collectionCode?: string;
  csr?: string;
  returnCertificate?: boolean;
  responseType?: 1 | 2 | 3 | 4;
  responseEncoding?: 0 | 1 | 2;
  responseMimeType?: string;
  showValidityPeriod?: boolean;
}
export interface SmimeRequest extends SmimeFields {
  orderNumber?: string | number;
  queryType?: 0 | 1 | 2 | 3;
}
export interface ParsedSmimeRequest extends SmimeFields {
  orderNumber?: string;
  queryType: 0 | 1 | 2 | 3;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function agree<T extends true>(): T | undefined {
  return undefined;
}
agree<Same<z.input<typeof CollectSslRequestSchema>, CollectSslRequest>>();
agree<Same<z.output<typeof CollectSslRequestSchema>, ParsedCollectSslRequest>>();
agree<Same<z.input<typeof SmimeRequestSchema>, SmimeRequest>>();
agree<Same<z.output<typeof SmimeRequestSchema>, ParsedSmimeRequest>>();

/** What the response parsers need to know about the request (the newline format is positional). */
export interface ResponseContext {
  endpoint: SectigoEndpoint;
  queryType: 0 | 1 | 2 | 3;
  /** 0 ZIP, 1 Netscape, 2 PKCS#7, 3 individually encoded, 4 CMMF. */
  responseType: 0 | 1 | 2 | 3 | 4;
  responseEncoding: 0 | 1 | 2;
  responseFormat: 0 | 1;
  showValidityPeriod: boolean;
  showFQDN: boolean;
  showExtStatus: boolean;
  showMDCDomainDetails: boolean;
  showMDCDomainDetails2: boolean;
  showStatusDetails: boolean;
}

/** The context for `endpoint`, defaults filled: individually encoded Base64, newline format, no extras. */
function responseContext(endpoint: SectigoEndpoint, r: Partial<Omit<ResponseContext, "endpoint">> & Pick<ResponseContext, "queryType">): ResponseContext {
  return {
    endpoint,
    queryType: r.queryType,
    responseType: r.responseType ?? 3,
    responseEncoding: r.responseEncoding ?? 0,
    responseFormat: r.responseFormat ?? 0,
    showValidityPeriod: r.showValidityPeriod ?? false,
    showFQDN: r.showFQDN ?? false,
    showExtStatus: r.showExtStatus ?? false,
    showMDCDomainDetails: r.showMDCDomainDetails ?? false,
    showMDCDomainDetails2: r.showMDCDomainDetails2 ?? false,
    showStatusDetails: r.showStatusDetails ?? false,
  };
}

export function collectSslContext(r: ParsedCollectSslRequest): ResponseContext {
  return responseContext("CollectSSL", r);
}

/** S/MIME answers have no format or detail flags: only what SmimeFields can ask for. */
export function smimeContext(r: ParsedSmimeRequest): ResponseContext {
  const { queryType, responseType, responseEncoding, showValidityPeriod } = r;
  return responseContext("RequestAndCollectSMIME", { queryType, responseType, responseEncoding, showValidityPeriod });
}

/** Form fields in a stable order; booleans become Y/N, absent values are left out. */
export function toForm(credentials: { loginName?: string; loginPassword?: string }, req: Record<string, unknown>): URLSearchParams {
  const form = new URLSearchParams();
  if (credentials.loginName !== undefined) form.set("loginName", credentials.loginName);
  if (credentials.loginPassword !== undefined) form.set("loginPassword", credentials.loginPassword);
  for (const [k, v] of Object.entries(req)) {
    if (v === undefined) continue;
    form.set(k, typeof v === "boolean" ? (v ? "Y" : "N") : String(v));
  }
  return form;
}

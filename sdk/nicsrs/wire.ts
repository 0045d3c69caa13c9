// The NicSRS wire format as zod schemas: shared by the client (sdk/nicsrs) and the simulator
// (simulator/nicsrs). Field names are the API's own (`DCVdnsHost`, `is_verify`, `Administrator`…).
// Requests are checked strictly where a wrong value costs money; answers are read tolerantly
// (./tolerant.ts). The plain types callers see live in ./wire-types.ts; the schemas are checked
// against them at the bottom of this file, and are marked @internal so that no published .d.ts
// reaches zod.
import { z } from "zod";
import { blank, blankObject, flag, lenientList, lenientRecord, optNumber, optRaw, optText, parsedOrSame, requiredId, tolerantObject } from "./tolerant";
import {
  CERT_STATUSES,
  DCV_METHODS,
  type Contact,
  type DcvFields,
  type DomainInfo,
  type Envelope,
  type OrderParams,
  type OrganizationInfo,
  type PlaceInput,
  type ReissueInput,
  type RenewInput,
  type UpdateDcvInput,
  type WireErrors,
} from "./wire-types";

export * from "./wire-types";

/** Response codes (api-docs README): 1 ok, 2 still being issued, negatives are errors, 400 bad token/IP. */
export const NICSRS_CODES: Readonly<Record<number, string>> = {
  1: "success",
  2: "certificate is still being issued; ask again later",
  [-1]: "parameter validation failed",
  [-2]: "unknown error",
  [-3]: "product or price error",
  [-4]: "insufficient credit",
  [-6]: "the CA refused the request",
  400: "permission denied (bad API token, or caller IP not on the allowlist)",
};

export function describeCode(code: number): string {
  return NICSRS_CODES[code] ?? `unknown response code ${code}`;
}

/** @internal */
export const DcvMethodSchema = z.enum(DCV_METHODS);
/** @internal */
export const CertStatusSchema = z.enum(CERT_STATUSES);

const text = z.string().trim().min(1);
const countryCode = z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 country code such as US");
/** An id in a request: a string, or a number some clients send. */
const idText = z.preprocess((v) => (typeof v === "number" ? String(v) : v), text);

/** @internal `organation` (the vendor page's spelling) is read as `organization` when that is absent. */
export const ContactSchema = z.preprocess(
  (v) => (v && typeof v === "object" && !Array.isArray(v) && isMissing((v as Contact).organization) ? { ...v, organization: (v as Contact).organation } : v),
  z.object({
    job: text,
    city: text,
    email: z.email(),
    state: text,
    mobile: text,
    address: text,
    country: countryCode,
    lastName: text,
    postCode: text,
    firstName: text,
    organization: text,
    organation: blank(z.string()),
    idType: blank(z.string()),
  }),
);

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** @internal */
export const OrganizationInfoSchema = z.object({
  organizationName: text,
  organizationCity: text,
  organizationMobile: text,
  organizationAddress: text,
  organizationCountry: countryCode,
  organizationPostCode: text,
  organizationState: blank(z.string()),
  organizationRegNumber: blank(z.string()),
  idType: blank(z.string()),
});

/** @internal */
export const DomainInfoSchema = z.object({
  domainName: text,
  dcvMethod: DcvMethodSchema,
  dcvEmail: blank(z.string()),
});

/** @internal */
export const UniqueValueSchema = z.string().regex(/^[a-zA-Z0-9]{1,20}$/, "1-20 characters from a-z, A-Z, 0-9");

/** @internal `domainInfo`: a list, or a JSON-encoded list (how PHP clients send it outside `params`). */
export const DomainInfoListSchema = z.preprocess((v) => (typeof v === "string" ? parsedOrSame(v) : v), z.array(DomainInfoSchema).min(1));

/** @internal Absent, null and "" optional fields mean "not given" (public clients send all three). */
export const OrderParamsSchema = z.object({
  csr: blank(z.string()),
  privateKey: blank(z.string()),
  server: blank(z.string()),
  uniqueValue: blank(UniqueValueSchema),
  domainInfo: DomainInfoListSchema,
  organizationInfo: blankObject(OrganizationInfoSchema),
  Administrator: ContactSchema,
  finance: blankObject(ContactSchema),
  tech: blankObject(ContactSchema),
  originalfromOthers: blank(z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string())),
});

/** @internal */
export const YearsSchema = z.coerce.number<unknown>().int("an integer").min(1).max(6);
/** @internal */
export const RefIdSchema = z.string().min(1).max(64);

/** @internal */
export const PlaceRequestSchema = z.object({
  productCode: text,
  years: YearsSchema,
  refId: blank(RefIdSchema),
  /** Some clients send `certId: ""` on a new order; it means nothing there. */
  certId: blank(z.unknown()),
  params: OrderParamsSchema,
});

/** @internal `validate` is a dry run of place with the same body. */
export const ValidateRequestSchema = PlaceRequestSchema;

/** @internal */
export const RenewRequestSchema = z.object({
  renewId: idText,
  years: YearsSchema,
  refId: blank(RefIdSchema),
  params: OrderParamsSchema,
});

/** What a reissue changes: the new CSR and domains (inside `params`, or top level for the WHMCS module). */
const reissueFields = {
  csr: blank(z.string()),
  uniqueValue: blank(UniqueValueSchema),
  server: blank(z.string()),
  domainInfo: blank(DomainInfoListSchema),
};

const ReissueParamsSchema = z.strictObject({
  ...reissueFields,
  organizationInfo: blankObject(OrganizationInfoSchema),
});

/** Which order is reissued, why, and the idempotency key. */
const reissueTarget = {
  certId: idText,
  reason: blank(z.string()),
  refId: blank(RefIdSchema),
};

/**
 * @internal What a caller of the client gives for a reissue (`params` holds the new CSR and
 * domains); the client sends it in the wire shapes below.
 */
export const ReissueInputSchema = z.object({
  ...reissueTarget,
  params: blankObject(ReissueParamsSchema),
});

/**
 * @internal `/ssl/reissue` as the CA reads it (simulator side). Accepted: the WHMCS module's shape
 * (top-level `csr`, `domainInfo` as a JSON string) and `params{csr, domainInfo}`; anything else
 * is refused (strict), so that a CSR is never silently dropped and replaced by a CA-made key.
 */
export const ReissueRequestSchema = z.strictObject({
  api_token: z.string().optional(),
  ...reissueTarget,
  ...reissueFields,
  params: blankObject(ReissueParamsSchema),
});

/** @internal `/ssl/replace` (the older NicSRS module's reissue): `certId` + `params{csr, domainInfo, organizationInfo}`. */
export const ReplaceRequestSchema = z.strictObject({
  api_token: z.string().optional(),
  ...reissueTarget,
  params: ReissueParamsSchema,
});

/** @internal */
export const CertIdRequestSchema = z.object({ certId: idText });
/** @internal `cancel` and `revoke` take the same body. */
export const CancelRequestSchema = z.object({ certId: idText, reason: blank(z.string()) });
/** @internal */
export const RevokeRequestSchema = CancelRequestSchema;
/** @internal */
export const GetCertByRefIdRequestSchema = z.object({ refId: RefIdSchema });
/** @internal */
export const ProductListRequestSchema = z.object({ vendor: blank(z.string()) });
/** @internal */
export const UpdateDcvRequestSchema = z.object({
  certId: idText,
  domainName: text,
  dcvMethod: DcvMethodSchema,
  dcvEmail: blank(z.string()),
});

/** @internal `batchUpdateDCV`: `certId` + `domainInfo` (list or JSON string), or one `dcvMethod`/`dcvEmail` for all. */
export const BatchUpdateDcvRequestSchema = z.object({
  certId: idText,
  domainInfo: blank(DomainInfoListSchema),
  dcvMethod: blank(DcvMethodSchema),
  dcvEmail: blank(z.string()),
});
/** @internal `removeMdcDomain`: one domain off a multi-domain order. */
export const RemoveMdcDomainRequestSchema = z.object({ certId: idText, domainName: text });
/** @internal `batchRemoveMdcDomain`: `domainName` (or `domainNames`) a list, a JSON list or a comma list. */
export const BatchRemoveMdcDomainRequestSchema = z.object({
  certId: idText,
  domainName: blank(z.unknown()),
  domainNames: blank(z.unknown()),
});
/** @internal `DCVemail`: with `domain` (or `domainName` alone) lists approver addresses; with `certId` resends. */
export const DcvEmailRequestSchema = z.object({
  certId: blank(idText),
  domain: blank(text),
  domainName: blank(text),
  dcvEmail: blank(z.string()),
});
/** @internal `validatefile` / `validatedns`: ask the CA to check now; they take `orderId` (a certId). */
export const ValidateNowRequestSchema = z.object({ orderId: blank(idText), certId: blank(idText), domainName: blank(text) });
/** @internal */
export const CaaCheckRequestSchema = z.object({ domain: blank(text), domainName: blank(text) });

// ---- answers (tolerant) -------------------------------------------------------------------

const ErrorsSchema = z.union([
  z.string(),
  z.array(z.string()),
  z.record(z.string(), z.union([z.string(), z.array(z.string())])),
]);

/** @internal `errors` of another shape is kept as its JSON text rather than rejecting the answer. */
export const TolerantErrorsSchema = z.preprocess((v) => {
  if (v === null || v === undefined) return undefined;
  if (ErrorsSchema.safeParse(v).success) return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}, ErrorsSchema.optional());

/** @internal */
export const EnvelopeSchema = z.looseObject({
  code: z.coerce.number<unknown>(),
  msg: optRaw,
  errors: TolerantErrorsSchema,
  data: z.unknown().optional(),
  status: optText,
  certStatus: optText,
});

const dcvFieldShape = {
  DCVfileName: optText,
  DCVfileContent: optRaw,
  DCVfilePath: optText,
  DCVdnsHost: optText,
  DCVdnsValue: optText,
  DCVdnsType: optText,
  dcvMethod: optText,
  dcvEmail: optText,
};

/** @internal */
export const DcvFieldsSchema = tolerantObject(dcvFieldShape);

/** @internal The answer to place / renew / reissue / replace: only `certId` is essential. */
export const PlaceDataSchema = tolerantObject({
  ...dcvFieldShape,
  certId: requiredId,
  vendorId: optText,
  vendorCertId: optText,
  applyTime: optText,
  dcvInfo: lenientRecord(DcvFieldsSchema),
});

/** @internal */
export const DcvListEntrySchema = z.looseObject({
  domainName: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1)),
  dcvMethod: optText,
  dcvEmail: optText,
  /** "verified" or empty; some backends send 1/true. */
  is_verify: z.preprocess((v) => (v === true || v === 1 ? "verified" : v === false || v === 0 ? "" : v), optText),
});

const stepStatus = z.preprocess(
  (v) => (typeof v === "string" || typeof v === "number" ? { status: v } : v),
  z.looseObject({ status: z.union([z.string(), z.number()]).nullish() }).nullish().catch(undefined),
);

/** @internal `applyParams`: the original order (CSR included), an object or a JSON string. */
export const ApplyParamsSchema = blankObject(z.looseObject({ csr: optRaw, domainInfo: z.unknown().optional() })).catch(undefined);

/** @internal The answer to collect: nothing in it is essential (the certId asked for is known). */
export const CollectDataSchema = tolerantObject({
  ...dcvFieldShape,
  certId: optText,
  status: optText,
  certStatus: optText,
  certificate: optRaw,
  caCertificate: optRaw,
  beginDate: optText,
  endDate: optText,
  dueDate: optText,
  applyTime: optText,
  rsaPrivateKey: optRaw,
  privateKey: optRaw,
  pkcs12: optRaw,
  pkcsPass: optRaw,
  jks: optRaw,
  jksPass: optRaw,
  certPath: optText,
  vendorId: optText,
  vendorCertId: optText,
  productType: optText,
  applyParams: ApplyParamsSchema,
  dcvList: lenientList(DcvListEntrySchema),
  dcvInfo: lenientRecord(DcvFieldsSchema),
  application: stepStatus,
  dcv: stepStatus,
  ov: stepStatus,
  issued: stepStatus,
});

/** @internal getCertByRefId: `certId` is essential; `status` may come as `certStatus`. */
export const GetCertByRefIdDataSchema = z.looseObject({
  certId: requiredId,
  refId: optText,
  status: optText,
  certStatus: optText,
});

/** @internal One `productList` entry in the real shape (productName, supportWildcard "Y"/"N", maxDomain, price.basePrice.priceNNN…). */
export const ProductWireSchema = z.looseObject({
  code: requiredId,
  productName: optText,
  name: optText,
  vendor: optText,
  brand: optText,
  validationType: optText,
  productType: optText,
  supportWildcard: flag,
  supportSan: flag,
  supportStandard: flag,
  supportIp: flag,
  maxDomain: optNumber,
  maxYear: optNumber,
  defaultProtectDomain: optNumber,
  price: z.unknown().optional(),
  sanPrice: z.unknown().optional(),
});

/** @internal */
export const DcvEmailDataSchema = z.unknown();

/** @internal */
export const CancelDataSchema = z.looseObject({ certId: optText, refund: z.union([z.boolean(), z.number(), z.string()]).nullish() });

// ---- the zod schemas agree with the plain types (a mismatch fails the build) --------------

type Assignable<From, To> = [From] extends [To] ? true : false;
type Agree<Out, In, Plain> = Assignable<Out, Plain> extends true ? (Assignable<Plain, In> extends true ? true : false) : false;
function agree<T extends true>(): T | undefined {
  return undefined;
}
agree<Agree<z.output<typeof ContactSchema>, z.input<typeof ContactSchema>, Contact>>();
agree<Agree<z.output<typeof OrganizationInfoSchema>, z.input<typeof OrganizationInfoSchema>, OrganizationInfo>>();
agree<Agree<z.output<typeof DomainInfoSchema>, z.input<typeof DomainInfoSchema>, DomainInfo>>();
agree<Agree<z.output<typeof OrderParamsSchema>, z.input<typeof OrderParamsSchema>, OrderParams>>();
agree<Agree<z.output<typeof PlaceRequestSchema>, z.input<typeof PlaceRequestSchema>, PlaceInput>>();
agree<Agree<z.output<typeof RenewRequestSchema>, z.input<typeof RenewRequestSchema>, RenewInput>>();
agree<Agree<z.output<typeof ReissueInputSchema>, z.input<typeof ReissueInputSchema>, ReissueInput>>();
agree<Agree<z.output<typeof UpdateDcvRequestSchema>, z.input<typeof UpdateDcvRequestSchema>, UpdateDcvInput>>();
agree<Assignable<z.output<typeof DcvFieldsSchema>, DcvFields>>();
agree<Assignable<z.output<typeof EnvelopeSchema>, Envelope>>();
agree<Assignable<z.output<typeof TolerantErrorsSchema>, WireErrors | undefined>>();

// The NicSRS wire format: the one source of truth for request and response shapes,
// shared by the client (sdk/nicsrs) and the simulator (simulator/nicsrs).
// Field names are the API's own (camelCase mixed with `DCVdnsHost`, `is_verify`, `Administrator`…);
// the client normalizes them into the types in ./types.ts.
import { z } from "zod";

/** Response codes (api-docs README): 1 ok, 2 still being issued, negatives are errors, 400 bad token/IP. */
export const NICSRS_CODES = {
  1: "success",
  2: "certificate is still being issued; ask again later",
  [-1]: "parameter validation failed",
  [-2]: "unknown error",
  [-3]: "product or price error",
  [-4]: "insufficient credit",
  [-6]: "the CA refused the request",
  400: "permission denied (bad API token, or caller IP not on the allowlist)",
} as const satisfies Record<number, string>;

export function describeCode(code: number): string {
  return (NICSRS_CODES as Record<number, string>)[code] ?? `unknown response code ${code}`;
}

export const DCV_METHODS = ["CNAME_CSR_HASH", "HTTP_CSR_HASH", "HTTPS_CSR_HASH", "EMAIL"] as const;
export const DcvMethodSchema = z.enum(DCV_METHODS);
export type DcvMethod = z.infer<typeof DcvMethodSchema>;

/** Local parts Sectigo accepts for EMAIL DCV: `<local>@<domain or a parent>`. */
export const DCV_EMAIL_LOCAL_PARTS = ["admin", "administrator", "postmaster", "webmaster", "hostmaster"] as const;

/** Collect `status` values seen in the wild (REVOKED is what the simulator reports after a revoke). */
export const CERT_STATUSES = ["PENDING", "PROCESSING", "COMPLETE", "CANCELLED", "FAILED", "EXPIRED", "REVOKED"] as const;
export const CertStatusSchema = z.enum(CERT_STATUSES);
export type CertStatus = z.infer<typeof CertStatusSchema>;

const text = z.string().trim().min(1);
const countryCode = z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 country code such as US");

export const ContactSchema = z.object({
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
});
export type Contact = z.infer<typeof ContactSchema>;

export const OrganizationInfoSchema = z.object({
  organizationName: text,
  organizationCity: text,
  organizationMobile: text,
  organizationAddress: text,
  organizationCountry: countryCode,
  organizationPostCode: text,
  organizationState: z.string().optional(),
});
export type OrganizationInfo = z.infer<typeof OrganizationInfoSchema>;

export const DomainInfoSchema = z.object({
  domainName: text,
  dcvMethod: DcvMethodSchema,
  dcvEmail: z.string().optional(),
});
export type DomainInfo = z.infer<typeof DomainInfoSchema>;

export const UniqueValueSchema = z.string().regex(/^[a-zA-Z0-9]{1,20}$/, "1-20 characters from a-z, A-Z, 0-9");

export const OrderParamsSchema = z.object({
  csr: z.string().optional(),
  privateKey: z.string().optional(),
  server: z.string().optional(),
  uniqueValue: UniqueValueSchema.optional(),
  domainInfo: z.array(DomainInfoSchema).min(1),
  organizationInfo: OrganizationInfoSchema.optional(),
  Administrator: ContactSchema,
  finance: ContactSchema.optional(),
  tech: ContactSchema.optional(),
});
export type OrderParams = z.infer<typeof OrderParamsSchema>;

export const YearsSchema = z.coerce.number().int().min(1).max(6);
export const RefIdSchema = z.string().min(1).max(64);

export const PlaceRequestSchema = z.object({
  productCode: text,
  years: YearsSchema,
  refId: RefIdSchema.optional(),
  params: OrderParamsSchema,
});
export type PlaceRequest = z.infer<typeof PlaceRequestSchema>;

/** `validate` is a dry run of place with the same body. */
export const ValidateRequestSchema = PlaceRequestSchema;

export const RenewRequestSchema = z.object({
  renewId: text,
  years: YearsSchema,
  refId: RefIdSchema.optional(),
  params: OrderParamsSchema,
});
export type RenewRequest = z.infer<typeof RenewRequestSchema>;

export const ReissueRequestSchema = z.object({
  certId: text,
  reason: z.string().optional(),
  refId: RefIdSchema.optional(),
  params: z
    .object({
      csr: z.string().optional(),
      uniqueValue: UniqueValueSchema.optional(),
      server: z.string().optional(),
      domainInfo: z.array(DomainInfoSchema).min(1).optional(),
    })
    .optional(),
});
export type ReissueRequest = z.infer<typeof ReissueRequestSchema>;

export const CertIdRequestSchema = z.object({ certId: text });
export const CancelRequestSchema = z.object({ certId: text, reason: z.string().optional() });
export const RevokeRequestSchema = z.object({ certId: text, reason: z.string().optional() });
export const GetCertByRefIdRequestSchema = z.object({ refId: RefIdSchema });
export const ProductListRequestSchema = z.object({ vendor: z.string().optional() });
export const UpdateDcvRequestSchema = z.object({
  certId: text,
  domainName: text,
  dcvMethod: DcvMethodSchema,
  dcvEmail: z.string().optional(),
});
export type UpdateDcvRequest = z.infer<typeof UpdateDcvRequestSchema>;

// ---- responses ---------------------------------------------------------------------------

/** `errors`: a string, an array of strings, or field → message(s). All three occur. */
export const ErrorsSchema = z.union([
  z.string(),
  z.array(z.string()),
  z.record(z.string(), z.union([z.string(), z.array(z.string())])),
]);
export type WireErrors = z.infer<typeof ErrorsSchema>;

export const EnvelopeSchema = z.looseObject({
  code: z.coerce.number(),
  msg: z.string().nullish(),
  errors: ErrorsSchema.nullish(),
  data: z.unknown().optional(),
  status: z.string().nullish(),
  certStatus: z.string().nullish(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

const opt = z.string().nullish();

export const DcvFieldsSchema = z.looseObject({
  DCVfileName: opt,
  DCVfileContent: opt,
  DCVfilePath: opt,
  DCVdnsHost: opt,
  DCVdnsValue: opt,
  DCVdnsType: opt,
  dcvMethod: opt,
  dcvEmail: opt,
});
export type DcvFields = z.infer<typeof DcvFieldsSchema>;

export const PlaceDataSchema = DcvFieldsSchema.extend({
  certId: text,
  vendorId: opt,
  vendorCertId: opt,
  applyTime: opt,
  dcvInfo: z.record(z.string(), DcvFieldsSchema).nullish(),
});
export type PlaceData = z.infer<typeof PlaceDataSchema>;

export const DcvListEntrySchema = z.looseObject({
  domainName: z.string(),
  dcvMethod: opt,
  dcvEmail: opt,
  is_verify: opt,
});

const stepStatus = z.looseObject({ status: z.union([z.string(), z.number()]).nullish() }).nullish();

export const CollectDataSchema = DcvFieldsSchema.extend({
  certId: opt,
  certificate: opt,
  caCertificate: opt,
  beginDate: opt,
  endDate: opt,
  dueDate: opt,
  rsaPrivateKey: opt,
  privateKey: opt,
  pkcs12: opt,
  pkcsPass: opt,
  jks: opt,
  jksPass: opt,
  certPath: opt,
  vendorId: opt,
  vendorCertId: opt,
  dcvList: z.array(DcvListEntrySchema).nullish(),
  dcvInfo: z.record(z.string(), DcvFieldsSchema).nullish(),
  application: stepStatus,
  dcv: stepStatus,
  ov: stepStatus,
  issued: stepStatus,
});
export type CollectData = z.infer<typeof CollectDataSchema>;

export const GetCertByRefIdDataSchema = z.looseObject({
  certId: text,
  refId: opt,
  status: opt,
});

export const PRODUCT_TYPES = ["DV", "OV", "EV"] as const;

export const ProductSchema = z.looseObject({
  code: text,
  name: text,
  vendor: text,
  validationType: z.enum(PRODUCT_TYPES),
  /** Domains included in the order, the common name counted; >1 means multi-domain. */
  maxDomains: z.coerce.number().int().min(1),
  /** Whether `*.` names are accepted. */
  wildcard: z.boolean(),
  years: z.array(z.coerce.number().int().min(1).max(6)).min(1),
  /** Price per year in the account's currency. */
  price: z.coerce.number().nonnegative(),
});
export type Product = z.infer<typeof ProductSchema>;

export const ProductListDataSchema = z.array(ProductSchema);

export const CancelDataSchema = z.looseObject({ certId: opt, refund: z.union([z.boolean(), z.number(), z.string()]).nullish() });

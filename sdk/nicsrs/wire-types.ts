// Plain TypeScript shapes of the NicSRS wire and of what the client takes. No zod here on purpose:
// the published .d.ts files reach only these, so any consumer tsconfig compiles (no esModuleInterop,
// no skipLibCheck). wire.ts builds its zod schemas to agree with these (checked at build time there).

export const DCV_METHODS = ["CNAME_CSR_HASH", "HTTP_CSR_HASH", "HTTPS_CSR_HASH", "EMAIL"] as const;
export type DcvMethod = (typeof DCV_METHODS)[number];

/** Local parts Sectigo accepts for EMAIL DCV: `<local>@<domain or a parent>`. */
export const DCV_EMAIL_LOCAL_PARTS = ["admin", "administrator", "postmaster", "webmaster", "hostmaster"] as const;

/** Collect `status` values seen in the wild (REVOKED is what the simulator reports after a revoke). */
export const CERT_STATUSES = ["PENDING", "PROCESSING", "COMPLETE", "CANCELLED", "FAILED", "EXPIRED", "REVOKED"] as const;
export type CertStatus = (typeof CERT_STATUSES)[number];

export const PRODUCT_TYPES = ["DV", "OV", "EV"] as const;
export type ValidationType = (typeof PRODUCT_TYPES)[number];

/** A contact (`Administrator`, `tech`, `finance`). */
export interface Contact {
  job: string;
  city: string;
  email: string;
  state: string;
  mobile: string;
  address: string;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  country: string;
  lastName: string;
  postCode: string;
  firstName: string;
  organization: string;
  /** The vendor page's own spelling of `organization`; some clients send it. */
  organation?: string;
  idType?: string;
}

export interface OrganizationInfo {
  organizationName: string;
  organizationCity: string;
  organizationMobile: string;
  organizationAddress: string;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  organizationCountry: string;
  organizationPostCode: string;
  organizationState?: string;
  organizationRegNumber?: string;
  idType?: string;
}

export interface DomainInfo {
  domainName: string;
  dcvMethod: DcvMethod;
  dcvEmail?: string;
}

/** `params` of place / validate / renew. Absent, null and "" optional fields all mean "not given". */
export interface OrderParams {
  csr?: string;
  privateKey?: string;
  server?: string;
  uniqueValue?: string;
  domainInfo: DomainInfo[];
  organizationInfo?: OrganizationInfo;
  Administrator: Contact;
  finance?: Contact;
  tech?: Contact;
  /** "1" marks a migration from another provider. */
  originalfromOthers?: string;
}

export interface PlaceInput {
  productCode: string;
  /** Subscription length, 1-6 (an integer; a numeric string is read as one). */
  years: number | string;
  /** Idempotency key; generated when absent. */
  refId?: string;
  params: OrderParams;
}
export type ValidateInput = PlaceInput;

export interface RenewInput {
  renewId: string;
  years: number | string;
  refId?: string;
  params: OrderParams;
}

/** What a reissue takes. The client sends it in the shape real clients use (see docs/nicsrs-api.md). */
export interface ReissueInput {
  certId: string;
  reason?: string;
  refId?: string;
  params?: {
    csr?: string;
    uniqueValue?: string;
    server?: string;
    domainInfo?: DomainInfo[];
    organizationInfo?: OrganizationInfo;
  };
}

export interface UpdateDcvInput {
  certId: string;
  domainName: string;
  dcvMethod: DcvMethod;
  dcvEmail?: string;
}

/** `errors`: a string, an array of strings, or field → message(s). All three occur. */
export type WireErrors = string | string[] | Record<string, string | string[]>;

/** A NicSRS answer's envelope. */
export interface Envelope {
  code: number;
  msg?: string | null;
  errors?: WireErrors | null;
  data?: unknown;
  status?: string | null;
  certStatus?: string | null;
  [extra: string]: unknown;
}

/** The six DCV fields answers carry (for the first / only domain, and per domain in `dcvInfo`). */
export interface DcvFields {
  DCVfileName?: string | null;
  DCVfileContent?: string | null;
  DCVfilePath?: string | null;
  DCVdnsHost?: string | null;
  DCVdnsValue?: string | null;
  DCVdnsType?: string | null;
  dcvMethod?: string | null;
  dcvEmail?: string | null;
}

/** One price per subscription period, from `price.basePrice.price012 … price072`. */
export interface ProductPrice {
  months: number;
  price: number;
}

/** A product from `productList`, normalized from the real shape (see docs/nicsrs-api.md). */
export interface Product {
  code: string;
  name: string;
  vendor?: string;
  validationType?: ValidationType;
  /** Domains an order may hold (`maxDomain`); >1 means multi-domain. */
  maxDomains: number;
  /** Subscription years on sale (1 … `maxYear`). */
  years: number[];
  /** `supportWildcard` */
  wildcard: boolean;
  /** `supportSan` */
  san: boolean;
  /** `supportIp` */
  ip: boolean;
  /** `supportStandard` */
  standard: boolean;
  /** `defaultProtectDomain`: domains included in the base price. */
  includedDomains?: number;
  /** `price.basePrice.priceNNN` by period, shortest first. */
  prices: ProductPrice[];
  /** `sanPrice`: price per extra domain, by kind, when given. */
  sanPrices?: { base?: number; normal?: number; wildcard?: number };
}

/** One approver address offered for EMAIL DCV (`DCVemail` with `domain`). */
export type ApproverEmails = string[];

/** `caaCheck`: whether the domain's CAA records let the CA issue. */
export interface CaaCheckResult {
  domain: string;
  /** false when CAA records exist and none names the CA. */
  allowed: boolean;
  /** The CAA records found, as the CA reports them. */
  records: string[];
  message?: string;
}

// What NicSrsClient callers get back: camelCase, normalized (ISO UTC dates, enum status, DCV records).
// Plain TypeScript only (no zod): the published .d.ts must compile under any consumer tsconfig.
import type { CertStatus, DcvMethod } from "./wire-types";

export type { PlaceInput, RenewInput, ReissueInput, ValidateInput, UpdateDcvInput, Product, ProductPrice, CaaCheckResult } from "./wire-types";

export interface DnsDcvRecord {
  domain: string;
  method: DcvMethod;
  /** Fully qualified record name, e.g. `_3f2a….example.com` (a wildcard's `*.` dropped). */
  name: string;
  type: "CNAME" | "TXT";
  value: string;
}

export interface FileDcvRecord {
  domain: string;
  method: DcvMethod;
  /** `http(s)://<domain><path>` */
  url: string;
  /** e.g. `/.well-known/pki-validation/<MD5>.txt` */
  path: string;
  content: string;
}

export interface EmailDcvRecord {
  domain: string;
  email: string;
}

export interface DcvRecords {
  dns: DnsDcvRecord[];
  files: FileDcvRecord[];
  emails: EmailDcvRecord[];
}

export interface OrderResult {
  certId: string;
  refId: string;
  vendorId?: string;
  vendorCertId?: string;
  /** ISO UTC */
  appliedAt?: string;
  dcv: DcvRecords;
  /** true when the answer was lost and the order was found again by refId. */
  recovered: boolean;
}

/** Progress of one step of an order (`application`, `dcv`, `ov`, `issued`). */
export type StepStatus = "notdone" | "ongoing" | "done";

export interface DomainState {
  domain: string;
  method?: DcvMethod;
  email?: string;
  verified: boolean;
}

export interface CollectResult {
  certId: string;
  status: CertStatus;
  /** The status string exactly as sent, when it differs from `status` (unknown or alias). */
  rawStatus?: string;
  /** The API answered code 2: the certificate is still being issued. */
  stillIssuing: boolean;
  certificatePem?: string;
  caCertificatePem?: string;
  /** ISO UTC */
  beginDate?: string;
  endDate?: string;
  dueDate?: string;
  privateKeyPem?: string;
  pkcs12?: string;
  pkcs12Password?: string;
  jks?: string;
  jksPassword?: string;
  vendorId?: string;
  vendorCertId?: string;
  /** `productType` as the CA reports it (e.g. the product code or "DV"). */
  productType?: string;
  /** The CSR of the order as the CA holds it (`applyParams.csr`): lets a caller check the CA kept its key. */
  appliedCsrPem?: string;
  dcv: DcvRecords;
  domains: DomainState[];
  steps: { application?: StepStatus; dcv?: StepStatus; ov?: StepStatus; issued?: StepStatus };
}

export interface CertRef {
  certId: string;
  status?: CertStatus;
}

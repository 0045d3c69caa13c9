// What NicSrsClient callers get back: camelCase, normalized (ISO UTC dates, enum status, DCV records).
import type { z } from "zod";
import type { CertStatus, DcvMethod } from "./wire";
import type {
  PlaceRequestSchema,
  RenewRequestSchema,
  ReissueRequestSchema,
  ValidateRequestSchema,
  UpdateDcvRequestSchema,
} from "./wire";

export type PlaceInput = z.input<typeof PlaceRequestSchema>;
export type RenewInput = z.input<typeof RenewRequestSchema>;
export type ReissueInput = z.input<typeof ReissueRequestSchema>;
export type ValidateInput = z.input<typeof ValidateRequestSchema>;
export type UpdateDcvInput = z.input<typeof UpdateDcvRequestSchema>;

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
  dcv: DcvRecords;
  domains: DomainState[];
  steps: { application?: StepStatus; dcv?: StepStatus; ov?: StepStatus; issued?: StepStatus };
}

export interface CertRef {
  certId: string;
  status?: CertStatus;
}

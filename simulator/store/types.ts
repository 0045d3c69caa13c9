import type { CertStatus, Contact, DcvMethod, OrganizationInfo } from "../../sdk/nicsrs/wire";

export interface DomainRecord {
  domainName: string;
  dcvMethod: DcvMethod;
  dcvEmail?: string;
  verified: boolean;
  /** Random token for products whose DCV is not CSR-hash based (`_dnsauth` TXT). */
  token?: string;
  /** Last validation attempt's outcome, for humans reading the admin API. */
  lastCheck?: string;
}

export type OrderKind = "place" | "renew" | "reissue";

export interface OrderRecord {
  certId: string;
  kind: OrderKind;
  refId?: string;
  productCode: string;
  years: number;
  status: CertStatus;
  domains: DomainRecord[];
  csrPem: string;
  /** Set when the CA generated the key (no CSR in the request). */
  generatedKeyPem?: string;
  uniqueValue?: string;
  server?: string;
  organizationInfo?: OrganizationInfo;
  administrator?: Contact;
  vendorId: string;
  vendorCertId: string;
  /** Simulator-clock ISO timestamps. */
  createdAt: string;
  dueDate: string;
  dcvPassedAt?: string;
  issuedAt?: string;
  beginDate?: string;
  endDate?: string;
  certificatePem?: string;
  caCertificatePem?: string;
  pkcs12?: string;
  pkcsPass?: string;
  /** Credit debited for this order (0 for reissues). */
  amountPaid: number;
  refunded?: number;
  collects: number;
  /** Collects answered with code 2 (PROCESSING) so far. */
  processingCollects: number;
  cancelledAt?: string;
  cancelReason?: string;
  revokedAt?: string;
  revokeReason?: string;
  /** Links between orders of one subscription. */
  renewOf?: string;
  renewedBy?: string;
  reissueOf?: string;
  reissuedBy?: string[];
}

export interface StoreState {
  version: 1;
  credit: number;
  orders: Record<string, OrderRecord>;
  /** refId → certId */
  refIds: Record<string, string>;
}

export interface CaMaterial {
  rootCertificatePem: string;
  rootPrivateKeyPem: string;
  intermediateCertificatePem: string;
  intermediatePrivateKeyPem: string;
}

// The simulator's Sectigo orders (its own store, `<dataDir>/sectigo.json`).

export const SECTIGO_ORDER_STATES = ["awaiting_validation", "issued", "rejected", "revoked", "awaiting_payment"] as const;
export type SectigoOrderState = (typeof SECTIGO_ORDER_STATES)[number];

export type DomainDcvStatus = "VALIDATED" | "NOTVALIDATED" | "AWAITINGBRAND";

export interface SectigoOrder {
  kind: "ssl" | "smime";
  orderNumber: string;
  certificateId: string;
  baseOrderNumber?: string;
  /** S/MIME: lets a caller collect without account credentials. */
  collectionCode?: string;
  /** The account that owns the order. */
  loginName: string;
  state: SectigoOrderState;
  /** SSL: the ordered names; the first is the FQDN. */
  domains: string[];
  domainStatus: Record<string, DomainDcvStatus>;
  /** S/MIME: the mailbox the certificate is for. */
  email?: string;
  emailVerified: boolean;
  /** S/MIME: issue as soon as a CSR arrives with returnCertificate=Y (default true). */
  issueOnRequest: boolean;
  /** S/MIME: issue on the N-th collect after the CSR arrived (0: never automatically). */
  issueAfterCollects: number;
  collectsSinceCsr: number;
  validationStatus?: string;
  caaStatus?: string;
  statusDetails?: [number, number, number, number, number, number, number];
  csrPem?: string;
  /** SSL orders created without a CSR: the key the simulator generated for them. */
  generatedKeyPem?: string;
  certificatePem?: string;
  /** Intermediate(s), leaf's issuer first. */
  chainPems?: string[];
  notBefore?: string;
  notAfter?: string;
  createdAt: string;
  issuedAt?: string;
  revokedAt?: string;
}

export interface SectigoState {
  version: 1;
  /** loginName → loginPassword */
  accounts: Record<string, string>;
  orders: Record<string, SectigoOrder>;
}

/** The account every new simulator data dir starts with. */
export const DEFAULT_SECTIGO_ACCOUNT = { loginName: "sim-sectigo", loginPassword: "sim-sectigo-password" } as const;

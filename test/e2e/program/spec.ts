/** One certificate of the e2e program, as the suite writes it into the `e2e:certificates` config. */
export interface CertificateSpec {
  name: string;
  domains: string[];
  productCode?: string;
  years?: number;
  deletePolicy?: "cancelPending" | "retain" | "cancel" | "revoke";
  certId?: string;
  dcvMethod?: "CNAME_CSR_HASH" | "EMAIL";
  dcvEmail?: string;
  /** false: no DNS records and no validation (an order left pending). */
  validate?: boolean;
  /**
   * Component resources to put the certificate, its DNS records and its validation under,
   * outermost first (shared by specs naming the same chain). Its outputs are keyed "<names>/<name>".
   */
  parents?: { type: string; name: string }[];
  /** The Certificate itself waits for issuance (minutes). */
  waitForIssuance?: boolean;
  waitTimeoutMinutes?: number;
}

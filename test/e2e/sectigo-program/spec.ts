/** What the Sectigo e2e program creates, as the suite writes it into the `e2e:sectigo` config. */
export interface SectigoStackSpec {
  /** A NicSRS Certificate (waits for issuance) and a SectigoSslCertificate adopting its vendorId. */
  crossCollect?: { name: string; domains: string[] }[];
  /** SectigoSslCertificate adopting an order placed at Sectigo. */
  ssl?: { name: string; orderNumber: string; waitForIssuance?: boolean }[];
  /** SmimeCertificate: key and CSR made here, the CSR submitted, the certificate collected. */
  smime?: { name: string; orderNumber: string; email: string }[];
}

export interface SslOut {
  orderNumber: string;
  status: string;
  statusCode: number;
  certificateStatus?: string;
  sha256Fingerprint?: string;
}

export interface CrossOut {
  certId: string;
  vendorId?: string;
  sectigoOrderNumber?: string;
  nicsrsFingerprint?: string;
  sectigoFingerprint?: string;
  sectigoStatus: string;
}

export interface SmimeOut {
  orderNumber: string;
  status: string;
  csrSubmitted: boolean;
  emails?: string[];
  sha256Fingerprint?: string;
  hasPrivateKey: boolean;
}

// The issuer domain names each CA recognises in CAA `issue` / `issuewild` (from the CAs' published
// CAA pages). A product's brand (sdk/nicsrs/products.ts `vendor`) picks the list.
export type CaaBrand = "Sectigo" | "DigiCert";

export const CAA_ISSUERS: Record<CaaBrand, readonly string[]> = {
  Sectigo: ["sectigo.com", "comodoca.com", "comodo.com", "usertrust.com", "trust-provider.com"],
  DigiCert: ["digicert.com", "symantec.com", "geotrust.com", "rapidssl.com", "thawte.com", "digicert.ne.jp", "cybertrust.ne.jp", "quovadisglobal.com", "www.digicert.com"],
};

export function caaIssuersFor(brand: CaaBrand): readonly string[] {
  return CAA_ISSUERS[brand];
}

// The Sectigo resources (one export line in the package root points here).
export { SectigoSslCertificate, type SectigoSslCertificateArgs } from "./sectigo-ssl-certificate";
export { SmimeCertificate, SMIME_SECRET_OUTPUTS, type SmimeCertificateArgs, type SmimeKeyArgs } from "./sectigo-smime-certificate";
export { SECTIGO_CONFIG, SECTIGO_ENV } from "./sectigo-config-keys";

// Package root: the Pulumi resource classes. The CA clients live under `pulumi-nicsrs/sdk`.
export { Certificate, refIdSeed, CERTIFICATE_SECRET_OUTPUTS } from "./provider/certificate";
export type { CertificateArgs, ContactArgs, OrganizationArgs, DomainDcvArgs, KeyArgs, DeletePolicy } from "./provider/certificate";
export { CertificateValidation, VALIDATION_SECRET_OUTPUTS } from "./provider/certificate-validation";
export type { CertificateValidationArgs } from "./provider/certificate-validation";
export type { DcvRecordOut, DcvFileOut, DcvEmailOut } from "./provider/certificate-outputs";
export * from "./provider/sectigo";

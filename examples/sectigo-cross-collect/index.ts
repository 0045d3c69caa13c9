// NicSRS resells Sectigo. A NicSRS `Certificate`'s `vendorId` is the Sectigo order number (and its
// `vendorCertId` the Sectigo certificate ID), so whoever holds the Sectigo account credentials can
// collect the very same certificate from Sectigo directly, with its chain and Sectigo's own statuses.
import * as pulumi from "@pulumi/pulumi";
import { Certificate, SectigoSslCertificate } from "pulumi-nicsrs";

const config = new pulumi.Config();
const domain = config.get("domain") ?? "www.example.com";

const viaNicsrs = new Certificate("site", {
  productCode: "positivessl",
  domains: [domain],
  administrator: {
    firstName: "Ada",
    lastName: "Lovelace",
    job: "Engineer",
    email: "ada@example.com",
    mobile: "+44 20 7946 0000",
    address: "1 Analytical Way",
    city: "London",
    state: "London",
    postCode: "N1 9GU",
    country: "GB",
    organization: "Example Ltd",
  },
  // Against the real CA, publish cert.dcvRecords and use a CertificateValidation instead.
  waitForIssuance: true,
});

const viaSectigo = new SectigoSslCertificate("site-from-sectigo", {
  orderNumber: viaNicsrs.vendorId.apply((id) => id ?? ""),
  waitForIssuance: true,
});

export const sectigoOrderNumber = viaSectigo.orderNumber;
export const sectigoStatus = viaSectigo.status;
export const caaStatus = viaSectigo.caaStatus;
export const fullChainPem = viaSectigo.fullChainPem;
export const sameCertificate = pulumi
  .all([viaNicsrs.sha256Fingerprint, viaSectigo.sha256Fingerprint])
  .apply(([a, b]) => a !== undefined && a === b);

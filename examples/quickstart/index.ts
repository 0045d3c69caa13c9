// Quickstart: a two-domain certificate ordered through NicSRS (or the offline simulator), its DCV
// records printed and published, a CertificateValidation that waits for issuance, the PEMs exported.
//
//   pulumi config set nicsrs:endpoint http://127.0.0.1:8700      # the simulator; omit for the real NicSRS
//   pulumi config set --secret nicsrs:apiToken <token>            # or export NICSRS_API_TOKEN
//   pulumi config set quickstart:zone example.test               # the domains are www.<zone> and api.<zone>
import * as pulumi from "@pulumi/pulumi";
import { Certificate, CertificateValidation } from "pulumi-nicsrs";
import { publishDcvRecords } from "./dns";

const nicsrs = new pulumi.Config("nicsrs");
const config = new pulumi.Config("quickstart");
const zone = config.get("zone") ?? "example.test";

/** Where the orders go (the provider itself reads nicsrs:endpoint; this only reports it). */
export const endpoint = nicsrs.get("endpoint") ?? "https://portal.nicsrs.com";
export const domains = [`www.${zone}`, `api.${zone}`];

const cert = new Certificate("quickstart", {
  productCode: "positivessl-multi-domain",
  years: 1,
  domains,
  dcvMethod: "CNAME_CSR_HASH",
  administrator: config.getObject("administrator") ?? {
    firstName: "Ada",
    lastName: "Lovelace",
    job: "Engineer",
    email: `hostmaster@${zone}`,
    mobile: "+44 20 7946 0000",
    address: "1 Analytical Way",
    city: "London",
    state: "London",
    postCode: "N1 9GU",
    country: "GB",
    organization: "Example Ltd",
  },
});

// The DCV records the CA wants to see, printed once known.
cert.dcvRecords.apply((records) => {
  for (const r of records) void pulumi.log.info(`DCV for ${r.domain}: ${r.type} ${r.name} -> ${r.value}`, cert);
});

// The DNS leg (see ./dns.ts): records created from cert.dcvRecords, then the validation waits for them.
const published = publishDcvRecords(cert, domains, config);

const validation = new CertificateValidation(
  "quickstart",
  {
    certificate: cert,
    ...(published.fqdns.length > 0 ? { validationRecordFqdns: published.fqdns } : {}),
    timeoutMinutes: config.getNumber("validationTimeoutMinutes") ?? 10,
  },
  { dependsOn: published.resources },
);

export const certId = cert.certId;
export const status = validation.status;
export const dcvRecords = cert.dcvRecords;
export const notAfter = validation.notAfter;
export const serialNumber = validation.serialNumber;
export const certificatePem = validation.certificatePem;
export const caCertificatePem = validation.caCertificatePem;
export const fullChainPem = validation.fullChainPem;
/** Secret: the key generated locally for this certificate. */
export const privateKeyPem = cert.privateKeyPem;

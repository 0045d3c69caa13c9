// The certificate stack: orders the certificate and exports its DCV records (`dcvRecords`) for a
// separate DNS stack to publish. Once `dnsStack` names that stack, the next `pulumi up` adds the
// CertificateValidation, which waits until the CA has seen the records and issued.
//
//   pulumi config set zone example.com
//   pulumi config set --secret nicsrs:apiToken <token>     (and nicsrs:endpoint for the simulator)
//   pulumi up                                             # 1. order; exports dcvRecords
//   ...the DNS stack's `pulumi up`...                      # 2. records published
//   pulumi config set dnsStack organization/nicsrs-two-stack-dns/dev
//   pulumi up                                             # 3. validation completes; PEMs exported
import * as pulumi from "@pulumi/pulumi";
import { Certificate, CertificateValidation } from "pulumi-nicsrs";

const config = new pulumi.Config();
const zone = config.require("zone");
const domains = [`www.${zone}`, `api.${zone}`];

const cert = new Certificate("site", {
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

export const certId = cert.certId;
/** What the DNS stack reads through its StackReference. */
export const dcvRecords = cert.dcvRecords;

// The DNS stack's `recordFqdns` output: the records it has published.
const dnsStack = config.get("dnsStack");
const validation = dnsStack
  ? new CertificateValidation("site", {
      certificate: cert,
      validationRecordFqdns: new pulumi.StackReference(dnsStack).requireOutput("recordFqdns") as pulumi.Output<string[]>,
      timeoutMinutes: config.getNumber("validationTimeoutMinutes") ?? 10,
    })
  : undefined;

export const status = validation ? validation.status : cert.status;
export const notAfter = validation?.notAfter;
export const certificatePem = validation?.certificatePem;
export const fullChainPem = validation?.fullChainPem;

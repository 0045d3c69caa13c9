import * as pulumi from "@pulumi/pulumi";
import { Certificate, CertificateValidation } from "pulumi-nicsrs";
import { PowerDnsRecord } from "../../../examples/powerdns/record";
import { administrator } from "../../provider/fixtures";

interface Spec {
  name: string;
  domains: string[];
  /** Publish a wrong value (first character changed). */
  mistype?: boolean;
  timeoutMinutes: number;
}

const config = new pulumi.Config("dcv");
const specs = config.requireObject<Spec[]>("certificates");
const zone = config.require("zone");
/** The DNS servers the program writes its records to (a subset of the zone's authoritative servers). */
const apis = config.requireSecretObject<{ apiUrl: string; apiKey: string }[]>("dnsApis");
const apiCount = config.requireNumber("dnsApiCount");

export const certificates: Record<string, pulumi.Output<unknown>> = {};

for (const spec of specs) {
  const cert = new Certificate(spec.name, { productCode: "positivessl-multi-domain", years: 1, domains: spec.domains, administrator });
  const records: PowerDnsRecord[] = [];
  spec.domains.forEach((_d, i) => {
    for (let a = 0; a < apiCount; a++) {
      records.push(
        new PowerDnsRecord(`${spec.name}-dcv-${i}-ns${a}`, {
          apiUrl: apis.apply((x) => x[a].apiUrl),
          apiKey: apis.apply((x) => x[a].apiKey),
          zone,
          name: cert.dcvRecords.apply((r) => r[i].name),
          type: cert.dcvRecords.apply((r) => r[i].type as "CNAME" | "TXT"),
          value: cert.dcvRecords.apply((r) => (spec.mistype ? `x${r[i].value.slice(1)}` : r[i].value)),
        }),
      );
    }
  });
  const validation = new CertificateValidation(`${spec.name}-validation`, { certificate: cert, timeoutMinutes: spec.timeoutMinutes }, { dependsOn: records });
  certificates[spec.name] = pulumi.output({ certId: cert.certId, status: validation.status });
}

import * as pulumi from "@pulumi/pulumi";
import { Certificate, CertificateValidation } from "pulumi-nicsrs";
import { PowerDnsRecord } from "../../../examples/powerdns/record";
import type { CertificateSpec } from "./spec";
import { administrator } from "../../provider/fixtures";

const config = new pulumi.Config("e2e");
const specs = config.requireObject<CertificateSpec[]>("certificates");
const zone = config.require("zone");
const dnsApiUrl = config.require("dnsApiUrl");
const dnsApiKey = config.requireSecret("dnsApiKey");

export const certificates: Record<string, pulumi.Output<unknown>> = {};

const components = new Map<string, pulumi.ComponentResource>();
/** The innermost component of a spec's `parents` chain, created once per chain. */
function parentOf(spec: CertificateSpec): pulumi.ComponentResource | undefined {
  let parent: pulumi.ComponentResource | undefined;
  let key = "";
  for (const c of spec.parents ?? []) {
    key += `/${c.type}::${c.name}`;
    let component = components.get(key);
    if (!component) {
      component = new pulumi.ComponentResource(c.type, c.name, {}, parent ? { parent } : {});
      components.set(key, component);
    }
    parent = component;
  }
  return parent;
}

for (const spec of specs) {
  const parent = parentOf(spec);
  const opts = parent ? { parent } : {};
  const key = [...(spec.parents ?? []).map((p) => p.name), spec.name].join("/");
  const cert = new Certificate(spec.name, {
    productCode: spec.productCode ?? "positivessl-multi-domain",
    years: spec.years ?? 1,
    domains: spec.domains,
    dcvMethod: spec.dcvMethod ?? "CNAME_CSR_HASH",
    ...(spec.dcvEmail ? { dcvEmail: spec.dcvEmail } : {}),
    administrator,
    ...(spec.deletePolicy ? { deletePolicy: spec.deletePolicy } : {}),
    ...(spec.certId ? { certId: spec.certId } : {}),
    ...(spec.waitForIssuance ? { waitForIssuance: true, waitTimeoutMinutes: spec.waitTimeoutMinutes ?? 60 } : {}),
  }, opts);

  let validation: CertificateValidation | undefined;
  if (spec.validate !== false) {
    const records = spec.domains.map(
      (_domain, i) =>
        new PowerDnsRecord(`${spec.name}-dcv-${i}`, {
          apiUrl: dnsApiUrl,
          apiKey: dnsApiKey,
          zone,
          name: cert.dcvRecords.apply((r) => r[i].name),
          type: cert.dcvRecords.apply((r) => r[i].type as "CNAME" | "TXT"),
          value: cert.dcvRecords.apply((r) => r[i].value),
        }, opts),
    );
    validation = new CertificateValidation(
      `${spec.name}-validation`,
      { certificate: cert, validationRecordFqdns: records.map((r) => r.name), timeoutMinutes: 2 },
      { dependsOn: records, ...opts },
    );
  }

  certificates[key] = pulumi.output({
    id: cert.id,
    certId: cert.certId,
    status: cert.status,
    dcvRecords: cert.dcvRecords,
    notAfter: validation ? validation.notAfter : cert.notAfter,
    serialNumber: validation ? validation.serialNumber : cert.serialNumber,
    certificatePem: validation ? validation.certificatePem : cert.certificatePem,
  });
}

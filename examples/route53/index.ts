// A NicSRS certificate validated through Route 53 and handed to Kubernetes:
//   Certificate.dcvRecords → aws.route53.Record (one per domain) → CertificateValidation (waits
//   for issuance, after the records exist) → kubernetes.io/tls Secret (full chain + private key).
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import { Certificate, CertificateValidation, type ContactArgs, type DcvRecordOut } from "pulumi-nicsrs";

const config = new pulumi.Config();
/** The public hosted zone, e.g. "example.com". */
const zoneName = config.require("zoneName");
/** e.g. ["example.com", "www.example.com"]; the first is the common name. */
const domains = config.requireObject<string[]>("domains");
const administrator = config.requireObject<ContactArgs>("administrator");

const zone = aws.route53.getZoneOutput({ name: zoneName, privateZone: false });

const cert = new Certificate("site", {
  productCode: config.get("productCode") ?? "positivessl-multi-domain",
  years: config.getNumber("years") ?? 1,
  domains,
  dcvMethod: "CNAME_CSR_HASH",
  administrator,
});

const base = (d: string) => d.replace(/^\*\./, "").toLowerCase();

/** The DNS DCV record of one domain (a wildcard's record is for its base name). */
function dcvRecordFor(domain: string, index: number): pulumi.Output<DcvRecordOut> {
  return cert.dcvRecords.apply((records) => {
    const r = records.find((x) => base(x.domain) === base(domain)) ?? records[index];
    if (!r) throw new Error(`no DNS DCV record for ${domain}`);
    return r;
  });
}

const records = domains.map((domain, i) => {
  const r = dcvRecordFor(domain, i);
  return new aws.route53.Record(`dcv-${i}`, {
    zoneId: zone.zoneId,
    name: r.apply((x) => x.name),
    type: r.apply((x) => x.type),
    ttl: 60,
    // Route 53 quotes TXT values itself; CNAME targets may be given without the trailing dot.
    records: [r.apply((x) => x.value)],
    allowOverwrite: true,
  });
});

const validation = new CertificateValidation(
  "site",
  { certificate: cert, validationRecordFqdns: records.map((r) => r.fqdn), timeoutMinutes: 60 },
  { dependsOn: records },
);

const privateKeyPem = cert.privateKeyPem.apply((key) => {
  if (!key) throw new Error("no private key in state (keySource \"local\" keeps one; an adopted order's key is its owner's)");
  return key;
});

const tlsSecret = new k8s.core.v1.Secret("site-tls", {
  metadata: {
    name: config.get("secretName") ?? "site-tls",
    namespace: config.get("namespace") ?? "default",
  },
  type: "kubernetes.io/tls",
  stringData: {
    "tls.crt": validation.fullChainPem,
    "tls.key": privateKeyPem,
  },
});

export const certId = cert.certId;
export const dcvRecordNames = records.map((r) => r.fqdn);
export const notAfter = validation.notAfter;
export const renewalWindowOpensAt = cert.renewalWindowOpensAt;
export const secretName = tlsSecret.metadata.name;

// A NicSRS certificate validated through Cloudflare DNS and handed to Kubernetes:
//   Certificate.dcvRecords → cloudflare.DnsRecord (one per domain) → CertificateValidation (waits
//   for issuance, after the records exist) → kubernetes.io/tls Secret (full chain + private key).
// A renewal (reissue or renew, planned from the certificate's notAfter) gives a new certId and new
// DCV values: the records are updated, the validation is replaced and the secret gets the new PEMs.
import * as pulumi from "@pulumi/pulumi";
import * as cloudflare from "@pulumi/cloudflare";
import * as k8s from "@pulumi/kubernetes";
import { Certificate, CertificateValidation, type ContactArgs, type DcvRecordOut } from "pulumi-nicsrs";

const config = new pulumi.Config();
const zoneId = config.require("cloudflareZoneId");
/** e.g. ["example.com", "www.example.com"]; the first is the common name. */
const domains = config.requireObject<string[]>("domains");
const administrator = config.requireObject<ContactArgs>("administrator");

const cert = new Certificate("site", {
  productCode: config.get("productCode") ?? "positivessl-multi-domain",
  years: config.getNumber("years") ?? 1,
  domains,
  dcvMethod: "CNAME_CSR_HASH",
  administrator,
  renewBeforeDays: 30,
});

/** Cloudflare wants names and CNAME targets without the trailing dot. */
const noDot = (s: string) => s.replace(/\.$/, "");
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
  return new cloudflare.DnsRecord(`dcv-${i}`, {
    zoneId,
    name: r.apply((x) => noDot(x.name)),
    type: r.apply((x) => x.type),
    content: r.apply((x) => noDot(x.value)),
    ttl: 60,
    proxied: false,
    comment: `NicSRS domain control validation for ${domain}`,
  });
});

const validation = new CertificateValidation(
  "site",
  {
    certificate: cert,
    // Fails at once (like ACM) if these records do not cover every DNS DCV record of the order.
    validationRecordFqdns: records.map((r) => r.name),
    timeoutMinutes: 60,
  },
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
export const dcvRecordNames = records.map((r) => r.name);
export const notAfter = validation.notAfter;
export const renewalWindowOpensAt = cert.renewalWindowOpensAt;
export const secretName = tlsSecret.metadata.name;

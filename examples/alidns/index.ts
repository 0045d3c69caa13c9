// A NicSRS certificate validated through Alibaba Cloud DNS and handed to Kubernetes:
//   Certificate.dcvRecords → alicloud.dns.AlidnsRecord (one per domain) → CertificateValidation
//   (waits for issuance, after the records exist) → kubernetes.io/tls Secret (full chain + key).
// A renewal (reissue or renew, planned from the certificate's notAfter) gives a new certId and new
// DCV values: the records are updated, the validation is replaced and the secret gets the new PEMs.
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import * as k8s from "@pulumi/kubernetes";
import { Certificate, CertificateValidation, type ContactArgs, type DcvRecordOut } from "pulumi-nicsrs";

const config = new pulumi.Config();
/** The domain as it is registered in Alibaba Cloud DNS, e.g. "example.com". */
const dnsDomain = config.require("alidnsDomain").replace(/\.$/, "").toLowerCase();
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

const noDot = (s: string) => s.replace(/\.$/, "");
const base = (d: string) => d.replace(/^\*\./, "").toLowerCase();

/**
 * Alibaba Cloud DNS names a record by its host ("RR") inside the domain: `_abc.www` in example.com
 * for `_abc.www.example.com`, `@` for the domain itself.
 */
function hostRecord(fqdn: string): string {
  const name = noDot(fqdn).toLowerCase();
  if (name === dnsDomain) return "@";
  if (!name.endsWith(`.${dnsDomain}`)) throw new Error(`DCV record ${name} is not inside the Alibaba Cloud DNS domain ${dnsDomain}`);
  return name.slice(0, -(dnsDomain.length + 1));
}

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
  return new alicloud.dns.AlidnsRecord(`dcv-${i}`, {
    domainName: dnsDomain,
    rr: r.apply((x) => hostRecord(x.name)),
    type: r.apply((x) => x.type),
    // CNAME targets are taken as fully qualified names without the trailing dot.
    value: r.apply((x) => noDot(x.value)),
    // 600 s is the smallest TTL of the free edition; paid editions allow less.
    ttl: config.getNumber("ttl") ?? 600,
    remark: `NicSRS domain control validation for ${domain}`,
  });
});

/** The FQDN each record really has, so that CertificateValidation checks what was created. */
const recordFqdns = records.map((rec) => pulumi.all([rec.rr, rec.domainName]).apply(([rr, d]) => (rr === "@" ? d : `${rr}.${d}`)));

const validation = new CertificateValidation(
  "site",
  {
    certificate: cert,
    // Fails at once (like ACM) if these records do not cover every DNS DCV record of the order.
    validationRecordFqdns: recordFqdns,
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
export const dcvRecordNames = recordFqdns;
export const notAfter = validation.notAfter;
export const renewalWindowOpensAt = cert.renewalWindowOpensAt;
export const secretName = tlsSecret.metadata.name;

import * as pulumi from "@pulumi/pulumi";
import { Certificate, SectigoSslCertificate, SmimeCertificate } from "pulumi-nicsrs";
import { administrator } from "../../provider/fixtures";
import type { SectigoStackSpec } from "./spec";

const spec = new pulumi.Config("e2e").requireObject<SectigoStackSpec>("sectigo");

export const crossCollected: Record<string, pulumi.Output<unknown>> = {};
export const ssl: Record<string, pulumi.Output<unknown>> = {};
export const smime: Record<string, pulumi.Output<unknown>> = {};

// The flow of examples/sectigo-cross-collect.
for (const c of spec.crossCollect ?? []) {
  const viaNicsrs = new Certificate(c.name, { productCode: "positivessl", domains: c.domains, administrator, waitForIssuance: true });
  const viaSectigo = new SectigoSslCertificate(`${c.name}-from-sectigo`, {
    orderNumber: viaNicsrs.vendorId.apply((id) => id ?? ""),
    waitForIssuance: true,
  });
  crossCollected[c.name] = pulumi.output({
    certId: viaNicsrs.certId,
    vendorId: viaNicsrs.vendorId,
    sectigoOrderNumber: viaSectigo.orderNumber,
    nicsrsFingerprint: viaNicsrs.sha256Fingerprint,
    sectigoFingerprint: viaSectigo.sha256Fingerprint,
    sectigoStatus: viaSectigo.status,
  });
}

for (const s of spec.ssl ?? []) {
  const adopted = new SectigoSslCertificate(s.name, { orderNumber: s.orderNumber, ...(s.waitForIssuance ? { waitForIssuance: true } : {}) });
  ssl[s.name] = pulumi.output({
    orderNumber: adopted.orderNumber,
    status: adopted.status,
    statusCode: adopted.statusCode,
    certificateStatus: adopted.certificateStatus,
    sha256Fingerprint: adopted.sha256Fingerprint,
  });
}

for (const m of spec.smime ?? []) {
  const cert = new SmimeCertificate(m.name, { orderNumber: m.orderNumber, email: m.email, key: { algorithm: "ECDSA", curve: "P-256" } });
  smime[m.name] = pulumi.output({
    orderNumber: cert.orderNumber,
    status: cert.status,
    csrSubmitted: cert.csrSubmitted,
    emails: cert.emails,
    sha256Fingerprint: cert.sha256Fingerprint,
    // The key itself is a secret output; the suite reads it from the state.
    hasPrivateKey: pulumi.unsecret(cert.privateKeyPem).apply((k) => typeof k === "string" && k.includes("PRIVATE KEY")),
  });
}

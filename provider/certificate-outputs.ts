// Outputs built from what the CA answered (order results, collect). Pure apart from X.509 parsing.
import type { CollectResult, DcvRecords, OrderResult } from "../sdk/nicsrs";
import { parseCertificate, splitPemBlocks } from "../sdk/x509";
import { clean } from "./check";

export interface DcvRecordOut {
  domain: string;
  method: string;
  /** FQDN of the record to create. */
  name: string;
  type: "CNAME" | "TXT";
  value: string;
}
export interface DcvFileOut {
  domain: string;
  method: string;
  url: string;
  path: string;
  content: string;
}
export interface DcvEmailOut {
  domain: string;
  email: string;
}

/** The issued certificate's material, as both resources output it. */
export interface IssuedMaterial {
  certificatePem?: string;
  caCertificatePem?: string;
  fullChainPem?: string;
  /** Only when the CA generated the key. */
  privateKeyPem?: string;
  pkcs12?: string;
  pkcs12Password?: string;
  notBefore?: string;
  notAfter?: string;
  serialNumber?: string;
  sha256Fingerprint?: string;
  subscriptionEndsAt?: string;
}

export function dcvOutputs(dcv: DcvRecords | undefined): { dcvRecords: DcvRecordOut[]; dcvFiles: DcvFileOut[]; dcvEmails: DcvEmailOut[] } {
  return {
    dcvRecords: (dcv?.dns ?? []).map((r) => ({ domain: r.domain, method: r.method, name: r.name, type: r.type, value: r.value })),
    dcvFiles: (dcv?.files ?? []).map((f) => ({ domain: f.domain, method: f.method, url: f.url, path: f.path, content: f.content })),
    dcvEmails: (dcv?.emails ?? []).map((e) => ({ domain: e.domain, email: e.email })),
  };
}

function ensureNewline(pem: string): string {
  return pem.endsWith("\n") ? pem : `${pem}\n`;
}

/**
 * Certificate material from a collect. Dates, serial and fingerprint come from the X.509 itself;
 * the API's date strings are only a fallback when the certificate cannot be parsed.
 */
export function issuedMaterial(c: CollectResult): IssuedMaterial {
  const out: IssuedMaterial = {};
  if (c.dueDate) out.subscriptionEndsAt = c.dueDate;
  if (c.privateKeyPem) out.privateKeyPem = ensureNewline(c.privateKeyPem);
  if (c.pkcs12) out.pkcs12 = c.pkcs12;
  if (c.pkcs12Password) out.pkcs12Password = c.pkcs12Password;
  if (!c.certificatePem) return out;
  const leafBlocks = splitPemBlocks(c.certificatePem, "CERTIFICATE");
  const leaf = leafBlocks[0] ?? ensureNewline(c.certificatePem);
  const chainBlocks = [...leafBlocks.slice(1), ...(c.caCertificatePem ? splitPemBlocks(c.caCertificatePem, "CERTIFICATE") : [])];
  out.certificatePem = leaf;
  if (chainBlocks.length > 0) out.caCertificatePem = chainBlocks.join("");
  out.fullChainPem = [leaf, ...chainBlocks].join("");
  try {
    const x = parseCertificate(leaf);
    out.notBefore = x.notBefore;
    out.notAfter = x.notAfter;
    out.serialNumber = x.serialNumber;
    out.sha256Fingerprint = x.sha256Fingerprint;
  } catch {
    if (c.beginDate) out.notBefore = c.beginDate;
    if (c.endDate) out.notAfter = c.endDate;
  }
  return out;
}

/** Order facts (from place / renew / reissue). */
export function orderOutputs(o: OrderResult): { certId: string; refId: string; vendorId?: string; vendorCertId?: string } {
  return clean({ certId: o.certId, refId: o.refId, vendorId: o.vendorId, vendorCertId: o.vendorCertId });
}

/** Per-domain validation state from a collect: the domains the CA reports verified. */
export function verifiedDomains(c: CollectResult): string[] {
  return c.domains.filter((d) => d.verified).map((d) => d.domain);
}

/** What is still pending per domain, for timeout messages. */
export function pendingSummary(c: CollectResult): string {
  const lines: string[] = [];
  const records = dcvOutputs(c.dcv);
  const domains = c.domains.length > 0 ? c.domains : records.dcvRecords.map((r) => ({ domain: r.domain, verified: false, method: r.method }));
  for (const d of domains) {
    if (d.verified) continue;
    const dns = records.dcvRecords.find((r) => r.domain.replace(/^\*\./, "") === d.domain.replace(/^\*\./, ""));
    const file = records.dcvFiles.find((f) => f.domain === d.domain);
    const mail = records.dcvEmails.find((e) => e.domain === d.domain);
    const how = dns
      ? `${dns.type} ${dns.name} -> ${dns.value} not seen by the CA yet`
      : file
        ? `file ${file.url} not seen by the CA yet`
        : mail
          ? `approval email to ${mail.email} not answered yet`
          : `${d.method ?? "DCV"} not completed yet`;
    lines.push(`${d.domain}: ${how}`);
  }
  if (lines.length === 0) lines.push(`every domain is validated; the CA has not issued yet (status ${c.status}${c.stillIssuing ? ", still issuing" : ""})`);
  return lines.join("; ");
}

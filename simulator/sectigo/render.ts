// Writes a Sectigo answer in the format, encoding and layout the request asked for
// (CollectSSL page sections 2 and 3; the S/MIME page's JavaScript variables).
import { cmmfDer, netscapeSequenceDer, pkcs7Der, zipArchive } from "./structures";

export interface SectigoReply {
  status: number;
  errorMessage?: string;
  notBefore?: Date;
  notAfter?: Date;
  fqdn?: string;
  leafDer?: Uint8Array;
  /** Root first, then intermediate(s): the docs' order. */
  caDers: Uint8Array[];
  certificateStatus?: string;
  validationStatus?: string;
  mdcDomainDetails?: Record<string, string>;
  mdcDomainDetails2?: Record<string, string>;
  /** csr, dcv, ovCallback, organizationValidation, freeDVUP, evClickThrough, brandVal. */
  statusDetails?: [number, number, number, number, number, number, number];
  caaStatus?: string;
}

export interface RenderOptions {
  endpoint: "CollectSSL" | "RequestAndCollectSMIME";
  queryType: number;
  responseType: number;
  responseEncoding: number;
  responseFormat: number;
  responseMimeType?: string;
  showValidityPeriod: boolean;
  showFQDN: boolean;
  showExtStatus: boolean;
  showMDCDomainDetails: boolean;
  showMDCDomainDetails2: boolean;
  showStatusDetails: boolean;
}

export interface Rendered {
  contentType: string;
  body: string | Uint8Array;
}

const pem = (der: Uint8Array, label = "CERTIFICATE") =>
  `-----BEGIN ${label}-----\n${(Buffer.from(der).toString("base64").match(/.{1,64}/g) ?? []).join("\n")}\n-----END ${label}-----\n`;
const b64 = (der: Uint8Array) => Buffer.from(der).toString("base64");
const lines = (text: string, width: number) => (text.match(new RegExp(`.{1,${width}}`, "g")) ?? []).join("\n");
const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
const epoch = (d: Date) => String(Math.floor(d.getTime() / 1000));
const mdc = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([domain, status]) => `${domain} ${status}`)
    .join(", ");

/** The certificates a queryType selects, in the docs' order (root, intermediate, end entity). */
function selected(r: SectigoReply, queryType: number): { leaf?: Uint8Array; cas: Uint8Array[] } {
  return { leaf: queryType === 1 || queryType === 2 ? r.leafDer : undefined, cas: queryType === 1 || queryType === 3 ? r.caDers : [] };
}

function structure(r: SectigoReply, o: RenderOptions): Uint8Array {
  const { leaf, cas } = selected(r, o.queryType);
  const all = [...cas, ...(leaf ? [leaf] : [])];
  switch (o.responseType) {
    case 0:
      return zipArchive([...cas.map((c, i) => ({ name: i === 0 ? "RootCA.crt" : `IntermediateCA${i}.crt`, pem: pem(c) })), ...(leaf ? [{ name: `${(r.fqdn ?? "certificate").replace(/[^A-Za-z0-9]/g, "_")}.crt`, pem: pem(leaf) }] : [])]);
    case 1:
      return netscapeSequenceDer(leaf ? [leaf, ...[...cas].reverse()] : [...cas].reverse());
    case 2:
      return pkcs7Der(all);
    case 4:
      return cmmfDer(leaf, cas);
    default:
      throw new Error(`no binary structure for responseType ${o.responseType}`);
  }
}

function newlinePayload(r: SectigoReply, o: RenderOptions): string {
  const { leaf, cas } = selected(r, o.queryType);
  switch (o.responseType) {
    case 3:
      return [...cas, ...(leaf ? [leaf] : [])].map((c) => pem(c)).join("");
    case 0:
      return lines(b64(structure(r, o)), 76) + "\n";
    case 2:
      return pem(structure(r, o), "PKCS7");
    default:
      return lines(b64(structure(r, o)), 64) + "\n";
  }
}

function newline(r: SectigoReply, o: RenderOptions): string {
  const out: string[] = [String(r.status)];
  if (r.status < 0) return `${r.status}\n${r.errorMessage ?? ""}\n`;
  if (r.status > 0 && o.showValidityPeriod && r.notBefore && r.notAfter) out.push(`${dmy(r.notBefore)} ${dmy(r.notAfter)}`);
  if (r.status > 0 && o.showFQDN) out.push(r.fqdn ?? "");
  let text = out.join("\n") + "\n";
  if (r.status === 2) text += newlinePayload(r, o);
  const tail: string[] = [];
  if (o.showExtStatus) tail.push(r.certificateStatus ?? "NO STATUS", r.validationStatus ?? "");
  if (r.status === 0 && o.showMDCDomainDetails) tail.push(mdc(r.mdcDomainDetails ?? {}));
  if (o.showStatusDetails) tail.push(...(r.statusDetails ?? [-1, -1, -1, -1, -1, -1, -1]).map(String));
  if (r.status === 0 && o.showMDCDomainDetails2) tail.push(mdc(r.mdcDomainDetails2 ?? {}));
  if (r.caaStatus) tail.push(r.caaStatus);
  return text + tail.map((l) => l + "\n").join("");
}

function urlEncoded(r: SectigoReply, o: RenderOptions): string {
  const p = new URLSearchParams({ errorCode: String(r.status) });
  if (r.status < 0) {
    p.set("errorMessage", r.errorMessage ?? "");
    return p.toString();
  }
  if (o.showValidityPeriod && r.notBefore && r.notAfter && r.status > 0) {
    p.set("notBefore", epoch(r.notBefore));
    p.set("notAfter", epoch(r.notAfter));
  }
  if (o.showFQDN && r.fqdn && r.status > 0) p.set("fqdn", r.fqdn);
  if (r.status === 2) {
    if (o.responseType === 3) {
      const { leaf, cas } = selected(r, o.queryType);
      for (const c of cas) p.append("caCertificate", b64(c));
      if (leaf) p.set("certificate", b64(leaf));
    } else {
      p.set(({ 0: "zipFile", 1: "netscapeCertificateSequence", 2: "pkcs7" } as Record<number, string>)[o.responseType], b64(structure(r, o)));
    }
  }
  if (o.showExtStatus) {
    p.set("certificateStatus", r.certificateStatus ?? "NO STATUS");
    p.set("validationStatus", r.validationStatus ?? "");
  }
  if (r.status === 0 && o.showMDCDomainDetails) p.set("mdcDomainDetails", mdc(r.mdcDomainDetails ?? {}));
  if (r.status === 0 && o.showMDCDomainDetails2) p.set("mdcDomainDetails2", mdc(r.mdcDomainDetails2 ?? {}));
  if (o.showStatusDetails) {
    const names = ["csrStatus", "dcvStatus", "ovCallBackStatus", "organizationValidationStatus", "freeDVUPStatus", "evClickThroughStatus", "brandValStatus"];
    (r.statusDetails ?? [-1, -1, -1, -1, -1, -1, -1]).forEach((v, i) => p.set(names[i], String(v)));
  }
  if (r.caaStatus) p.set("caaStatus", r.caaStatus);
  return p.toString();
}

function javascript(r: SectigoReply, o: RenderOptions): string {
  const out = [`var g_errorCode = ${r.status};`];
  if (r.status < 0) out.push(`var g_errorMessage = ${JSON.stringify(r.errorMessage ?? "")};`);
  let ccc = "";
  if (r.status === 2) ccc = o.responseType === 3 ? newlinePayload(r, o) : b64(structure(r, o));
  out.push(`var g_ccc = ${JSON.stringify(ccc)};`);
  return out.join("\n") + "\n";
}

export function renderReply(r: SectigoReply, o: RenderOptions): Rendered {
  if (r.status === 2 && o.responseEncoding === 1) {
    return { contentType: o.responseMimeType ?? (o.responseType === 0 ? "application/zip" : "application/pkcs7-mime"), body: structure(r, o) };
  }
  if (o.endpoint === "RequestAndCollectSMIME" && o.responseEncoding === 2) return { contentType: o.responseMimeType ?? "text/javascript", body: javascript(r, o) };
  if (o.endpoint === "CollectSSL" && o.responseFormat === 1) return { contentType: "application/x-www-form-urlencoded", body: urlEncoded(r, o) };
  return { contentType: r.status > 0 ? o.responseMimeType ?? "text/plain" : "text/plain", body: newline(r, o) };
}

import { createHash, randomBytes } from "node:crypto";
import { pemToDer } from "../../sdk/x509";
import type { DcvStyle } from "../catalogue";
import type { DomainRecord, OrderRecord } from "../store/types";
import { baseDomain } from "./domains";

export interface CsrHashes {
  /** upper-case hex */
  md5: string;
  sha256: string;
}

/** Sectigo's CSR hashes: over the CSR's DER bytes, upper-case hex. */
export function csrHashes(csrPem: string): CsrHashes {
  const der = pemToDer(csrPem);
  return {
    md5: createHash("md5").update(der).digest("hex").toUpperCase(),
    sha256: createHash("sha256").update(der).digest("hex").toUpperCase(),
  };
}

export interface DnsChallenge {
  /** Label relative to the (wildcard-less) domain: `_<MD5>` or `_dnsauth`. */
  host: string;
  /** FQDN of the record at the domain itself; the VA also accepts it at parents. */
  name: string;
  type: "CNAME" | "TXT";
  value: string;
}

export interface FileChallenge {
  fileName: string;
  /** URL path, starting with `/`. */
  path: string;
  content: string;
}

export interface Challenge {
  dns: DnsChallenge;
  file: FileChallenge;
}

export function newDcvToken(): string {
  return randomBytes(16).toString("hex");
}

/** What the applicant must publish for `domain` of `order`, whatever method was chosen. */
export function challengeFor(style: DcvStyle, order: Pick<OrderRecord, "csrPem" | "uniqueValue">, domain: DomainRecord): Challenge {
  const base = baseDomain(domain.domainName);
  if (style === "digicert-random-token") {
    const token = domain.token ?? "";
    return {
      dns: { host: "_dnsauth", name: `_dnsauth.${base}`, type: "TXT", value: token },
      file: { fileName: "fileauth.txt", path: "/.well-known/pki-validation/fileauth.txt", content: token },
    };
  }
  const { md5, sha256 } = csrHashes(order.csrPem);
  const unique = order.uniqueValue ? `.${order.uniqueValue}` : "";
  return {
    dns: { host: `_${md5}`, name: `_${md5}.${base}`, type: "CNAME", value: `${sha256.slice(0, 32)}.${sha256.slice(32, 64)}${unique}.sectigo.com` },
    file: {
      fileName: `${md5}.txt`,
      path: `/.well-known/pki-validation/${md5}.txt`,
      content: `${sha256}\nsectigo.com${order.uniqueValue ? `\n${order.uniqueValue}` : ""}`,
    },
  };
}

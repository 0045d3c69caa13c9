import { DCV_EMAIL_LOCAL_PARTS } from "../../sdk/nicsrs/wire";

// Multi-label public suffixes the simulator knows about; a real CA uses the full Public Suffix List.
const MULTI_LABEL_SUFFIXES = new Set([
  "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "com.au", "net.au", "org.au", "edu.au", "co.nz", "co.jp", "ne.jp",
  "or.jp", "com.cn", "net.cn", "org.cn", "gov.cn", "com.hk", "com.tw", "com.br", "com.mx", "co.za", "co.in", "co.kr",
  "com.sg", "com.my", "com.tr", "com.ar",
]);

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function isWildcard(domain: string): boolean {
  return domain.startsWith("*.");
}

/** The domain without a leading `*.`. */
export function baseDomain(domain: string): string {
  return isWildcard(domain) ? domain.slice(2) : domain;
}

export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, "");
}

export function isPublicSuffix(name: string): boolean {
  return !name.includes(".") || MULTI_LABEL_SUFFIXES.has(name);
}

/** A syntactically valid host name (optionally `*.`-prefixed) that is not itself a public suffix. */
export function isValidDomain(domain: string): boolean {
  const base = baseDomain(domain);
  if (base.length > 253) return false;
  const labels = base.split(".");
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && !/^[0-9]+$/.test(labels[labels.length - 1]) && !isPublicSuffix(base);
}

/** The FQDN (wildcard dropped) and each parent, down to but excluding the public suffix. */
export function authorizationDomainNames(domain: string): string[] {
  const out: string[] = [];
  let name = baseDomain(normalizeDomain(domain));
  while (name.includes(".") && !isPublicSuffix(name)) {
    out.push(name);
    name = name.slice(name.indexOf(".") + 1);
  }
  return out;
}

/** Whether `email` is an approver address Sectigo accepts for `domain`. */
export function isApproverEmail(domain: string, email: string): boolean {
  const at = email.lastIndexOf("@");
  if (at <= 0) return false;
  const local = email.slice(0, at).toLowerCase();
  const host = normalizeDomain(email.slice(at + 1));
  return (DCV_EMAIL_LOCAL_PARTS as readonly string[]).includes(local) && authorizationDomainNames(domain).includes(host);
}

export function approverEmails(domain: string): string[] {
  return authorizationDomainNames(domain).flatMap((adn) => DCV_EMAIL_LOCAL_PARTS.map((l) => `${l}@${adn}`));
}

import type { DcvMethod, DomainInfo } from "../../sdk/nicsrs/wire";
import type { CatalogueProduct } from "../catalogue";
import type { DomainRecord } from "../store/types";
import { newDcvToken } from "../va/challenges";
import { isApproverEmail, isValidDomain, isWildcard, normalizeDomain } from "../va/domains";
import { addError, FieldErrors } from "./reply";

/** Checks one domain's DCV choice; errors go under `<prefix>dcvMethod` / `<prefix>dcvEmail`. */
export function checkDcvChoice(domainName: string, method: DcvMethod, email: string | undefined, prefix: string, errors: FieldErrors): void {
  if ((method === "HTTP_CSR_HASH" || method === "HTTPS_CSR_HASH") && isWildcard(domainName)) {
    addError(errors, `${prefix}dcvMethod`, `${method} cannot validate the wildcard ${domainName}; use CNAME_CSR_HASH or EMAIL`);
  }
  if (method === "EMAIL") {
    if (!email) addError(errors, `${prefix}dcvEmail`, "dcvEmail is required with the EMAIL method");
    else if (!isApproverEmail(domainName, email)) {
      addError(errors, `${prefix}dcvEmail`, `${email} is not an approver address for ${domainName} (admin@, administrator@, postmaster@, webmaster@ or hostmaster@ the domain or a parent)`);
    }
  }
}

/** The ordered domains as records, checked against the product's rules (count, wildcard, syntax, DCV choice). */
export function checkDomains(product: CatalogueProduct, domainInfo: DomainInfo[], errors: FieldErrors): DomainRecord[] {
  if (domainInfo.length > product.maxDomains) {
    addError(errors, "domainInfo", `${product.code} covers at most ${product.maxDomains} domain(s); ${domainInfo.length} given`);
  }
  const seen = new Set<string>();
  return domainInfo.map((info, i) => {
    const prefix = `domainInfo.${i}`;
    const domainName = normalizeDomain(info.domainName);
    if (!isValidDomain(domainName)) addError(errors, `${prefix}.domainName`, `${info.domainName} is not a valid domain name`);
    else if (isWildcard(domainName) && !product.wildcard) addError(errors, `${prefix}.domainName`, `${product.code} does not accept wildcard names such as ${domainName}`);
    if (seen.has(domainName)) addError(errors, `${prefix}.domainName`, `${domainName} is listed twice`);
    seen.add(domainName);
    const email = info.dcvEmail?.trim() || undefined;
    checkDcvChoice(domainName, info.dcvMethod, email, `${prefix}.`, errors);
    return {
      domainName,
      dcvMethod: info.dcvMethod,
      ...(info.dcvMethod === "EMAIL" && email ? { dcvEmail: email.toLowerCase() } : {}),
      verified: false,
      ...(product.dcvStyle === "digicert-random-token" ? { token: newDcvToken() } : {}),
    };
  });
}

import type { OrderParams } from "../../sdk/nicsrs/wire";
import type { SubjectFields } from "../../sdk/x509";
import { loadPrivateKey } from "../../sdk/x509/keys";
import type { CatalogueProduct } from "../catalogue";
import type { DomainRecord } from "../store/types";
import { checkCsr, generateCsr } from "./csr-rules";
import { checkDomains } from "./domain-rules";
import { addError, FieldErrors, invalid } from "./reply";

export interface PreparedOrder {
  domains: DomainRecord[];
  /** Absent only in a dry run without a CSR. */
  csrPem?: string;
  generatedKeyPem?: string;
}

/** Product rules for years, domains, organization, contacts and the CSR; code -1 with every problem found. */
export async function prepareOrder(
  product: CatalogueProduct,
  params: Pick<OrderParams, "domainInfo" | "csr" | "privateKey" | "organizationInfo" | "tech" | "finance">,
  opts: { years?: number; dryRun?: boolean; /** false for reissues: the subscription has them already */ requireContacts?: boolean },
): Promise<PreparedOrder> {
  const errors: FieldErrors = {};
  if (opts.years !== undefined && !product.years.includes(opts.years)) {
    addError(errors, "years", `${product.code} is sold for ${product.years.join(", ")} year(s), not ${opts.years}`);
  }
  const domains = checkDomains(product, params.domainInfo, errors);
  if (product.validationType !== "DV" && opts.requireContacts !== false) {
    for (const field of ["organizationInfo", "tech", "finance"] as const) {
      if (!params[field]) addError(errors, field, `${field} is required for ${product.validationType} products`);
    }
  }
  const names = domains.map((d) => d.domainName);
  const csr = params.csr?.trim() || undefined;
  if (csr) await checkCsr(csr, names, errors);
  const privateKey = params.privateKey?.trim() || undefined;
  if (!csr && privateKey) {
    try {
      loadPrivateKey(privateKey);
    } catch (err) {
      addError(errors, "privateKey", (err as Error).message);
    }
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
  if (csr) return { domains, csrPem: csr + "\n" };
  if (opts.dryRun) return { domains };
  const generated = await generateCsr(names, subjectFields(params.organizationInfo), privateKey);
  return { domains, csrPem: generated.csrPem, generatedKeyPem: generated.privateKeyPem };
}

export function subjectFields(org: OrderParams["organizationInfo"]): SubjectFields {
  if (!org) return {};
  return { O: org.organizationName, L: org.organizationCity, ST: org.organizationState || undefined, C: org.organizationCountry };
}

import { createHash } from "node:crypto";
import { createCsr, generateKeyPair, pemToDer } from "../../sdk/x509";
import type { KeyPairPem } from "../../sdk/x509";

export const CONTACT = {
  job: "CTO",
  city: "Berlin",
  email: "it@example.com",
  state: "Berlin",
  mobile: "+49301234567",
  address: "Hauptstrasse 1",
  country: "DE",
  lastName: "Muster",
  postCode: "10115",
  firstName: "Erika",
  organization: "Example GmbH",
};

export const ORGANIZATION = {
  organizationName: "Example GmbH",
  organizationCity: "Berlin",
  organizationMobile: "+49301234567",
  organizationAddress: "Hauptstrasse 1",
  organizationCountry: "DE",
  organizationPostCode: "10115",
};

let rsaKey: Promise<KeyPairPem> | undefined;
let ecKey: Promise<KeyPairPem> | undefined;

/** One RSA 2048 key for the whole test run (keygen is the slow part). */
export function sharedRsaKey(): Promise<KeyPairPem> {
  return (rsaKey ??= generateKeyPair({ algorithm: "RSA", rsaBits: 2048 }));
}

export function sharedEcKey(): Promise<KeyPairPem> {
  return (ecKey ??= generateKeyPair({ algorithm: "ECDSA", curve: "P-256" }));
}

export async function csrFor(domains: string[], key?: KeyPairPem): Promise<string> {
  const k = key ?? (await sharedEcKey());
  return createCsr({ privateKeyPem: k.privateKeyPem, commonName: domains[0], sans: domains });
}

type Method = "CNAME_CSR_HASH" | "HTTP_CSR_HASH" | "HTTPS_CSR_HASH" | "EMAIL";

export function domainInfo(domains: string[], dcvMethod: Method = "CNAME_CSR_HASH", dcvEmail?: string) {
  return domains.map((domainName) => ({ domainName, dcvMethod, ...(dcvEmail ? { dcvEmail } : {}) }));
}

/** A complete place body (without api_token). */
export function placeFields(opts: { productCode?: string; years?: number; refId?: string; csr?: string; domains: string[]; method?: Method; dcvEmail?: string; extra?: Record<string, unknown> }) {
  return {
    productCode: opts.productCode ?? "positivessl",
    years: opts.years ?? 1,
    ...(opts.refId ? { refId: opts.refId } : {}),
    params: {
      ...(opts.csr ? { csr: opts.csr } : {}),
      server: "other",
      domainInfo: domainInfo(opts.domains, opts.method, opts.dcvEmail),
      Administrator: CONTACT,
      ...opts.extra,
    },
  };
}

/** The Sectigo CSR-hash values, computed independently of the simulator's code. */
export function expectedSectigoDcv(csrPem: string, uniqueValue?: string) {
  const der = Buffer.from(pemToDer(csrPem));
  const md5 = createHash("md5").update(der).digest("hex").toUpperCase();
  const sha = createHash("sha256").update(der).digest("hex").toUpperCase();
  return {
    md5,
    sha256: sha,
    cnameHost: `_${md5}`,
    cnameValue: `${sha.slice(0, 32)}.${sha.slice(32)}${uniqueValue ? `.${uniqueValue}` : ""}.sectigo.com`,
    filePath: `/.well-known/pki-validation/${md5}.txt`,
  };
}

let counter = 0;
export function uniqueRefId(prefix = "ref"): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${counter}`;
}
